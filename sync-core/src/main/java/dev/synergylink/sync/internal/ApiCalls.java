package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts the API calls of one run per system, and holds the run to the Synergy calls its budget has left: a call past
 * them is refused before it is made. Not thread-safe: one run runs on one thread.
 */
public final class ApiCalls {
  private final Map<Side, Integer> counts = new EnumMap<>(Side.class);
  private long synergyLimit = Long.MAX_VALUE;
  private java.util.function.Supplier<RuntimeException> overLimit;

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
