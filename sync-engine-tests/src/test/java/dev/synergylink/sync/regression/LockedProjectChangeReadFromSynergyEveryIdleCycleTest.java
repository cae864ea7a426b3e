package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectState;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation: a change of a linked tiny+ project in a locked status is held back (nothing is sent to
 * Synergy until it is released), yet while the project was the newest in tiny+ (listed again by the lookback) every
 * cycle read the Synergy project by id before a write it was never going to make (with
 * {@code readBeforeSynergyWrite}, which the host sets to guard against Synergy's list lag).
 */
class LockedProjectChangeReadFromSynergyEveryIdleCycleTest {
  private final ProjectFixture f = new ProjectFixture(b -> b.readBeforeSynergyWrite(true)).withLockedPhase("Enquiry")
      .ready();

  @Test
  void aHeldBackChangeCallsForNoReadOfSynergy() {
    // Given a linked project moved in tiny+ to a locked phase and renamed there, synced once
    Project project = f.syncedProject(f.newProject("Pool").build());
    long copy = f.copyOf(project).id();
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().state(ProjectState.PROPOSED)
        .phase(f.phase("Enquiry").id()).name("Pool 2").build());
    f.cycle();
    f.resetCounts();

    // When nobody edits anything for a few cycles
    f.cycle();
    f.cycle();
    f.cycle();

    // Then each cycle only lists, and Synergy keeps its name until the project is released
    assertThat(f.synergy.calls().count(SynergyOperation.GET_PROJECT)).as(f.synergy.calls().toString()).isZero();
    assertThat(f.synergy.calls().total()).as(f.synergy.calls().toString()).isEqualTo(2 * 3);
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.synergy.webApp().project(project.id()).name()).isEqualTo("Pool");
  }
}
