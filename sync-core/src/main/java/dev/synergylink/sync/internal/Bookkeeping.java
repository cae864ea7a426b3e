package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.StateStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's per-connection bookkeeping values ({@link StateStore#bookkeeping}): a flat JSON object of names to
 * plain values (instants, numbers, enum names, hex digests), with its version under {@code "v"}. Names and values
 * are the engine's own, made of letters, digits and {@code .:-_+}, so they need no escaping. A value that cannot be
 * read (another version, a store that mangled it) reads as empty: what it kept is only an economy, and the engine
 * starts it afresh.
 */
public final class Bookkeeping {
  /** The version of the encoding. */
  static final String VERSION = "1";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9.:+_-]*");
  private static final Pattern ENTRY = Pattern.compile("\"([A-Za-z0-9.:+_-]+)\":\"([A-Za-z0-9.:+_-]*)\"");

  private Bookkeeping() {}

  /**
   * A value as its names and values.
   *
   * @param store the store
   * @param connectionId the connection
   * @param key the value's name in the store
   * @return the entries, empty when there is none or it cannot be read
   */
  public static Map<String, String> read(StateStore store, String connectionId, String key) {
    return store.bookkeeping(connectionId, key).map(Bookkeeping::decode).orElse(Map.of());
  }

  /**
   * Saves a value.
   *
   * @param store the store
   * @param lease the lease
   * @param key the value's name in the store
   * @param entries the names and values (made of letters, digits and {@code .:-_+})
   */
  public static void save(StateStore store, Lease lease, String key, Map<String, String> entries) {
    store.saveBookkeeping(lease, key, encode(entries));
  }

  static String encode(Map<String, String> entries) {
    StringBuilder out = new StringBuilder("{\"v\":\"").append(VERSION).append('"');
    entries.forEach((name, value) -> {
      if (!PLAIN.matcher(name).matches() || value == null || !PLAIN.matcher(value).matches() || name.equals("v")) {
        throw new IllegalArgumentException("bookkeeping entry " + name + "=" + value + " is not plain");
      }
      out.append(",\"").append(name).append("\":\"").append(value).append('"');
    });
    return out.append('}').toString();
  }

  static Map<String, String> decode(String text) {
    String body = text.strip();
    if (!body.startsWith("{") || !body.endsWith("}")) {
      return Map.of();
    }
    Map<String, String> entries = new LinkedHashMap<>();
    Matcher m = ENTRY.matcher(body);
    int at = 1;
    while (m.find()) {
      if (!body.substring(at, m.start()).replace(",", "").isBlank()) {
        return Map.of();
      }
      entries.put(m.group(1), m.group(2));
      at = m.end();
    }
    if (!VERSION.equals(entries.remove("v"))) {
      return Map.of();
    }
    return Collections.unmodifiableMap(entries);
  }
}
