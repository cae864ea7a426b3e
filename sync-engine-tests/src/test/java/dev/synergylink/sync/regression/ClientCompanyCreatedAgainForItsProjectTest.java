package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.ProjectCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 2003618 of the 200-step survey with projects): a new tiny+ company's create in
 * Synergy was made but its answer lost, so the cycle kept the create open and waited to find the copy by its marker.
 * In the same cycle a new tiny+ project named that company as its client; the projects sync, which syncs a client
 * company first, did so with a sync of that one company that had not read the open creates, and created the company
 * in Synergy a second time. It now reads them: the project waits for the cycle that settles the create, then follows
 * with the one copy as its client.
 */
class ClientCompanyCreatedAgainForItsProjectTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void aProjectWhoseClientCompanyCreateIsOpenWaitsForItInsteadOfCreatingItAgain() {
    // Given a new tiny+ company, a new tiny+ project for that client, and Synergy making the company's copy but
    // losing the create's answer
    long company = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Newco").build()).id();
    dev.synergylink.tinyplus.Project project = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Depot").clientCompany(company).build());
    f.synergy.faults().on(SynergyOperation.CREATE_CONTACT).times(1).answer(Fault.ambiguousCreate());

    // When a cycle runs, and later ones once the failures are due
    f.cycle();
    f.clock.advance(Duration.ofMinutes(30));
    f.cycle();
    f.cycle();

    // Then Synergy has one copy of the company, and the project's copy has it as its client
    assertThat(f.synergy.webApp().contacts()).filteredOn(c -> ("tinyplus:" + company).equals(c.externalReference()))
        .singleElement().satisfies(copy -> {
          Project projectCopy = f.copyOf(project);
          assertThat(projectCopy.primaryContactId()).isEqualTo(copy.id());
          assertThat(f.tinyPlus.webApp().company(company).remoteId()).isEqualTo(Long.toString(copy.id()));
        });
    assertThat(f.synergy.webApp().contacts()).extracting(Contact::name).containsOnlyOnce("Newco");
    assertThat(f.engine.health().failures()).isEmpty();
  }
}
