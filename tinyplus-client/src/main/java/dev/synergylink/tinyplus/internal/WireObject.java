package dev.synergylink.tinyplus.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to one JSON object of a response; every failure names the member and where it is. */
final class WireObject {
  private final Map<?, ?> members;
  private final String where;
  /** This object's path within its record, with a trailing dot ({@code address.}); empty for the record. */
  private final String prefix;

  private WireObject(Map<?, ?> members, String where, String prefix) {
    this.members = members;
    this.where = where;
    this.prefix = prefix;
  }

  static WireObject of(Object value, String where) {
    return of(value, where, "");
  }

  private static WireObject of(Object value, String where, String prefix) {
    if (!(value instanceof Map)) {
      throw new WireFormatException(prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
          where + " is not a JSON object", null);
    }
    return new WireObject((Map<?, ?>) value, where, prefix);
  }

  /** The {@code id} member when it is a whole number, else null: for naming a record that cannot be read. */
  static Long idOrNull(Object value) {
    if (value instanceof Map && ((Map<?, ?>) value).get("id") instanceof BigDecimal) {
      try {
        return ((BigDecimal) ((Map<?, ?>) value).get("id")).longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  private WireFormatException fault(String name, String problem) {
    return fault(name, problem, null);
  }

  private WireFormatException fault(String name, String problem, Throwable cause) {
    return new WireFormatException(prefix + name, where + "." + name + " " + problem, cause);
  }

  String where() {
    return where;
  }

  boolean has(String name) {
    return members.get(name) != null;
  }

  private Object required(String name) {
    Object value = members.get(name);
    if (value == null) {
      throw new WireFormatException(prefix + name, where + " has no " + name, null);
    }
    return value;
  }

  private <T> T typed(String name, Object value, Class<T> type, String what) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw fault(name, "is not " + what);
  }

  String requiredString(String name) {
    return typed(name, required(name), String.class, "a string");
  }

  String string(String name) {
    return typed(name, members.get(name), String.class, "a string");
  }

  long requiredLong(String name) {
    return toLong(name, required(name));
  }

  Long optionalLong(String name) {
    Object value = members.get(name);
    return value == null ? null : toLong(name, value);
  }

  int requiredInt(String name) {
    long value = requiredLong(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw fault(name, "is out of range");
    }
    return (int) value;
  }

  private long toLong(String name, Object value) {
    if (value instanceof JsonTree.LongNumber) {
      checkedLength(name, value);
    }
    BigDecimal number = typed(name, value, BigDecimal.class, "a number");
    try {
      return number.longValueExact();  // cheap even for 1e999999999: it checks the exponent first
    } catch (ArithmeticException e) {
      throw fault(name, "is not a whole number of at most 19 digits", e);
    }
  }

  /**
   * A decimal member (a fee): a JSON number or a numeric string, refused when it is outside what either system
   * can hold ({@link TinyPlusContract#MAX_INTEGER_DIGITS} digits before the point,
   * {@link TinyPlusContract#MAX_FRACTION_DIGITS} after), so that no later {@code toPlainString()} can expand
   * something like {@code 1e999999999} into a billion digits.
   */
  BigDecimal decimal(String name) {
    Object value = checkedLength(name, members.get(name));
    BigDecimal number;
    if (value instanceof String) {
      try {
        number = new BigDecimal(((String) value).trim());
      } catch (NumberFormatException e) {
        throw fault(name, "is not a number", e);
      }
    } else {
      number = typed(name, value, BigDecimal.class, "a number");
    }
    if (number != null && !TinyPlusContract.isHoldable(number)) {
      throw fault(name, "is a number outside what a fee can hold (at most " + TinyPlusContract.MAX_INTEGER_DIGITS
          + " digits before the decimal point and " + TinyPlusContract.MAX_FRACTION_DIGITS + " after)");
    }
    return number;
  }

  /** Refuses number text too long to be a number either system holds (kept unparsed by {@link JsonTree}). */
  private Object checkedLength(String name, Object value) {
    if (value instanceof JsonTree.LongNumber
        || value instanceof String && ((String) value).length() > JsonTree.MAX_NUMBER_LENGTH) {
      throw fault(name, "is not a number of at most " + JsonTree.MAX_NUMBER_LENGTH + " characters");
    }
    return value;
  }

  boolean bool(String name, boolean absent) {
    Object value = members.get(name);
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).signum() != 0;  // tolerate 0/1, as PHP-style APIs often send
    }
    Boolean flag = typed(name, value, Boolean.class, "a boolean");
    return flag == null ? absent : flag;
  }

  Instant requiredLocalTime(String name, ZoneId zone) {
    String text = requiredString(name);
    try {
      return TinyPlusContract.toInstant(text, zone);
    } catch (DateTimeException e) {
      throw fault(name, "is not a YYYY-MM-DD hh:mm:ss date-time", e);
    }
  }

  List<String> strings(String name) {
    Object value = members.get(name);
    if (value == null) {
      return List.of();
    }
    List<?> list = typed(name, value, List.class, "an array");
    List<String> strings = new ArrayList<>(list.size());
    for (Object item : list) {
      strings.add(typed(name, item, String.class, "an array of strings"));
    }
    return strings;
  }

  WireObject object(String name) {
    Object value = members.get(name);
    return value == null ? null : of(value, where + "." + name, prefix + name + ".");
  }

  List<?> array(String name) {
    return typed(name, required(name), List.class, "an array");
  }
}
