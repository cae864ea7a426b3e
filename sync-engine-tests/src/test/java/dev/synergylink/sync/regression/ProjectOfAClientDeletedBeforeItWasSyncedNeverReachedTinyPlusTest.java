package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 2001017 and 2001925, with projects, 200 steps: "Synergy PROJECT never reached
 * tiny+"): a Synergy contact was made, a Synergy project was given it as its client, and the contact was deleted before
 * any cycle synced it (no cycle ran in between, or the only one ran within Synergy's list lag). The project's client
 * has no tiny+ company and can no longer be copied (404), so the project cannot reach tiny+ with its client: the
 * engine leaves it out and says so in health, and the simulation's convergence check, which accepted an excluded
 * contact only, took the project for one silently lost. The check now accepts such a project, and only when the engine
 * reports it excluded naming its deleted client. This test pins what that rests on: the report in health, and the
 * project picked up again once its client is changed in Synergy.
 */
class ProjectOfAClientDeletedBeforeItWasSyncedNeverReachedTinyPlusTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void theProjectIsReportedExcludedNamingItsClientAndFollowsANewClient() {
    // Given a Synergy project whose client contact was deleted before any cycle synced that contact
    Contact gone = f.synergy.webApp().createContact(ContactCreate.builder().name("Gone Pty Ltd").build());
    Project project = f.synergy.webApp().createProject(f.newProject("Depot 4").primaryContactId(gone.id()).build());
    f.synergy.webApp().deleteContact(gone.id());

    // When cycles run with nobody editing anything
    f.cycle();
    f.cycle();

    // Then the project has not reached tiny+, and health says so: excluded, naming the deleted client
    assertThat(f.tinyPlus.webApp().projects()).isEmpty();
    assertThat(f.engine.health().failures()).filteredOn(e -> e.recordType() == RecordType.PROJECT).singleElement()
        .satisfies(e -> {
          assertThat(e.side()).isEqualTo(Side.SYNERGY);
          assertThat(e.recordId()).isEqualTo(project.id());
          assertThat(e.kind()).isEqualTo(RecordFailure.Kind.EXCLUDED);
          assertThat(e.message()).contains("Synergy contact " + gone.id() + ")").contains("deleted");
        });
    assertThat(f.engine.health().counts().get(RecordType.PROJECT).excluded()).isEqualTo(1);

    // When a person gives the project a synced client in Synergy
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().primaryContactId(f.client.id()).build());
    f.cycle();

    // Then the project reaches tiny+ with that client's company, and leaves quarantine
    assertThat(f.copyOf(project).clientCompany()).isEqualTo(f.clientCompany.id());
    assertThat(f.engine.health().failures()).isEmpty();
  }
}
