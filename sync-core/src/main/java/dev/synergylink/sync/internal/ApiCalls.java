package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Counts the API calls of one run per system (Synergy's as the HTTP requests its client sent, retries included), and
 * holds the run to the Synergy calls its budget has left: a call past them is refused before it is made. Not
 * thread-safe: one run runs on one thread.
 */
public final class ApiCalls {
  private final Map<Side, Integer> counts = new EnumMap<>(Side.class);
  private long synergyLimit = Long.MAX_VALUE;
  private java.util.function.Supplier<RuntimeException> overLimit;
  /** The HTTP requests the Synergy client has sent on this thread (0 from an in-process client). */
  private LongSupplier synergyRequests = () -> 0;

  /**
   * Counts one call, before it is made.
   *
   * @param side the system called
   * @throws dev.synergylink.sync.CallBudgetSpentException (or what {@link #limitSynergy} was given) when the call
   *     would pass the Synergy calls this run may make
   */
  public void count(Side side) {
    if (side == Side.SYNERGY && counts.getOrDefault(side, 0) >= synergyLimit) {
      throw overLimit.get();
    }
    counts.merge(side, 1, Integer::sum);
  }

  /**
   * Makes one Synergy call, counted as the requests it sent: one, or more when the client retried it (after a 429, a
   * 503, a dropped connection), as Synergy's quota counts them. The call is refused before it is made when the run
   * has no Synergy call left; the client's retries of the last call allowed can take the run past what was left (by
   * the client's retries at most), and the next call is then refused.
   *
   * @param call the call
   * @param <X> what it returns
   * @return what it returned
   * @throws dev.synergylink.sync.CallBudgetSpentException (or what {@link #limitSynergy} was given) when no call is left
   */
  public <X> X synergy(Supplier<X> call) {
    count(Side.SYNERGY);
    long before = synergyRequests.getAsLong();
    try {
      return call.get();
    } finally {
      long retries = synergyRequests.getAsLong() - before - 1;
      if (retries > 0) {
        counts.merge(Side.SYNERGY, (int) Math.min(Integer.MAX_VALUE, retries), Integer::sum);
      }
    }
  }

  /**
   * Counts the Synergy calls by the requests the client sent on this thread, retries included.
   *
   * @param requestsSentOnThisThread the client's count of the requests it sent on the calling thread
   */
  void meterSynergy(LongSupplier requestsSentOnThisThread) {
    this.synergyRequests = requestsSentOnThisThread;
  }

  /**
   * Allows this run at most {@code limit} Synergy calls in all.
   *
   * @param limit the calls allowed
   * @param refusal what a call past them throws
   */
  void limitSynergy(long limit, java.util.function.Supplier<RuntimeException> refusal) {
    this.synergyLimit = limit;
    this.overLimit = refusal;
  }

  /**
   * The counts so far.
   *
   * @return calls per side
   */
  public Map<Side, Integer> counts() {
    return Map.copyOf(counts);
  }
}
