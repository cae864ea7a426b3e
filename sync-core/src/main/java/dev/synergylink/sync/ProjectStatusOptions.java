package dev.synergylink.sync;

import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.tinyplus.ProjectPhase;
import java.util.List;
import java.util.Objects;

/**
 * What the status mapping screen offers: Synergy's project statuses and tiny+'s pipeline phases, as
 * {@link ProjectSetup#statusOptions()} loads them.
 *
 * @param synergyStatuses every Synergy project status, retired ones included
 * @param tinyPlusPhases every tiny+ project phase
 */
public record ProjectStatusOptions(List<ProjectStatus> synergyStatuses, List<ProjectPhase> tinyPlusPhases) {
  /**
   * Copies the lists.
   *
   * @param synergyStatuses the statuses
   * @param tinyPlusPhases the phases
   */
  public ProjectStatusOptions {
    synergyStatuses = List.copyOf(Objects.requireNonNull(synergyStatuses, "synergyStatuses == null"));
    tinyPlusPhases = List.copyOf(Objects.requireNonNull(tinyPlusPhases, "tinyPlusPhases == null"));
  }
}
