package dev.synergylink.sync.jdbc;

/**
 * The state store's database refused a statement or could not be reached. The message names what was being read or
 * written and the database's SQLState; the cause is the driver's exception. A run that meets it stops; the state it
 * had written stays consistent (each write is its own transaction, or part of one the engine groups).
 */
public class StateStoreDatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A database failure.
   *
   * @param message what failed
   * @param cause the driver's exception
   */
  public StateStoreDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
