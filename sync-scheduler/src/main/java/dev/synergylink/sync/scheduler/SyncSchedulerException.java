package dev.synergylink.sync.scheduler;

/** The root of the scheduler's exceptions; the message says what to do. */
public class SyncSchedulerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with its message.
   *
   * @param message what happened and what to do
   */
  public SyncSchedulerException(String message) {
    super(message);
  }

  /**
   * An exception with its message and cause.
   *
   * @param message what happened and what to do
   * @param cause the cause
   */
  public SyncSchedulerException(String message, Throwable cause) {
    super(message, cause);
  }
}
