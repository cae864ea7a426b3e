package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.Company;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 2006978, 200 steps: "quiet cycle 3 after convergence wrote UPDATE projects/30006
 * {project_number=P00003}"): a linked project whose client company was deleted in tiny+ (found deleted by another
 * write) cannot have its client put back there, so that change is skipped (the Synergy project is excluded) and the
 * link keeps tiny+'s client (the deleted company) as the merge base, so that the conflict is not decided anew. Then
 * the tiny+ project's number and client were edited. Merged without the Synergy project (not listed), that base was
 * taken as Synergy's client and sent back to tiny+: the deleted company was refused, and with it the whole write,
 * the project number put back too. Only the retry, which reads the Synergy project, put the number back, cycles
 * later. Now a pair whose Synergy side is in quarantine is merged from the records themselves: the Synergy project
 * is read when it is not listed.
 */
class ProjectNumberPutBackRefusedWithAStaleClientTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void theNumberIsPutBackAtOnceBesideAClientThatCannotBe() {
    // Given a linked project whose tiny+ client company was deleted, found deleted by a write of another project's
    // client, so that putting the first project's client back in tiny+ is skipped (it is excluded); a second synced
    // company; and a newer Synergy project, so that the first is no longer listed
    Contact bolt = f.synergy.webApp().createContact(ContactCreate.builder().name("Bolt Builders").build());
    f.cycle();
    Company boltCompany = f.tinyPlus.webApp().companies().stream().filter(c -> c.name().equals("Bolt Builders"))
        .findFirst().orElseThrow();
    Project other = f.syncedProject(f.newProject("Shed").build());
    Project project = f.syncedProject(f.newProject("Pool").build());
    long copy = f.copyOf(project).id();
    String number = f.synergy.webApp().project(project.id()).projectNumber();
    f.tinyPlus.webApp().deleteCompany(f.clientCompany.id());
    f.tinyPlus.webApp().edit("projects", f.copyOf(other).id(), Map.of("client_company", boltCompany.id()));
    f.cycle();
    f.tinyPlus.webApp().edit("projects", copy, Map.of("description", "Steel and glass"));
    f.cycle();
    f.clock.advance(Duration.ofMinutes(1));
    f.syncedProject(f.newProject("Later").primaryContactId(bolt.id()).build());
    f.cycle();
    int tinyPlusWrites = f.tinyPlus.writes().size();

    // When the tiny+ project's number and client are edited, and a cycle runs
    f.tinyPlus.webApp().edit("projects", copy, Map.of("project_number", "P-0001", "client_company",
        boltCompany.id()));
    f.cycle();

    // Then Synergy's number is put back in that cycle, and the deleted company is never sent
    assertThat(f.tinyPlus.webApp().project(copy).projectNumber()).isEqualTo(number);
    assertThat(f.tinyPlus.writes().subList(tinyPlusWrites, f.tinyPlus.writes().size()))
        .filteredOn(w -> w.source() == FakeWrite.Source.API)
        .noneMatch(w -> Long.valueOf(f.clientCompany.id()).equals(w.members().get("client_company")));
  }
}
