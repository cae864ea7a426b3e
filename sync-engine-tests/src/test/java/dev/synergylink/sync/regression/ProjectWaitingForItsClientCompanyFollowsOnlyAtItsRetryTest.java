package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.ProjectCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 2001017 and 2001925, 200 steps, "PROJECT never reached tiny+"): not those seeds' own
 * cause (a client deleted before it was ever synced), but the next case of the same family, seen while diagnosing
 * them. A project left out because its client company could not be synced (Synergy refused the company) was tried
 * again only at its own retry time. Once a person fixed the company, the company was synced in the next cycle, but the
 * project that waited for it stayed out until its back-off ran out (up to the maximum retry delay, hours), although
 * its reason had gone and its message promised that "the project follows". Now a cycle that makes a company pair tries
 * every project left out again in that same cycle.
 */
class ProjectWaitingForItsClientCompanyFollowsOnlyAtItsRetryTest {
  /** Retries come much later than the cycles: a project that follows in them follows its client, not its retry. */
  private final ProjectFixture f = new ProjectFixture(b -> b.retryDelay(Duration.ofHours(1))).ready();

  @Test
  void theProjectFollowsItsClientCompanyInTheCycleThatSyncsIt() {
    // Given a tiny+ company whose ABN Synergy refuses, and a tiny+ project for that client, left out by a cycle
    long company = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Badco").abn("12 345 678 901")
        .build()).id();
    dev.synergylink.tinyplus.Project project = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Depot").clientCompany(company).build());
    f.cycle();
    assertThat(f.synergy.webApp().projects()).isEmpty();
    assertThat(f.engine.health().counts(RecordType.PROJECT).excluded()).isEqualTo(1);

    // When a person fixes the ABN in tiny+ and the next cycle runs, long before the project's retry is due
    f.tinyPlus.webApp().editCompany(company, CompanyPatch.builder().abn("53 004 085 616").build());
    f.cycle();

    // Then the company and its project reach Synergy in that cycle, and nothing is left in quarantine
    Project copy = f.copyOf(project);
    assertThat(f.synergy.webApp().contact(copy.primaryContactId()).name()).isEqualTo("Badco");
    assertThat(f.engine.health().failures()).isEmpty();
  }
}
