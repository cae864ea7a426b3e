package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import java.util.EnumMap;
import java.util.Map;

/** Counts the API calls of one run per system. Not thread-safe: one run runs on one thread. */
public final class ApiCalls {
  private final Map<Side, Integer> counts = new EnumMap<>(Side.class);

  /**
   * Counts one call.
   *
   * @param side the system called
   */
  public void count(Side side) {
    counts.merge(side, 1, Integer::sum);
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
