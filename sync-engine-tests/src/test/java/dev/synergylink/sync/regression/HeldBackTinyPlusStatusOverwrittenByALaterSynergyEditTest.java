package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectState;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 2001001 with projects, 200 steps: a lost tiny+ status edit): a person moved a linked
 * tiny+ project into a locked status. The engine held the change back (a locked status is not synced to Synergy, the
 * guide's rule) but kept no trace of it in the snapshot: only a held-back change that had won a conflict kept a tiny+
 * base that no value equals. Once the tiny+ project was no longer listed, a later Synergy status edit read as the only
 * change of the field and was written over tiny+'s status, with no conflict: the tiny+ edit was silently lost, where
 * the same two edits seen in one cycle are a conflict whose loser is kept (ARCHITECTURE, invariant 3).
 *
 * <p>The fix: every held-back tiny+ change keeps a tiny+ base that no value equals (so the engine remembers that tiny+
 * holds a change it has not sent), and a Synergy change of such a field, with the tiny+ record not listed, reads the
 * tiny+ record before writing over it, so the two changes are merged as a conflict and the loser is kept.
 */
class HeldBackTinyPlusStatusOverwrittenByALaterSynergyEditTest {
  private final ProjectFixture f = new ProjectFixture().withLockedPhase("Enquiry").ready();

  @Test
  void aLaterSynergyStatusWinsAConflictThatKeepsTheHeldBackTinyPlusStatus() {
    // Given a linked project moved in tiny+ into a locked phase, synced once (held back), and no longer listed in
    // tiny+ (a newer tiny+ project came along)
    Project project = f.syncedProject(f.newProject("Pool").build());
    long copy = f.copyOf(project).id();
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().state(ProjectState.PROPOSED)
        .phase(f.phase("Enquiry").id()).build());
    f.cycle();
    f.tinyPlus.webApp().createProject(ProjectCreate.builder().name("Later").state(ProjectState.PROPOSED)
        .phase(f.phase("Enquiry").id()).clientCompany(f.clientCompany.id()).build());
    f.cycle();
    assertThat(f.synergy.webApp().project(project.id()).statusId()).isEqualTo(f.status("Active").id());

    // When a person then sets the Synergy project's status
    f.synergy.webApp().editProject(project.id(), dev.synergylink.synergy.ProjectPatch.builder()
        .statusId(f.status("Complete").id()).build());
    SyncReport report = f.cycle();

    // Then the later Synergy status wins a conflict that keeps tiny+'s held-back status as the loser
    assertThat(report.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.conflict().recordType()).isEqualTo(RecordType.PROJECT);
      assertThat(c.conflict().field()).isEqualTo("status");
      assertThat(c.winner()).isEqualTo(Side.SYNERGY);
      assertThat(c.losingValue()).isEqualTo(Long.toString(f.status("Proposal").id()));
    });
    assertThat(f.tinyPlus.webApp().project(copy).state()).isEqualTo(ProjectState.COMPLETED);
    assertThat(f.synergy.webApp().project(project.id()).statusId()).isEqualTo(f.status("Complete").id());

    // And a further cycle writes nothing
    f.resetCounts();
    f.cycle();
    assertThat(f.tinyPlus.writes()).isEmpty();
    assertThat(f.synergy.writes()).isEmpty();
  }
}
