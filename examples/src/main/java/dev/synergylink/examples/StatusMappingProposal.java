package dev.synergylink.examples;

import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the "Configure Project Statuses" screen would propose: each active Synergy status matched with a tiny+
 * pipeline phase, first by name (a phase whose name the status name contains, or the other way round), else the first
 * phase of the tiny+ state that the status type corresponds to. The demo prints the proposal; applying it waits for
 * the engine's project sync.
 */
final class StatusMappingProposal {
  private StatusMappingProposal() {}

  /**
   * Proposes a phase for every active Synergy status.
   *
   * @param synergy the Synergy client (one call)
   * @param tinyPlus the tiny+ client (one call per page of phases)
   * @return the Synergy status and the phase proposed for it, in Synergy's order
   */
  static Map<ProjectStatus, ProjectPhase> propose(SynergyClient synergy, TinyPlusClient tinyPlus) {
    List<ProjectPhase> phases = new ArrayList<>();
    tinyPlus.projectPhases().listAll(ListQuery.firstPage()).forEach(phases::add);
    Map<ProjectStatus, ProjectPhase> proposal = new LinkedHashMap<>();
    for (ProjectStatus status : synergy.projectStatuses()) {
      if (!status.isActive()) {
        continue;
      }
      ProjectState state = state(status.statusType());
      ProjectPhase chosen = null;
      for (ProjectPhase phase : phases) {
        String a = status.name().toLowerCase(Locale.ROOT);
        String b = phase.name().toLowerCase(Locale.ROOT);
        if (phase.state() == state && (a.contains(b) || b.contains(a))) {
          chosen = phase;
          break;
        }
      }
      if (chosen == null) {
        chosen = phases.stream().filter(p -> p.state() == state).findFirst().orElse(null);
      }
      proposal.put(status, chosen);
    }
    return proposal;
  }

  /** The tiny+ state a Synergy status type corresponds to. */
  static ProjectState state(StatusType type) {
    switch (type) {
      case PROPOSAL: return ProjectState.PROPOSED;
      case UNSUCCESSFUL: return ProjectState.LOST;
      case COMPLETE:
      case PENDING_INVOICE:   // the work is done; only the invoice is left
        return ProjectState.COMPLETED;
      default: return ProjectState.ACTIVE;   // active and on hold projects are still running
    }
  }
}
