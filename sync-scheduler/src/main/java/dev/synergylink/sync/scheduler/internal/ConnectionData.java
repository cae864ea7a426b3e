package dev.synergylink.sync.scheduler.internal;

import dev.synergylink.sync.scheduler.ConnectionState;
import dev.synergylink.sync.scheduler.RunOutcome;
import java.time.Instant;

/**
 * What the schedule keeps about a connection in its execution's {@code task_data}, written by {@link DataCodec} as
 * versioned text. Only {@link ConnectionState#SCHEDULED}, {@link ConnectionState#PAUSED} and
 * {@link ConnectionState#NEEDS_REAUTHORISATION} are stored; RUNNING is read from the execution's pick.
 *
 * @param state the stored state
 * @param lastOutcome how the last run ended, or null
 * @param lastMessage the last run's message, or null
 * @param lastRunAt when the last run ended, or null
 * @param lastRunOn the node of the last run, or null
 * @param consecutiveBackoffs backoffs in a row
 */
public record ConnectionData(ConnectionState state, RunOutcome lastOutcome, String lastMessage, Instant lastRunAt,
    String lastRunOn, int consecutiveBackoffs) {

  /** A new connection, never run. */
  public static ConnectionData fresh() {
    return new ConnectionData(ConnectionState.SCHEDULED, null, null, null, null, 0);
  }

  /**
   * The same with another state.
   *
   * @param newState the state
   * @return the data
   */
  public ConnectionData withState(ConnectionState newState) {
    return new ConnectionData(newState, lastOutcome, lastMessage, lastRunAt, lastRunOn, consecutiveBackoffs);
  }
}
