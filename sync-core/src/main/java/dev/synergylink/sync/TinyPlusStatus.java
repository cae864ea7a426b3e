package dev.synergylink.sync;

import dev.synergylink.tinyplus.ProjectState;
import java.util.Objects;

/**
 * A place in the tiny+ project pipeline: a state and, optionally, one of its phases.
 *
 * @param state the state (one of the six fixed ones)
 * @param phase the phase id, or null for the state alone; the phase must belong to the state
 */
public record TinyPlusStatus(ProjectState state, @Nullable Long phase) {
  /**
   * Checks the state.
   *
   * @param state the state
   * @param phase the phase id, or null
   */
  public TinyPlusStatus {
    Objects.requireNonNull(state, "state == null");
    if (state == ProjectState.UNKNOWN) {
      throw new IllegalArgumentException("state UNKNOWN is not a tiny+ pipeline state: pick one of the six states");
    }
  }

  /**
   * A state and phase.
   *
   * @param state the state
   * @param phase the phase id, or null
   * @return the status
   */
  public static TinyPlusStatus of(ProjectState state, @Nullable Long phase) {
    return new TinyPlusStatus(state, phase);
  }

  @Override
  public String toString() {
    return state.wireName() + (phase == null ? "" : "/" + phase);
  }
}
