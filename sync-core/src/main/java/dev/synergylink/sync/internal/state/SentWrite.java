package dev.synergylink.sync.internal.state;

import dev.synergylink.sync.Side;
import java.util.Objects;

/**
 * A value the engine sent to one side of a pair and has not yet seen that side answer: kept in the pair's state from
 * just before the write until the write's answer is saved. When a run stops between a write landing and the save of
 * the new merge base (a crash, a timeout that landed), the next merge finds the value here: a target that holds it has
 * taken the write, so the written value is the base both sides are merged against, and a person's later edit back to
 * the old base is a change, not "unchanged". Immutable.
 *
 * @param target the side written to
 * @param value the value sent (raw, as its source held it)
 */
public record SentWrite(Side target, String value) {
  /**
   * A value sent.
   *
   * @param target the side written to
   * @param value the value sent, or null for none
   */
  public SentWrite {
    Objects.requireNonNull(target, "target");
  }

  /** Names the side only: values are people's data. */
  @Override
  public String toString() {
    return "SentWrite{" + target + "}";
  }
}
