package dev.synergylink.sync.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.StatusType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Project statuses and tiny+ phases were read again by every run that wrote a project status, and by every new
 * engine: a host that builds an engine per run paid a Synergy call per cycle.
 */
class StatusesReadOncePerDayTest {
  @Test
  void aNewEngineOnTheSameStoreWritesAProjectStatusWithoutReadingTheStatusesAgain() {
    // Given a projects sync whose first engine checked the status mapping
    ProjectFixture f = new ProjectFixture().ready();

    // When three more engines, built one per run on the same store, each sync a new project
    for (String name : new String[] {"Library", "Museum", "Gallery"}) {
      ProjectCreate project = f.newProject(name).build();
      f.settings(b -> b);
      f.resetCounts();
      f.syncedProject(project);

      // Then neither reads the statuses or the phases
      assertThat(f.copyOf(f.synergy.webApp().projects().stream().filter(p -> p.name().equals(name)).findFirst()
          .orElseThrow()).phase()).isNotNull();
      assertThat(f.synergy.calls().count(SynergyOperation.LIST_PROJECT_STATUSES)).isZero();
      assertThat(f.tinyPlus.calls().count(TinyPlusOperation.LIST_PROJECT_PHASES)).isZero();
    }
  }

  @Test
  void theStatusesAreReadAgainADayLater() {
    ProjectFixture f = new ProjectFixture().ready();
    f.syncedProject(f.newProject("Library").build());
    ProjectCreate museum = f.newProject("Museum").build();
    f.clock.advance(Duration.ofHours(24));
    f.settings(b -> b);
    f.resetCounts();

    f.syncedProject(museum);

    assertThat(f.synergy.calls().count(SynergyOperation.LIST_PROJECT_STATUSES)).isEqualTo(1);
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.LIST_PROJECT_PHASES)).isEqualTo(1);
  }

  @Test
  void aStatusAddedSinceTheCheckIsReadAgainAndStopsTheProjectsRunNamingIt() {
    // Given a checked mapping, then a status added in Synergy and a project put in it
    ProjectFixture f = new ProjectFixture().ready();
    f.syncedProject(f.newProject("Library").build());
    long tendering = f.synergy.webApp().addStatus("Tendering", StatusType.ACTIVE, null).id();
    ProjectCreate museum = f.newProject("Museum").statusId(tendering).build();
    f.settings(b -> b);
    f.resetCounts();

    // When a run meets the project
    f.synergy.webApp().createProject(museum);
    SyncReport report = f.cycle();

    // Then the statuses are read again and the projects run stops, naming the new status
    assertThat(f.synergy.calls().count(SynergyOperation.LIST_PROJECT_STATUSES)).isEqualTo(1);
    assertThat(report.stopCause()).isNotNull();
    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.SETTINGS);
    assertThat(report.abortedBecause()).contains("Tendering");
  }
}
