package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (an echo write in the third quiet cycle, and seed 185's lost edit): a tiny+ project in a
 * locked status and its Synergy partner both renamed; tiny+'s later name won the conflict but is held back, so the
 * snapshot kept the old name. Once the tiny+ project was no longer listed (a newer tiny+ project came along) while
 * the Synergy one still was, Synergy's name read as the only change and was written over tiny+'s winning name.
 */
class HeldBackTinyPlusEditOverwrittenOnceNoLongerListedTest {
  private final ProjectFixture f = new ProjectFixture().withLockedPhase("Enquiry").ready();
  private Project project;
  private long copy;

  /**
   * A linked project moved to a locked tiny+ phase, renamed in Synergy and a little later in tiny+, synced once:
   * tiny+'s newer name wins the conflict and waits for the release.
   */
  private void heldBackConflictWonByTinyPlus() {
    project = f.syncedProject(f.newProject("Pool").build());
    copy = f.copyOf(project).id();
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().state(ProjectState.PROPOSED)
        .phase(f.phase("Enquiry").id()).build());
    f.cycle();
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editProject(project.id(), dev.synergylink.synergy.ProjectPatch.builder().name("Pool S")
        .build());
    f.clock.advance(Duration.ofSeconds(5));
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().name("Pool T").build());
    f.cycle();
  }

  @Test
  void theWinningHeldBackEditIsKeptAndSentWhenReleased() {
    // Given a linked project in a locked tiny+ phase whose later tiny+ name won over a Synergy rename and waits
    heldBackConflictWonByTinyPlus();
    f.resetCounts();

    // When a newer tiny+ project (a locked one too) is all tiny+ lists, while the Synergy project is still listed
    f.tinyPlus.webApp().createProject(ProjectCreate.builder().name("Later").state(ProjectState.PROPOSED)
        .phase(f.phase("Enquiry").id()).clientCompany(f.clientCompany.id()).build());
    f.cycle();
    f.cycle();

    // Then nothing is written over tiny+'s winning name
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.tinyPlus.webApp().project(copy).name()).isEqualTo("Pool T");

    // And when the project is released, its name reaches Synergy
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().phase(f.phase("Fee Proposal").id()).build());
    f.cycle();
    assertThat(f.synergy.webApp().project(project.id()).name()).isEqualTo("Pool T");
    assertThat(f.tinyPlus.webApp().project(copy).name()).isEqualTo("Pool T");
  }

  @Test
  void aWinningHeldBackEditUndoneInTinyPlusStillSettlesWhenReleased() {
    // Given a linked project in a locked tiny+ phase whose later tiny+ name won over a Synergy rename and waits, then
    // renamed in tiny+ back to the name both had agreed on
    heldBackConflictWonByTinyPlus();
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().name("Pool").build());
    f.cycle();

    // When the project is released
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().phase(f.phase("Fee Proposal").id()).build());
    f.cycle();
    f.cycle();

    // Then both sides hold tiny+'s latest name
    assertThat(f.tinyPlus.webApp().project(copy).name()).isEqualTo("Pool");
    assertThat(f.synergy.webApp().project(project.id()).name()).isEqualTo("Pool");
  }
}
