package dev.synergylink.sync;

import java.time.Instant;

/**
 * The connection's daily Synergy call budget ({@link SyncSettings#dailySynergyCallBudget()}, or the quota Synergy
 * reports) had no call left for the run: the engine stopped before making the call, so Synergy never answered 429.
 * A run stopped by it reports {@link StopCause.Kind#QUOTA_SPENT} with {@link StopCause#retryAt()} at the budget's
 * reset; cursors were not moved past unprocessed records, and the next run goes on from there.
 */
public class CallBudgetSpentException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final long budget;
  private final Instant resetAt;

  /**
   * An exception for a spent budget.
   *
   * @param budget the calls the budget allows a day
   * @param resetAt when it resets
   */
  public CallBudgetSpentException(long budget, Instant resetAt) {
    super("the daily Synergy call budget of " + budget + " calls is spent until " + resetAt + "; the sync goes on"
        + " after the reset (raise SyncSettings.dailySynergyCallBudget, up to the plan's quota, to sync more)");
    this.budget = budget;
    this.resetAt = resetAt;
  }

  /**
   * The calls the budget allows a day.
   *
   * @return the budget
   */
  public long budget() {
    return budget;
  }

  /**
   * When the budget resets (00:00 UTC, with Synergy's quota).
   *
   * @return the instant
   */
  public Instant resetAt() {
    return resetAt;
  }
}
