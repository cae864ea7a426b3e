package dev.synergylink.synergy;

import java.util.function.Function;

/** Finds the enum constant that the contract names so, falling back to an UNKNOWN constant. */
final class WireNames {
  private WireNames() {}

  static <E extends Enum<E>> E lookup(E[] values, Function<E, String> wireName, String name, E unknown) {
    if (name != null) {
      for (E value : values) {
        if (name.equals(wireName.apply(value))) {
          return value;
        }
      }
    }
    return unknown;
  }
}
