package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 1000331 with projects, 200 steps, once a held-back tiny+ change kept a tiny+ base no
 * value equals, see {@link HeldBackTinyPlusStatusOverwrittenByALaterSynergyEditTest}): a linked tiny+ project in a
 * locked status was renamed (held back), then renamed in Synergy and, a moment later, renamed back in tiny+ to the name
 * the two had agreed on. Synergy's list did not show its rename yet (it lags up to 5 s), so the engine took tiny+'s
 * name to agree with Synergy's and dropped the held-back change; once Synergy's rename was listed it read as the only
 * change and was written over tiny+'s later name, with no conflict kept.
 *
 * <p>The fix: while the tiny+ project is held back, a held-back field stays held back even when its tiny+ value equals
 * the Synergy value the engine knows; the two are merged (a conflict where both changed) once it is released, or when
 * Synergy changes the field.
 */
class HeldBackTinyPlusEditUndoneBehindALaggingSynergyEditTest {
  private final ProjectFixture f = new ProjectFixture(b -> b.readBeforeSynergyWrite(true)).withLockedPhase("Enquiry")
      .ready();

  @Test
  void theLaterTinyPlusNameWinsAConflictWhenTheProjectIsReleased() {
    // Given a linked project moved in tiny+ into a locked phase and renamed there, synced once (held back)
    Project project = f.syncedProject(f.newProject("Pool").build());
    long copy = f.copyOf(project).id();
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().state(ProjectState.PROPOSED)
        .phase(f.phase("Enquiry").id()).name("Pool 2").build());
    f.cycle();
    List<ResolvedConflict> conflicts = new ArrayList<>();

    // When Synergy renames it, tiny+ renames it back to the agreed name a second later, and a cycle runs before
    // Synergy's list shows the rename; then the project is released in tiny+
    f.synergy.webApp().editProject(project.id(), dev.synergylink.synergy.ProjectPatch.builder().name("Pool S")
        .build());
    f.clock.advance(Duration.ofSeconds(1));
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().name("Pool").build());
    conflicts.addAll(f.engine.syncOnce().conflicts());
    f.clock.advance(Duration.ofMinutes(1));
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().phase(f.phase("Fee Proposal").id()).build());
    conflicts.addAll(f.cycle().conflicts());
    conflicts.addAll(f.cycle().conflicts());

    // Then tiny+'s later name wins a conflict that keeps Synergy's, and both sides hold it
    assertThat(conflicts).filteredOn(c -> c.conflict().field().equals("name")).singleElement().satisfies(c -> {
      assertThat(c.conflict().recordType()).isEqualTo(RecordType.PROJECT);
      assertThat(c.winner()).isEqualTo(Side.TINYPLUS);
      assertThat(c.losingValue()).isEqualTo("Pool S");
    });
    assertThat(f.tinyPlus.webApp().project(copy).name()).isEqualTo("Pool");
    assertThat(f.synergy.webApp().project(project.id()).name()).isEqualTo("Pool");
  }
}
