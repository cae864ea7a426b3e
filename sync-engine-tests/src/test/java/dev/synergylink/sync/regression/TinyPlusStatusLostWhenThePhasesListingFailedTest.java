package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.ProjectPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 131720 of the wide 50-step survey with projects; seed 138399 too): a person changed a
 * linked project's status in tiny+, and the Synergy project was saved (unchanged) at about the same time. The cycle
 * that merged the two had the tiny+ status to write to Synergy; the status rule checks the status mapping against both
 * systems first, and its listing of the tiny+ project phases failed (503). That failure of a call to tiny+ was taken
 * as a failed write to tiny+, so the engine quarantined the Synergy record (the side opposite to the failed call's),
 * not the tiny+ one whose change was not sent. The next cycle listed the Synergy record again, found nothing changed
 * in it, and ended its quarantine; the tiny+ record was no longer listed and never retried: the two statuses stayed
 * apart for good.
 *
 * <p>The fix: a field rule's call that fails while a pair's write is being built counts as a failure of that write,
 * kept against the side its change came from (here tiny+), which is quarantined and retried by reading both records.
 */
class TinyPlusStatusLostWhenThePhasesListingFailedTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void theTinyPlusStatusReachesSynergyOnceThePhasesCanBeListedAgain() {
    // Given a Synergy project synced to tiny+, whose tiny+ status a person sets to Complete while someone saves the
    // Synergy project without changing it; then another tiny+ project is edited (so the tiny+ list moves on), and the
    // cycle that merges them fails to list the tiny+ project phases
    Project project = f.syncedProject(f.newProject("Pool").build());
    Project later = f.syncedProject(f.newProject("Drive").build());
    long copy = f.copyOf(project).id();
    // a day on, the check of the status mapping kept in the store is out of date: the status write reads the phases
    f.clock.advance(Duration.ofHours(24));
    TinyPlusStatus complete = f.settings.statusMapping().tinyPlusStatus(f.status("Complete").id());
    f.synergy.webApp().editProject(project.id(), dev.synergylink.synergy.ProjectPatch.builder()
        .statusId(project.statusId()).build());
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().state(complete.state()).phase(complete.phase())
        .build());
    f.clock.advance(Duration.ofSeconds(30));
    f.tinyPlus.webApp().editProject(f.copyOf(later).id(), ProjectPatch.builder().description("Gravel").build());
    f.tinyPlus.faults().on(TinyPlusOperation.LIST_PROJECT_PHASES).times(1).answer(Fault.unavailable());
    f.cycle();
    assertThat(f.synergy.webApp().project(project.id()).statusId()).isEqualTo(f.status("Active").id());

    // When the following cycles run, with no failure and neither project edited
    for (int i = 0; i < 3; i++) {
      f.clock.advance(Duration.ofMinutes(20));
      f.cycle();
    }

    // Then the tiny+ status reached Synergy, tiny+ kept it, and nothing is left failing
    assertThat(f.synergy.webApp().project(project.id()).statusId()).isEqualTo(f.status("Complete").id());
    assertThat(f.tinyPlus.webApp().project(copy).state()).isEqualTo(complete.state());
    assertThat(f.tinyPlus.webApp().project(copy).phase()).isEqualTo(complete.phase());
    assertThat(f.engine.health().failures()).isEmpty();
  }
}
