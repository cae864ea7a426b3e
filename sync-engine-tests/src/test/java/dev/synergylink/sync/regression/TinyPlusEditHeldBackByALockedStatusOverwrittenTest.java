package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 185): a linked tiny+ project in a locked status sends nothing to Synergy, and its
 * change waits in the merge base until it is released. But once newer tiny+ projects have moved the poll past it, it
 * is not listed again, so when its Synergy partner changed later the engine took the tiny+ side to be unchanged and
 * wrote Synergy's values over the held edit: a tiny+ rename was overwritten, with no conflict kept. Now such a pair
 * reads its tiny+ record before writing over it, and both edits meet in the merge.
 */
class TinyPlusEditHeldBackByALockedStatusOverwrittenTest {
  @Test
  void aRenameHeldBackByALockedStatusMeetsALaterSynergyRenameAsAConflict() {
    // Given a linked project renamed in tiny+ as it is moved to a locked phase (so nothing is sent), and a newer
    // tiny+ project edit since
    ProjectFixture w = new ProjectFixture();
    ProjectPhase siteVisit = w.tinyPlus.webApp().addPhase("Site visit", ProjectState.PROPOSED);
    w.settings(b -> b.statusMapping(StatusMapping.proposeDefault(w.options()).toBuilder().lockPhase(siteVisit.id())
        .build()));
    w.ready();
    Project hall = w.synergy.webApp().createProject(w.newProject("Civic Hall").build());
    Project depot = w.synergy.webApp().createProject(w.newProject("Depot").build());
    w.cycle();
    w.clock.advance(Duration.ofSeconds(5));
    w.tinyPlus.webApp().editProject(w.copyOf(hall).id(), dev.synergylink.tinyplus.ProjectPatch.builder()
        .name("Civic Hall North").state(ProjectState.PROPOSED).phase(w.phase("Site visit").id()).build());
    w.cycle();
    w.tinyPlus.webApp().editProject(w.copyOf(depot).id(), dev.synergylink.tinyplus.ProjectPatch.builder()
        .description("Two sheds").build());
    w.cycle();
    assertThat(w.synergy.webApp().project(hall.id()).name()).isEqualTo("Civic Hall");

    // When the project is then renamed in Synergy
    w.synergy.webApp().editProject(hall.id(), ProjectPatch.builder().name("Civic Hall South").build());
    SyncReport report = w.cycle();

    // Then the held tiny+ rename is not silently overwritten: the two renames meet as a conflict that is kept
    assertThat(report.conflicts()).anySatisfy(c -> {
      assertThat(c.conflict().field()).isEqualTo("name");
      assertThat(c.conflict().tinyPlusValue()).isEqualTo("Civic Hall North");
      assertThat(c.conflict().synergyValue()).isEqualTo("Civic Hall South");
    });
  }
}
