package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.SkipRecordException;
import java.util.function.Supplier;

/** Reading member values back into typed request builders. */
final class Members {
  private Members() {}

  static String text(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new SkipRecordException("its " + name + " is empty, and the other system needs one: fill it in");
    }
    return value.toString();
  }

  static long id(String name, Object value) {
    if (value == null) {
      throw new SkipRecordException("its " + name + " is empty, and the other system needs one: fill it in");
    }
    return ((Number) value).longValue();
  }

  static IllegalArgumentException unknown(String what, String member) {
    return new IllegalArgumentException("a field rule wrote the member '" + member + "', which a " + what
        + " request does not have: fix the rule's writer");
  }

  /** Builds a request; a request the client refuses to build (a required member missing) skips the record. */
  static <X> X build(Supplier<X> build) {
    try {
      return build.get();
    } catch (IllegalStateException e) {
      throw new SkipRecordException(e.getMessage());
    }
  }
}
