package dev.synergylink.sync.internal;

/**
 * A map from long to long in primitive arrays (open addressing), for the per-run indexes that hold one entry per
 * record of a side: 25 to 50 bytes an entry where a {@code HashMap<Long, Long>} takes about 80, so that an index of
 * 100,000 records stays a few megabytes. Not thread-safe.
 */
final class IdMap {
  private static final float LOAD = 0.7f;

  private long[] keys = new long[16];
  private long[] values = new long[16];
  private boolean[] used = new boolean[16];
  private int size;

  /** The value of a key, or {@code absent} when there is none. */
  long get(long key, long absent) {
    int slot = find(key);
    return used[slot] ? values[slot] : absent;
  }

  boolean contains(long key) {
    return used[find(key)];
  }

  /** Puts a value, replacing any earlier one. */
  void put(long key, long value) {
    int slot = find(key);
    if (!used[slot]) {
      if (size + 1 > keys.length * LOAD) {
        grow();
        slot = find(key);
      }
      used[slot] = true;
      keys[slot] = key;
      size++;
    }
    values[slot] = value;
  }

  /** Puts a value unless the key has one; returns whether it was put. */
  boolean putIfAbsent(long key, long value) {
    if (contains(key)) {
      return false;
    }
    put(key, value);
    return true;
  }

  int size() {
    return size;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (used[slot] && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        int slot = find(oldKeys[i]);
        used[slot] = true;
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** Spreads a key's bits (ids are dense and small: without this they would crowd one end of the table). */
  static long mix(long key) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * A 64-bit hash of a string (FNV-1a, then mixed): a natural key kept as this instead of the string itself. Two keys
   * that share it are told apart by reading the record matched, whose key is compared in full.
   */
  static long hash(String value) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      h ^= value.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  @Override
  public String toString() {
    return "IdMap(" + size + " entries)";
  }
}
