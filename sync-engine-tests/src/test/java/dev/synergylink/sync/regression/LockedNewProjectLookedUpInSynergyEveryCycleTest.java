package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectState;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (idle cycles listing Synergy projects three times): a new tiny+ project in a locked status
 * is not created in Synergy until it is released, but while it was the newest in tiny+ (listed again by the
 * lookback) every cycle looked it up in Synergy first, by its marker and then by natural key: two more Synergy
 * project listings per cycle.
 */
class LockedNewProjectLookedUpInSynergyEveryCycleTest {
  private final ProjectFixture f = new ProjectFixture().withLockedPhase("Enquiry").ready();

  @Test
  void aNewProjectInALockedPhaseCostsNoSynergyLookUp() {
    // Given a new tiny+ project in a locked phase, seen by a cycle once
    f.tinyPlus.webApp().createProject(ProjectCreate.builder().name("Maybe").state(ProjectState.PROPOSED)
        .phase(f.phase("Enquiry").id()).clientCompany(f.clientCompany.id()).build());
    f.cycle();
    f.resetCounts();

    // When nobody edits anything for a few cycles
    f.cycle();
    f.cycle();
    f.cycle();

    // Then each cycle lists each type once per side and looks nothing up in Synergy; the project, excluded while its
    // status is locked, is re-checked in tiny+ by one read at each retry that falls due, never by a listing
    assertThat(f.synergy.calls().total()).as(f.synergy.calls().toString()).isEqualTo(2 * 3);
    assertThat(f.tinyPlus.calls().total() - f.tinyPlus.calls().count(TinyPlusOperation.GET_PROJECT))
        .as(f.tinyPlus.calls().toString()).isEqualTo(2 * 3);
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.GET_PROJECT)).isLessThanOrEqualTo(2);
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.synergy.webApp().projects()).isEmpty();
  }
}
