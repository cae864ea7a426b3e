package dev.synergylink.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configure Project Statuses shows each problem of the mapping next to the row it is about. */
class StatusScreenTest {
  private static final ProjectStatusOptions OPTIONS = new ProjectStatusOptions(
      List.of(status(1, "Proposal", StatusType.PROPOSAL, true), status(2, "Active", StatusType.ACTIVE, true),
          status(3, "Old", StatusType.ACTIVE, false)),
      List.of(phase(10, "Enquiry", ProjectState.PROPOSED), phase(11, "Design", ProjectState.ACTIVE)));

  @Test
  void everyProblemOfAnEmptyMappingBelongsToTheRowItNames() {
    List<String> problems = StatusMapping.builder().build().problems(OPTIONS);

    assertThat(problems).isNotEmpty();
    assertThat(problems).allSatisfy(p -> assertThat(StatusScreen.rowOf(p)).as(p).isNotNull());
    assertThat(problems.stream().map(StatusScreen::rowOf)).contains("status-1", "status-2", "phase-10", "phase-11",
        "state-PROPOSED", "state-CANCELLED").doesNotContain("status-3");
  }

  @Test
  void aStatusMappedIntoALockedPhaseIsTheStatusRowsProblem() {
    StatusMapping mapping = StatusMapping.proposeDefault(OPTIONS).toBuilder().lockPhase(10)
        .status(1, ProjectState.PROPOSED, 10L).build();

    List<String> problems = mapping.problems(OPTIONS);

    assertThat(problems).anySatisfy(p -> {
      assertThat(p).contains("which is locked");
      assertThat(StatusScreen.rowOf(p)).isEqualTo("status-1");
    });
  }

  @Test
  void aProblemNamingNoRowIsShownAboveTheTables() {
    List<String> problems = StatusMapping.proposeDefault(OPTIONS).toBuilder().phase(99, 2).build().problems(OPTIONS);

    assertThat(problems).anySatisfy(p -> {
      assertThat(p).contains("tiny+ phase 99");
      assertThat(StatusScreen.rowOf(p)).isNull();
    });
  }

  private static ProjectStatus status(long id, String name, StatusType type, boolean active) {
    return ProjectStatus.builder().id(id).name(name).statusType(type).isActive(active).build();
  }

  private static ProjectPhase phase(long id, String name, ProjectState state) {
    return ProjectPhase.builder().id(id).name(name).state(state).sortOrder((int) id).build();
  }
}
