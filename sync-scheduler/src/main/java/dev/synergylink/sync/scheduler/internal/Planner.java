package dev.synergylink.sync.scheduler.internal;

import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.scheduler.ConnectionState;
import dev.synergylink.sync.scheduler.RunOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongUnaryOperator;

/**
 * Turns a run's outcome into the connection's next run: pure code, the randomness of the jitter given in.
 *
 * @param interval between runs that finished
 * @param jitter at most this much is added to every next run, so that connections spread out
 * @param firstBackoff the first backoff after a rate limit, an outage or an error
 * @param maxBackoff the longest backoff (it doubles per backoff in a row)
 * @param maxAdvisedWait the longest a connection waits after a run that finished, when the engine advises a later run
 *     than the interval (its Synergy call budget is short): tiny+ changes still reach Synergy within it
 * @param random a random long in [0, bound)
 */
public record Planner(Duration interval, Duration jitter, Duration firstBackoff, Duration maxBackoff,
    Duration maxAdvisedWait, LongUnaryOperator random) {
  /** Where a paused connection's execution waits: never due, so it costs nothing. */
  public static final Instant PAUSED_UNTIL = Instant.parse("9999-01-01T00:00:00Z");

  /** The next run and the data to store. */
  public record Plan(Instant nextRunAt, ConnectionData data) {}

  /**
   * After a run that returned a report.
   *
   * @param previous the stored data
   * @param report the report
   * @param now when the run ended
   * @param node this node
   * @return the plan
   */
  public Plan after(ConnectionData previous, SyncReport report, Instant now, String node) {
    StopCause cause = report.stopCause();
    if (cause == null) {
      return plan(previous, RunOutcome.OK, null, now, node, advised(report, now), false);
    }
    RunOutcome outcome = RunOutcome.valueOf(cause.kind().name());
    switch (cause.kind()) {
      case AUTHENTICATION:
      case AUTHORISATION:
        return new Plan(PAUSED_UNTIL, new ConnectionData(ConnectionState.NEEDS_REAUTHORISATION, outcome,
            cause.message(), now, node, 0));
      case QUOTA_SPENT:
        return plan(previous, outcome, cause.message(), now, node,
            cause.retryAt() != null ? cause.retryAt() : now.plus(interval()), false);
      case RATE_LIMITED:
      case SERVICE_UNAVAILABLE:
      case UNEXPECTED:
        Instant backoff = now.plus(backoff(previous.consecutiveBackoffs()));
        Instant asked = cause.retryAt();
        return plan(previous, outcome, cause.message(), now, node,
            asked != null && asked.isAfter(backoff) ? asked : backoff, true);
      default:
        return plan(previous, outcome, cause.message(), now, node, now.plus(interval()), false);
    }
  }

  /**
   * The next run after one that finished: after the interval, or later when the engine advises it (its Synergy call
   * budget is spread over the day), but never later than {@code maxAdvisedWait}.
   */
  private Instant advised(SyncReport report, Instant now) {
    Instant next = now.plus(interval());
    Instant advice = report.nextRunAdvisedAt();
    if (advice == null || !advice.isAfter(next)) {
      return next;
    }
    Instant longest = now.plus(maxAdvisedWait());
    return advice.isAfter(longest) ? longest : advice;
  }

  /**
   * After a run that threw.
   *
   * @param previous the stored data
   * @param failure what it threw
   * @param now when the run ended
   * @param node this node
   * @return the plan
   */
  public Plan after(ConnectionData previous, RuntimeException failure, Instant now, String node) {
    if (failure instanceof LeaseHeldException) {
      return plan(previous, RunOutcome.LEASE_HELD, failure.getMessage(), now, node, now.plus(interval()), false);
    }
    return plan(previous, RunOutcome.ERROR, failure.getClass().getSimpleName() + ": " + failure.getMessage(), now,
        node, now.plus(backoff(previous.consecutiveBackoffs())), true);
  }

  /**
   * The first run of a newly added or resumed connection: within the jitter from now.
   *
   * @param now now
   * @return the instant
   */
  public Instant firstRun(Instant now) {
    return now.plus(jitterNow());
  }

  Duration backoff(int before) {
    Duration d = firstBackoff();
    for (int i = 0; i < before && d.compareTo(maxBackoff()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff()) > 0 ? maxBackoff() : d;
  }

  private Plan plan(ConnectionData previous, RunOutcome outcome, String message, Instant now, String node,
      Instant at, boolean backoff) {
    return new Plan(at.plus(jitterNow()), new ConnectionData(ConnectionState.SCHEDULED, outcome, message, now, node,
        backoff ? previous.consecutiveBackoffs() + 1 : 0));
  }

  private Duration jitterNow() {
    long bound = jitter().toMillis();
    return bound <= 0 ? Duration.ZERO : Duration.ofMillis(random().applyAsLong(bound));
  }
}
