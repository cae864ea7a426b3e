package dev.synergylink.tinyplus;

import java.util.Locale;
import java.util.function.Function;

/** Looks up the constant of an API enum by the API's spelling, tolerating values this client does not know. */
final class WireNames {
  private WireNames() {}

  static <E extends Enum<E>> E parse(E[] values, String wireName, Function<E, String> nameOf, E unknown) {
    if (wireName != null) {
      String wanted = wireName.trim().toLowerCase(Locale.ROOT);
      for (E value : values) {
        if (value != unknown && nameOf.apply(value).equals(wanted)) {
          return value;
        }
      }
    }
    return unknown;
  }
}
