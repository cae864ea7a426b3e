package dev.synergylink.synergy.internal;

/** A member that breaks the contract, named by its path within the record; the message never holds its value. */
final class WireFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String member;

  WireFault(String member, String message) {
    super(message);
    this.member = member;
  }

  String member() {
    return member;
  }
}
