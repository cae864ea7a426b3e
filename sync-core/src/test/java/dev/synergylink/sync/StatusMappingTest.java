package dev.synergylink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMappingTest {
  private final ProjectStatus lead = status(1, "Lead", StatusType.PROPOSAL);
  private final ProjectStatus active = status(2, "Active", StatusType.ACTIVE);
  private final ProjectStatus complete = status(3, "Complete", StatusType.COMPLETE);
  private final ProjectStatus unsuccessful = status(4, "Unsuccessful", StatusType.UNSUCCESSFUL);
  private final ProjectPhase leadPhase = phase(10, "Lead", ProjectState.PROPOSED, 1);
  private final ProjectPhase enquiry = phase(11, "Enquiry", ProjectState.PROPOSED, 2);
  private final ProjectPhase design = phase(12, "Design", ProjectState.ACTIVE, 3);
  private final ProjectStatusOptions options = new ProjectStatusOptions(List.of(lead, active, complete, unsuccessful),
      List.of(leadPhase, enquiry, design));

  @Test
  void theProposedMappingHasNoProblem() {
    assertThat(StatusMapping.proposeDefault(options).problems(options)).isEmpty();
  }

  @Test
  void aSynergyStatusMappedIntoALockedPhaseIsAProblemWithItsFix() {
    // Given the proposed mapping, which sends Synergy's Lead to the tiny+ phase Lead, and that phase then locked
    StatusMapping mapping = StatusMapping.proposeDefault(options).toBuilder().lockPhase(leadPhase.id()).build();

    // When the mapping is checked, then it says every Lead project would land locked, and how to fix it
    assertThat(mapping.problems(options)).containsExactly("Synergy status 'Lead' (id 1) maps to tiny+ phase 'Lead',"
        + " which is locked: its projects would land in tiny+ locked and their tiny+ changes would never reach"
        + " Synergy; map the status to an unlocked phase, or unlock tiny+ phase 'Lead'");
  }

  @Test
  void theFixEitherWayLeavesNoProblem() {
    StatusMapping locked = StatusMapping.proposeDefault(options).toBuilder().lockPhase(leadPhase.id()).build();

    assertThat(locked.toBuilder().status(lead.id(), ProjectState.PROPOSED, enquiry.id()).build().problems(options))
        .isEmpty();
    assertThat(locked.toBuilder().unlockPhase(leadPhase.id()).build().problems(options)).isEmpty();
  }

  @Test
  void aSynergyStatusMappedIntoALockedStateIsAProblem() {
    StatusMapping mapping = StatusMapping.proposeDefault(options).toBuilder().lockState(ProjectState.LOST).build();

    assertThat(mapping.problems(options)).containsExactly("Synergy status 'Unsuccessful' (id 4) maps to tiny+ state"
        + " 'lost', which is locked: its projects would land in tiny+ locked and their tiny+ changes would never"
        + " reach Synergy; map the status to an unlocked phase, or unlock tiny+ state 'lost'");
  }

  @Test
  void aLockedPhaseNoSynergyStatusMapsIntoIsNoProblem() {
    StatusMapping mapping = StatusMapping.proposeDefault(options).toBuilder().lockPhase(enquiry.id()).build();

    assertThat(mapping.problems(options)).isEmpty();
  }

  private static ProjectStatus status(long id, String name, StatusType type) {
    return ProjectStatus.builder().id(id).name(name).statusType(type).isActive(true).build();
  }

  private static ProjectPhase phase(long id, String name, ProjectState state, int sortOrder) {
    return ProjectPhase.builder().id(id).name(name).state(state).sortOrder(sortOrder).build();
  }
}
