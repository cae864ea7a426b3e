package dev.synergylink.sync.internal;

import java.time.Instant;

/**
 * The versions of records a listing handed over: each an id and a modified instant. A set of primitives, with no
 * object per version: a busy second is listed again from its start until a pass finds nothing new, so a change poll
 * looks up every record it lists, most of them twice. Not thread-safe.
 */
final class VersionsSeen {
  private long[] ids = new long[64];
  private long[] seconds = new long[64];
  private int[] nanos = new int[64];
  /** Whether each slot holds a version; the arrays' length is a power of two. */
  private boolean[] used = new boolean[64];
  private int size;

  /**
   * Adds a version.
   *
   * @param id the record's id
   * @param modified its modified instant
   * @return true when the version was not there yet
   */
  boolean add(long id, Instant modified) {
    long second = modified.getEpochSecond();
    int nano = modified.getNano();
    int mask = used.length - 1;
    int slot = slot(id, second, nano) & mask;
    while (used[slot]) {
      if (ids[slot] == id && seconds[slot] == second && nanos[slot] == nano) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    ids[slot] = id;
    seconds[slot] = second;
    nanos[slot] = nano;
    if (++size * 2 > used.length) {
      grow();
    }
    return true;
  }

  private void grow() {
    long[] oldIds = ids;
    long[] oldSeconds = seconds;
    int[] oldNanos = nanos;
    boolean[] oldUsed = used;
    int capacity = oldUsed.length * 2;
    ids = new long[capacity];
    seconds = new long[capacity];
    nanos = new int[capacity];
    used = new boolean[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i]) {
        int slot = slot(oldIds[i], oldSeconds[i], oldNanos[i]) & mask;
        while (used[slot]) {
          slot = (slot + 1) & mask;
        }
        used[slot] = true;
        ids[slot] = oldIds[i];
        seconds[slot] = oldSeconds[i];
        nanos[slot] = oldNanos[i];
      }
    }
  }

  /** A well-spread hash: ids are often consecutive, and a busy second's versions share their instant. */
  private static int slot(long id, long second, int nano) {
    long h = id * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL + nano;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ h >>> 32);
  }
}
