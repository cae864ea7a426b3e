package dev.synergylink.tinyplus;

import java.util.Set;

/** Eager argument checks whose messages name the field and the fix. */
final class Checks {
  private Checks() {}

  static String notBlank(String value, String name) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank: give it at least one visible character");
    }
    return value;
  }

  static <E extends Enum<E>> E oneOf(E value, Set<E> allowed, String name) {
    if (value != null && !allowed.contains(value)) {
      throw new IllegalArgumentException(name + " must be one of " + allowed + ", was " + value);
    }
    return value;
  }

  static void required(WriteRequest.Builder<?> builder, String member, String javaName, String type) {
    if (!builder.has(member)) {
      throw new IllegalStateException("a " + type + " needs " + javaName + "(...): the API requires " + member);
    }
  }
}
