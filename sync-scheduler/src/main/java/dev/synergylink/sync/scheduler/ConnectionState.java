package dev.synergylink.sync.scheduler;

/** Where a connection stands in the schedule. */
public enum ConnectionState {
  /** Waiting for its next run. */
  SCHEDULED,
  /** A node is running it now ({@link ConnectionStatus#runningOn()}). */
  RUNNING,
  /** Paused by the host; runs again after {@link SyncScheduler#resume(String)}. */
  PAUSED,
  /**
   * A system refused the credentials or the signed-in user's permission: paused until the user connects again and
   * the host calls {@link SyncScheduler#resume(String)}.
   */
  NEEDS_REAUTHORISATION
}
