package dev.synergylink.sync;

import java.util.Objects;

/**
 * An operation that returns no report (team member suggestions, the project setup's look-ups, the setup check) was
 * stopped by a system: {@link #stopCause()} says why and what to do next, as {@link SyncReport#stopCause()} does for
 * a run.
 */
public class SyncStoppedException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final transient StopCause stopCause;

  /**
   * An exception for a stop cause.
   *
   * @param stopCause why the operation stopped
   */
  public SyncStoppedException(StopCause stopCause) {
    super(Objects.requireNonNull(stopCause, "stopCause == null").message(), stopCause.exception());
    this.stopCause = stopCause;
  }

  /**
   * Why the operation stopped.
   *
   * @return the cause
   */
  public StopCause stopCause() {
    return stopCause;
  }
}
