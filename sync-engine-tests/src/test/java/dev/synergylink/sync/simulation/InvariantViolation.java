package dev.synergylink.sync.simulation;

/** An invariant of ARCHITECTURE.md broken in a simulated run; {@link #invariant()} names which, for shrinking. */
final class InvariantViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String invariant;

  InvariantViolation(String invariant, String message) {
    super(invariant + ": " + message);
    this.invariant = invariant;
  }

  InvariantViolation(String invariant, String message, Throwable cause) {
    super(invariant + ": " + message, cause);
    this.invariant = invariant;
  }

  /**
   * The invariant: convergence, duplicate, lost-edit, direction, echo, cursor, master-switch, engine-error,
   * refused-request.
   */
  String invariant() {
    return invariant;
  }
}
