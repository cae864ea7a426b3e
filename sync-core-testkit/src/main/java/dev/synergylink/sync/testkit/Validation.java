package dev.synergylink.sync.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the field errors of one request, as a 400's {@code errors} member reports them. Not thread-safe. */
final class Validation {
  private final Map<String, List<String>> errors = new LinkedHashMap<>();
  /** A person in the web app may clear an address outright; the API must send an object of nulls. */
  private final boolean person;
  /** The errors other than stale references. */
  private int brokenRules;

  /** The rules of an API request. */
  Validation() {
    this(false);
  }

  private Validation(boolean person) {
    this.person = person;
  }

  /** The rules of a write by {@code source}: a person in the web app may clear an address with null. */
  static Validation of(FakeWrite.Source source) {
    return new Validation(source == FakeWrite.Source.WEB_APP);
  }

  void add(String field, String problem) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(problem);
    brokenRules++;
  }

  /**
   * A reference to a record that is gone or can no longer be used (deleted, deactivated, retired): refused like any
   * error, but not a contract violation when it is the request's only kind of error, since a person can cause it
   * between the caller's read and its write.
   */
  void addStale(String field, String problem) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(problem);
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw FakeError.validation(errors, brokenRules > 0);
    }
  }

  /** Members outside {@code writable}: read-only ones and unknown ones are errors. */
  void onlyMembers(Map<String, Object> members, Set<String> writable, Set<String> readOnly) {
    for (String name : members.keySet()) {
      if (writable.contains(name)) {
        continue;
      }
      if (readOnly.contains(name)) {
        add(name, "is read-only and cannot be sent.");
      } else {
        add(name, "is not a member of this request.");
      }
    }
  }

  String string(Map<String, Object> m, String field, boolean required, boolean nullable, int maxLength) {
    if (!m.containsKey(field)) {
      if (required) {
        add(field, "is required.");
      }
      return null;
    }
    Object v = m.get(field);
    if (v == null) {
      if (required || !nullable) {
        add(field, "is required.");
      }
      return null;
    }
    if (!(v instanceof String)) {
      add(field, "must be a string.");
      return null;
    }
    String s = (String) v;
    if (required && s.isBlank()) {
      add(field, "must not be empty.");
    }
    if (maxLength > 0 && s.length() > maxLength) {
      add(field, "must be at most " + maxLength + " characters.");
    }
    return s;
  }

  /** A string member the contract gives {@code minLength: 1}: the empty string is refused wherever it is sent. */
  void notEmpty(Map<String, Object> m, String field) {
    if ("".equals(m.get(field))) {
      add(field, "must not be empty.");
    }
  }

  /** A decimal that must fit in cents: at most two decimal places once trailing zeros are dropped. */
  void cents(String field, BigDecimal value) {
    if (value != null && value.stripTrailingZeros().scale() > 2) {
      add(field, "must have at most two decimal places (cents), was " + value.toPlainString() + ".");
    }
  }

  Long id(Map<String, Object> m, String field, boolean required, boolean nullable) {
    if (!m.containsKey(field)) {
      if (required) {
        add(field, "is required.");
      }
      return null;
    }
    Object v = m.get(field);
    if (v == null) {
      if (required || !nullable) {
        add(field, "is required.");
      }
      return null;
    }
    Long id = toLong(v);
    if (id == null) {
      add(field, "must be an integer.");
    }
    return id;
  }

  BigDecimal decimal(Map<String, Object> m, String field, boolean nullable) {
    Object v = m.get(field);
    if (v == null) {
      if (m.containsKey(field) && !nullable) {
        add(field, "is required.");
      }
      return null;
    }
    BigDecimal d = toDecimal(v);
    if (d == null) {
      add(field, "must be a number.");
    } else if (d.signum() < 0) {
      add(field, "must be 0 or more.");
    }
    return d;
  }

  Boolean bool(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (v == null) {
      if (m.containsKey(field)) {
        add(field, "must be true or false.");
      }
      return null;
    }
    if (!(v instanceof Boolean)) {
      add(field, "must be true or false.");
      return null;
    }
    return (Boolean) v;
  }

  /**
   * A nested object whose members are all nullable strings, such as an address. The object itself is not nullable
   * (the contracts' Address schemas are not): it is cleared with an object whose members are null.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> stringObject(Map<String, Object> m, String field, Map<String, Integer> maxLengths) {
    Object v = m.get(field);
    if (v == null) {
      if (m.containsKey(field) && !person) {
        add(field, "must be an object, not null: to clear it, send an object whose members are all null.");
      }
      return null;
    }
    if (!(v instanceof Map)) {
      add(field, "must be an object.");
      return null;
    }
    Map<String, Object> object = (Map<String, Object>) v;
    for (Map.Entry<String, Object> e : object.entrySet()) {
      String name = field + "." + e.getKey();
      if (!maxLengths.containsKey(e.getKey())) {
        add(name, "is not a member of this object.");
      } else if (e.getValue() != null && !(e.getValue() instanceof String)) {
        add(name, "must be a string.");
      } else if (e.getValue() != null && maxLengths.get(e.getKey()) > 0
          && ((String) e.getValue()).length() > maxLengths.get(e.getKey())) {
        add(name, "must be at most " + maxLengths.get(e.getKey()) + " characters.");
      }
    }
    return object;
  }

  /** An integer query parameter, or {@code dflt} when absent. */
  int intParam(Map<String, String> params, String name, int dflt, int min, int max) {
    String raw = params.get(name);
    if (raw == null) {
      return dflt;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value < min || value > max) {
        add(name, "must be from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
      }
      return value;
    } catch (NumberFormatException e) {
      add(name, "must be an integer.");
      return dflt;
    }
  }

  static Long toLong(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigDecimal) {
      try {
        return ((BigDecimal) v).longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (v instanceof BigInteger) {
      return ((BigInteger) v).bitLength() < 64 ? ((BigInteger) v).longValue() : null;
    }
    return null;
  }

  static BigDecimal toDecimal(Object v) {
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Long || v instanceof Integer) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      return BigDecimal.valueOf(((Number) v).doubleValue());
    }
    if (v instanceof BigInteger) {
      return new BigDecimal((BigInteger) v);
    }
    return null;
  }
}
