package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.SkipRecordException;
import java.util.function.Supplier;

/** Building the clients' typed requests. */
final class Members {
  private Members() {}

  /** Builds a request; a request the client refuses to build (a required member missing) skips the record. */
  static <X> X build(Supplier<X> build) {
    try {
      return build.get();
    } catch (IllegalStateException e) {
      throw new SkipRecordException(e.getMessage());
    }
  }
}
