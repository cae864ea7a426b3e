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

  private WireObject(Map<?, ?> members, String where) {
    this.members = members;
    this.where = where;
  }

  static WireObject of(Object value, String where) {
    if (!(value instanceof Map)) {
      throw new WireFormatException(where + " is not a JSON object");
    }
    return new WireObject((Map<?, ?>) value, where);
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
      throw new WireFormatException(where + " has no " + name);
    }
    return value;
  }

  private <T> T typed(String name, Object value, Class<T> type, String what) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw new WireFormatException(where + "." + name + " is not " + what);
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
      throw new WireFormatException(where + "." + name + " is out of range: " + value);
    }
    return (int) value;
  }

  private long toLong(String name, Object value) {
    BigDecimal number = typed(name, value, BigDecimal.class, "a number");
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      throw new WireFormatException(where + "." + name + " is not a whole number: " + number, e);
    }
  }

  BigDecimal decimal(String name) {
    Object value = members.get(name);
    if (value instanceof String) {
      try {
        return new BigDecimal(((String) value).trim());
      } catch (NumberFormatException e) {
        throw new WireFormatException(where + "." + name + " is not a number", e);
      }
    }
    return typed(name, value, BigDecimal.class, "a number");
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
      throw new WireFormatException(where + "." + name + " is not a YYYY-MM-DD hh:mm:ss date-time: " + text, e);
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
    return value == null ? null : of(value, where + "." + name);
  }

  List<WireObject> objects(String name) {
    List<?> list = typed(name, required(name), List.class, "an array");
    List<WireObject> objects = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      objects.add(of(list.get(i), where + "." + name + "[" + i + "]"));
    }
    return objects;
  }
}
