package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.EncodedState;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes a snapshot (field key to value) as {@link EncodedState} text, {@code {"v":1,"fields":{...}}}, and back. Keys
 * are written in order, so equal snapshots encode to equal text.
 */
public final class SnapshotCodec {
  static final int VERSION = 1;
  private static final String HEAD = "{\"v\":" + VERSION + ",\"fields\":{";

  private SnapshotCodec() {}

  /**
   * Encodes a snapshot.
   *
   * @param fields the snapshot
   * @return its encoding
   */
  public static EncodedState encode(Map<String, String> fields) {
    StringBuilder out = new StringBuilder(HEAD);
    boolean first = true;
    for (Map.Entry<String, String> field : new TreeMap<>(fields).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, field.getKey());
      out.append(':');
      string(out, field.getValue());
    }
    return EncodedState.of(out.append("}}").toString());
  }

  /**
   * Decodes a snapshot.
   *
   * @param state the encoding
   * @return the snapshot, unmodifiable
   * @throws IllegalArgumentException when the text is not a snapshot of this version
   */
  public static Map<String, String> decode(EncodedState state) {
    String text = state.text();
    if (state.version() != VERSION || !text.startsWith(HEAD)) {
      throw new IllegalArgumentException("Not a version " + VERSION + " snapshot: " + state);
    }
    Map<String, String> fields = new TreeMap<>();
    int[] at = {HEAD.length()};
    while (text.charAt(at[0]) != '}') {
      String key = readString(text, at);
      expect(text, at, ':');
      fields.put(key, readString(text, at));
      if (text.charAt(at[0]) == ',') {
        at[0]++;
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static String readString(String text, int[] at) {
    expect(text, at, '"');
    StringBuilder value = new StringBuilder();
    for (char c = text.charAt(at[0]++); c != '"'; c = text.charAt(at[0]++)) {
      if (c == '\\') {
        char escaped = text.charAt(at[0]++);
        if (escaped == 'u') {
          value.append((char) Integer.parseInt(text.substring(at[0], at[0] + 4), 16));
          at[0] += 4;
        } else {
          value.append(escaped);
        }
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static void expect(String text, int[] at, char c) {
    if (text.charAt(at[0]) != c) {
      throw new IllegalArgumentException("Malformed snapshot at index " + at[0] + ": expected " + c);
    }
    at[0]++;
  }
}
