package dev.synergylink.sync.internal.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small JSON subset the engine's state is written in: objects, strings, {@code null}, {@code true} / {@code false}
 * and integers. Written text holds no control character and no escape of U+0000 (PostgreSQL {@code jsonb} rejects
 * it): a string that holds U+0000 or a lone surrogate (which no UTF-8 text column stores) is written as an object
 * {@code {"utf16":"<hex of each char>"}} instead.
 */
final class StateJson {
  private static final String UTF16 = "utf16";

  private StateJson() {}

  /** Appends a string value (or null). */
  static void value(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
    } else if (plain(value)) {
      out.append('"').append(value).append('"'); // most values: one pass to look, one copy
    } else if (needsUtf16(value)) {
      out.append("{\"" + UTF16 + "\":\"");
      for (int i = 0; i < value.length(); i++) {
        out.append(String.format("%04x", (int) value.charAt(i)));
      }
      out.append("\"}");
    } else {
      string(out, value);
    }
  }

  /**
   * Appends an instant as {@link Instant#toString()} writes it (ISO-8601 in UTC, the fraction in groups of three
   * digits), without its formatter: each write of a pair's state writes two instants per value sent.
   */
  static StringBuilder instant(StringBuilder out, Instant instant) {
    long seconds = instant.getEpochSecond();
    long day = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(day);
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return out.append(instant); // signed and long years: the formatter's own rules
    }
    digits(out, date.getYear(), 4).append('-');
    digits(out, date.getMonthValue(), 2).append('-');
    digits(out, date.getDayOfMonth(), 2).append('T');
    digits(out, secondOfDay / 3600, 2).append(':');
    digits(out, secondOfDay / 60 % 60, 2).append(':');
    digits(out, secondOfDay % 60, 2);
    int nano = instant.getNano();
    if (nano != 0) {
      out.append('.');
      if (nano % 1_000_000 == 0) {
        digits(out, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        digits(out, nano / 1000, 6);
      } else {
        digits(out, nano, 9);
      }
    }
    return out.append('Z');
  }

  /** Appends a non-negative number in exactly {@code width} digits, zeros first. */
  private static StringBuilder digits(StringBuilder out, int value, int width) {
    for (int unit = pow10(width - 1); unit > 0; unit /= 10) {
      out.append((char) ('0' + value / unit % 10));
    }
    return out;
  }

  private static int pow10(int n) {
    int p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  /** Appends a JSON string of text that {@link #needsUtf16} does not hold. */
  static StringBuilder string(StringBuilder out, String value) {
    out.append('"');
    int plain = plainPrefix(value);
    if (plain == value.length()) {
      // whole: appended as one copy, where a range of it is appended char by char
      return out.append(value).append('"');
    }
    out.append(value, 0, plain);
    for (int i = plain; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"');
  }

  /** Whether a value is written as it is, between quotes: no character to escape, no surrogate, no U+0000. */
  private static boolean plain(String value) {
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The length of the value's start that is written as it is (no character to escape): most values, whole. */
  private static int plainPrefix(String value) {
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        return i;
      }
    }
    return n;
  }

  private static boolean needsUtf16(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return true;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Reads JSON text of the subset. */
  static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    /** Reads any value: a String, null, a Boolean, a Long or a Map of member name to value (in order). */
    Object read() {
      char c = peek();
      if (c == '{') {
        return object();
      }
      if (c == '"') {
        return stringValue();
      }
      if (text.startsWith("null", at)) {
        at += 4;
        return null;
      }
      if (text.startsWith("true", at)) {
        at += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("false", at)) {
        at += 5;
        return Boolean.FALSE;
      }
      int start = at;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
        at++;
      }
      if (start == at) {
        throw malformed("a value");
      }
      return Long.parseLong(text.substring(start, at));
    }

    /** Reads the whole text as one object. */
    Map<String, Object> document() {
      Map<String, Object> object = object();
      if (at != text.length()) {
        throw malformed("the end");
      }
      return object;
    }

    /**
     * Starts reading an object member by member (the streaming reads, which build no map): whether it has a member,
     * whose {@link #name()} is next.
     */
    boolean beginObject() {
      expect('{');
      if (peek() == '}') {
        at++;
        return false;
      }
      return true;
    }

    /** Reads a member's name and the colon after it. */
    String name() {
      String name = stringValue();
      expect(':');
      return name;
    }

    /**
     * Reads a member's name and its colon when they are {@code written} (the name in quotes and the colon, as the
     * engine writes them): whether they were. Reads nothing otherwise.
     */
    boolean name(String written) {
      if (text.startsWith(written, at)) {
        at += written.length();
        return true;
      }
      return false;
    }

    /** After a member's value: whether another member follows (else the object's end was read). */
    boolean more() {
      if (peek() == ',') {
        at++;
        return true;
      }
      expect('}');
      return false;
    }

    /** Whether the next value is an object. */
    boolean atObject() {
      return peek() == '{';
    }

    /** Reads a string value as {@link #asString} takes it: a string, null, or the {@code utf16} object form. */
    String string() {
      return peek() == '"' ? stringValue() : asString(read());
    }

    /** Checks that the whole text was read. */
    void end() {
      if (at != text.length()) {
        throw malformed("the end");
      }
    }

    private Map<String, Object> object() {
      expect('{');
      Map<String, Object> members = new LinkedHashMap<>();
      if (peek() == '}') {
        at++;
        return members;
      }
      while (true) {
        String name = stringValue();
        expect(':');
        members.put(name, read());
        if (peek() == ',') {
          at++;
          continue;
        }
        expect('}');
        return members;
      }
    }

    private String stringValue() {
      expect('"');
      for (int end = at; end < text.length(); end++) {
        char c = text.charAt(end);
        if (c == '"') {
          // no escape before the closing quote: the text as it is (most values)
          String plain = text.substring(at, end);
          at = end + 1;
          return plain;
        }
        if (c == '\\') {
          break;
        }
      }
      StringBuilder value = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw malformed("\"");
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case 'n': value.append('\n'); break;
          case 'r': value.append('\r'); break;
          case 't': value.append('\t'); break;
          case 'b': value.append('\b'); break;
          case 'f': value.append('\f'); break;
          case 'u':
            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
            break;
          default: value.append(escaped);
        }
      }
    }

    private char peek() {
      if (at >= text.length()) {
        throw malformed("more text");
      }
      return text.charAt(at);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw malformed(String.valueOf(c));
      }
      at++;
    }

    private IllegalArgumentException malformed(String expected) {
      return new IllegalArgumentException("Malformed engine state at index " + at + ": expected " + expected
          + "; a store must keep the state's text as the engine wrote it");
    }
  }

  /** A value read by {@link Reader#read()} as a string value: a string, null, or the {@code utf16} object form. */
  static String asString(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Map && ((Map<?, ?>) value).get(UTF16) instanceof String) {
      String hex = (String) ((Map<?, ?>) value).get(UTF16);
      StringBuilder out = new StringBuilder(hex.length() / 4);
      for (int i = 0; i + 4 <= hex.length(); i += 4) {
        out.append((char) Integer.parseInt(hex.substring(i, i + 4), 16));
      }
      return out.toString();
    }
    throw new IllegalArgumentException("Malformed engine state: a value is neither text nor null");
  }
}
