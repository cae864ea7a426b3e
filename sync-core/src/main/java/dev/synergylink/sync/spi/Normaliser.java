package dev.synergylink.sync.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Turns a field value into the form two values are compared in, so that differences nobody cares about (spaces,
 * the case of an email) are not changes. The engine stores raw values (as a side held them) as a pair's merge base
 * and compares them normalised; the value written to the other side is the raw one. A normaliser returns null for
 * "no value": blank text is no value.
 */
@FunctionalInterface
public interface Normaliser {
  /**
   * The comparison form of a value.
   *
   * @param value the value as read, possibly null
   * @return the normalised value, or null for no value
   */
  String normalise(String value);

  /**
   * Leaves the value as it is but for blank meaning no value.
   *
   * @return the normaliser
   */
  static Normaliser none() {
    return value -> value == null || value.isEmpty() ? null : value;
  }

  /**
   * Trims, collapses runs of whitespace to one space, and treats blank as no value.
   *
   * @return the normaliser
   */
  static Normaliser text() {
    return Normaliser::collapse;
  }

  /**
   * Trims and collapses runs of whitespace to one space; blank is no value. A loop, not a regular expression: the
   * engine normalises every field of every listed record.
   *
   * @param value the value, or null
   * @return the collapsed text, or null
   */
  private static String collapse(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = null;
    boolean space = false;
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        if (out == null && (c != ' ' || i == 0 || i + 1 == n || Character.isWhitespace(value.charAt(i + 1)))) {
          out = new StringBuilder(n).append(value, 0, i);
        }
        continue;
      }
      if (out != null) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        out.append(c);
      }
      space = false;
    }
    String result = out == null ? value : out.toString();
    return result.isEmpty() ? null : result;
  }

  /**
   * Like {@link #text()}, but keeps line breaks (addresses, descriptions): each line is trimmed and collapsed.
   *
   * @return the normaliser
   */
  static Normaliser multiline() {
    return value -> {
      if (value == null) {
        return null;
      }
      String joined = String.join("\n", value.strip().replace("\r\n", "\n").split("[ \\t]*\\n[ \\t]*"))
          .replaceAll("[ \\t\\x0B\\f]+", " ");
      return joined.isBlank() ? null : joined;
    };
  }

  /**
   * Like {@link #text()} and case-folded: for emails and web addresses.
   *
   * @return the normaliser
   */
  static Normaliser caseInsensitive() {
    return value -> {
      String text = text().normalise(value);
      return text == null ? null : text.toLowerCase(Locale.ROOT);
    };
  }

  /**
   * Keeps only the digits: for numbers written with spaces, such as an ABN.
   *
   * @return the normaliser
   */
  static Normaliser digits() {
    return value -> {
      if (value == null) {
        return null;
      }
      String digits = value.replaceAll("[^0-9]", "");
      return digits.isEmpty() ? value.isBlank() ? null : value.strip() : digits;
    };
  }

  /**
   * A decimal number at a fixed scale ({@code 12.5} and {@code 12.50} compare equal at scale 2).
   *
   * @param scale the number of decimal places
   * @return the normaliser; text that is not a number is compared as text
   */
  static Normaliser decimal(int scale) {
    return value -> {
      String text = text().normalise(value);
      if (text == null) {
        return null;
      }
      try {
        return new BigDecimal(text).setScale(scale, RoundingMode.HALF_UP).toPlainString();
      } catch (NumberFormatException e) {
        return text;
      }
    };
  }
}
