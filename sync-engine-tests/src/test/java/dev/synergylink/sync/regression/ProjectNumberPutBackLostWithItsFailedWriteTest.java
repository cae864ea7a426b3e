package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 2006508, 200 steps: "PROJECT projectNumber differs: Synergy has 'P00005', tiny+ has
 * 'borrowed'"): a tiny+ edit of a linked project's number (Synergy owns it; the guide says Synergy's number overrides
 * it) is to be put back, but that write to tiny+ timed out. The failure was kept against the Synergy project, and the
 * link (not saved) still said both sides hold Synergy's number. Once the tiny+ project was no longer listed (a newer
 * tiny+ project came along) while the Synergy one still was, the pair was merged with the tiny+ record taken to hold
 * its base: nothing to write, and the Synergy side's quarantine ended as merged. The tiny+ number was never put back.
 * Now a pair whose Synergy side is in quarantine is merged from the records themselves: the tiny+ record is read
 * when it is not listed while the write to it is failing.
 */
class ProjectNumberPutBackLostWithItsFailedWriteTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void aTinyPlusEditOfTheProjectNumberIsPutBackAfterTheWriteFailed() {
    // Given a linked project whose number is edited in tiny+, then a newer tiny+ project (one without a client, which
    // is not sent), and a cycle in which the write putting the number back times out
    Project project = f.syncedProject(f.newProject("Pool").build());
    long copy = f.copyOf(project).id();
    String number = f.synergy.webApp().project(project.id()).projectNumber();
    f.tinyPlus.webApp().edit("projects", copy, Map.of("project_number", "borrowed"));
    f.clock.advance(Duration.ofMinutes(1));
    f.tinyPlus.webApp().createProject(ProjectCreate.builder().name("Later").state(ProjectState.PROPOSED)
        .phase(f.phase("Fee Proposal").id()).build());
    f.tinyPlus.faults().on(TinyPlusOperation.PATCH_PROJECT).times(1).answer(Fault.timeout());
    f.cycle();
    assertThat(f.tinyPlus.webApp().project(copy).projectNumber()).isEqualTo("borrowed");

    // When later cycles run without faults, listing the Synergy project but no longer the tiny+ one
    for (int i = 0; i < 5; i++) {
      f.cycle();
      f.clock.advance(Duration.ofMinutes(10));
    }

    // Then Synergy's number is put back in tiny+
    assertThat(f.tinyPlus.webApp().project(copy).projectNumber()).isEqualTo(number);
  }
}
