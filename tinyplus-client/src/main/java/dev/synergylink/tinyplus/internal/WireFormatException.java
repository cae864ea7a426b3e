package dev.synergylink.tinyplus.internal;

/** A response body that does not follow the contract; the executor adds the endpoint and turns it public. */
final class WireFormatException extends RuntimeException {
  WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  WireFormatException(String message) {
    super(message);
  }
}
