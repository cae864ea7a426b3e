package dev.synergylink.sync.scheduler;

import dev.synergylink.sync.Nullable;
import dev.synergylink.sync.SyncStyle;
import java.time.Instant;
import org.immutables.value.Value;

/** One connection as the schedule knows it, for a host's status page: see {@link SyncScheduler#connections()}. */
@SyncStyle
@Value.Immutable
public interface ConnectionStatus {
  /**
   * The connection.
   *
   * @return the connection id
   */
  String connectionId();

  /**
   * Where it stands.
   *
   * @return the state
   */
  ConnectionState state();

  /**
   * When it runs next.
   *
   * @return the instant, or null when paused
   */
  @Nullable
  Instant nextRunAt();

  /**
   * The node running it now.
   *
   * @return the node name, or null when it is not running
   */
  @Nullable
  String runningOn();

  /**
   * How its last run ended.
   *
   * @return the outcome, or null before its first run
   */
  @Nullable
  RunOutcome lastOutcome();

  /**
   * The last run's stop cause message, or the exception's, for a person.
   *
   * @return the message, or null when the last run finished
   */
  @Nullable
  String lastMessage();

  /**
   * When the last run ended.
   *
   * @return the instant, or null before its first run
   */
  @Nullable
  Instant lastRunAt();

  /**
   * The node that ran it last.
   *
   * @return the node name, or null before its first run
   */
  @Nullable
  String lastRunOn();

  /**
   * Runs in a row that ended in a backoff (rate limited, unavailable, unexpected, error).
   *
   * @return the count
   */
  int consecutiveBackoffs();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableConnectionStatus.Builder builder() {
    return ImmutableConnectionStatus.builder();
  }
}
