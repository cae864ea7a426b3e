package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectState;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (an echo write in the third quiet cycle): a tiny+ project and a Synergy project made apart
 * with the same name are linked by a cycle with an empty merge base (each side's value of a shared field is its own
 * change). Synergy's client could not be written to tiny+ (its tiny+ company was deleted), so the snapshot kept no
 * client; a later cycle that saw the tiny+ project but not the Synergy one took that empty base for Synergy's client
 * and cleared the tiny+ client company.
 */
class KeyMatchedProjectClientClearedInTinyPlusTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void aClientThatCannotBeSentIsNeverClearedInTinyPlus() {
    // Given a Synergy client whose tiny+ company was deleted (its link orphaned when an edit of it found it gone),
    // and a tiny+ project and a Synergy project (with that client) made apart with the same name, linked by a cycle
    Contact gone = f.synergy.webApp().createContact(ContactCreate.builder().name("Gone Pty Ltd").build());
    f.cycle();
    Company goneCompany = f.tinyPlus.webApp().companies().stream().filter(c -> c.name().equals("Gone Pty Ltd"))
        .findFirst().orElseThrow();
    f.tinyPlus.webApp().deleteCompany(goneCompany.id());
    f.synergy.webApp().editContact(gone.id(), ContactPatch.builder().name("Gone Ltd").build());
    f.cycle();
    Project other = f.syncedProject(f.newProject("Other").build());
    dev.synergylink.tinyplus.Project twin = f.tinyPlus.webApp().createProject(ProjectCreate.builder().name("Twin")
        .state(ProjectState.ACTIVE).phase(f.phase("Documentation").id()).clientCompany(f.clientCompany.id()).build());
    f.synergy.webApp().createProject(f.newProject("Twin").primaryContactId(gone.id()).build());
    f.cycle();

    // When a cycle sees the tiny+ project edited but not the Synergy one (a newer Synergy project moved its cursor)
    f.synergy.webApp().editProject(other.id(), dev.synergylink.synergy.ProjectPatch.builder().name("Other 2")
        .build());
    f.cycle();
    f.resetCounts();
    f.tinyPlus.webApp().editProject(twin.id(), ProjectPatch.builder().description("Two storeys").build());
    f.cycle();

    // Then the tiny+ project keeps its client company: nothing clears it
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API)
        .noneMatch(w -> w.members().containsKey("client_company"));
    assertThat(f.tinyPlus.webApp().project(twin.id()).clientCompany()).isEqualTo(f.clientCompany.id());
  }
}
