package dev.synergylink.tinyplus.internal;

/** A response body that does not follow the contract; the executor adds the endpoint and turns it public. */
final class WireFormatException extends RuntimeException {
  private final String member;

  WireFormatException(String message, Throwable cause) {
    this(null, message, cause);
  }

  WireFormatException(String message) {
    this(null, message, null);
  }

  /**
   * A breach at one member.
   *
   * @param member the member's path within its record, e.g. {@code address.street}, or null
   * @param message what is wrong, never the member's value
   * @param cause the underlying failure, or null
   */
  WireFormatException(String member, String message, Throwable cause) {
    super(message, cause);
    this.member = member;
  }

  /** The member at fault within its record, or null. */
  String member() {
    return member;
  }
}
