package dev.synergylink.sync.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.TeamMember;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every row of the guide's Projects table, in each direction it allows. */
class ProjectFieldsTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  private Project linkedProject() {
    Project project = f.synergy.webApp().createProject(f.newProject("Library").initialFee(new BigDecimal("1000"))
        .build());
    f.cycle();
    f.resetCounts();
    return project;
  }

  @Test
  void aClientChangedInSynergyReachesTheLinkedTinyPlusProject() {
    // Given a linked project, and a second client company synced to tiny+
    Project project = linkedProject();
    dev.synergylink.synergy.Contact other = f.synergy.webApp().createContact(
        dev.synergylink.synergy.ContactCreate.builder().name("Bolt Pty Ltd").build());
    f.cycle();
    long otherCompany = f.tinyPlus.webApp().companies().stream().filter(c -> c.name().equals("Bolt Pty Ltd"))
        .findFirst().orElseThrow().id();

    // When a person gives the Synergy project the other client
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().primaryContactId(other.id()).build());
    f.cycle();

    // Then the tiny+ project names that client's company, and nothing went back to Synergy
    assertThat(f.copyOf(project).clientCompany()).isEqualTo(otherCompany);
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
  }

  @Test
  void aProjectMatchedByNameWhoseSynergyClientWasDeletedKeepsTheTinyPlusClientAndWaitsWithTheReason() {
    // Given a Synergy project whose client was deleted in Synergy before it was ever synced, and a tiny+ project of
    // the same name for a synced client company
    dev.synergylink.synergy.Contact gone = f.synergy.webApp().createContact(
        dev.synergylink.synergy.ContactCreate.builder().name("Gone Pty Ltd").build());
    Project project = f.synergy.webApp().createProject(f.newProject("Harbour House").primaryContactId(gone.id())
        .build());
    f.synergy.webApp().deleteContact(gone.id());
    dev.synergylink.tinyplus.Project tinyPlusProject = f.tinyPlus.webApp().createProject(
        ProjectCreate.builder().name("Harbour House").clientCompany(f.clientCompany.id()).build());

    // When Synergy's projects are downloaded, and then cycles run
    f.engine.downloadAll(RecordType.PROJECT, dev.synergylink.sync.spi.ProgressListener.none());
    f.cycle();
    f.cycle();

    // Then the two are linked, the tiny+ project keeps its client (the deleted one cannot be copied: every project
    // needs a client), and the Synergy project waits, left out with the reason
    assertThat(f.copyOf(project).id()).isEqualTo(tinyPlusProject.id());
    assertThat(f.tinyPlus.webApp().project(tinyPlusProject.id()).clientCompany()).isEqualTo(f.clientCompany.id());
    assertThat(f.engine.health().failures()).filteredOn(x -> x.recordType() == RecordType.PROJECT).singleElement()
        .satisfies(x -> {
          assertThat(x.recordId()).isEqualTo(project.id());
          assertThat(x.kind()).isEqualTo(dev.synergylink.sync.spi.RecordFailure.Kind.EXCLUDED);
          assertThat(x.message()).contains("was deleted in Synergy: give the project another client");
        });
  }

  @Test
  void aNewSynergyProjectArrivesInTinyPlusWithEveryField() {
    Project project = f.synergy.webApp().createProject(f.newProject("Town Hall")
        .projectType("Civic")
        .managerId(dev.synergylink.sync.testkit.SynergyFake.ADMIN_STAFF_ID)
        .address(Address.builder().address1("1 Main St").town("Springfield").state("NSW").zipCode("2000").build())
        .scope("A new town hall")
        .initialFee(new BigDecimal("25000"))
        .build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.PROJECT, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    dev.synergylink.tinyplus.Project copy = f.copyOf(project);
    assertThat(copy.name()).isEqualTo("Town Hall");
    assertThat(copy.state()).isEqualTo(ProjectState.ACTIVE);
    assertThat(copy.phase()).isEqualTo(f.phase("Concept Design").id());
    assertThat(copy.projectNumber()).isEqualTo(project.projectNumber());
    assertThat(copy.clientCompany()).isEqualTo(f.clientCompany.id());
    assertThat(copy.projectType()).isEqualTo("Civic");
    assertThat(f.tinyPlus.webApp().projectTypes()).extracting(t -> t.name()).contains("Civic");
    assertThat(copy.assignedUser()).isEqualTo(TinyPlusFake.ADMIN_ID);
    assertThat(copy.address().street()).isEqualTo("1 Main St");
    assertThat(copy.address().suburb()).isEqualTo("Springfield");
    assertThat(copy.value()).isEqualByComparingTo("25000");
    assertThat(copy.description()).isEqualTo("A new town hall");
    assertThat(copy.externalUrl()).endsWith("/Organisation/" + f.synergy.organisation() + "/Projects/" + project.id());
    assertThat(copy.lockedFields()).containsExactly("project_number", "client_company", "value", "external_url");
    assertThat(f.engine.lockedFields(RecordType.PROJECT, copy.id()))
        .containsExactly("project_number", "client_company", "value", "external_url");
  }

  @Test
  void aNewTinyPlusProjectIsCreatedInSynergyWithItsFeeAsTheFirstStage() {
    dev.synergylink.tinyplus.Project project = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Museum")
        .state(ProjectState.PROPOSED)
        .phase(f.phase("Fee Proposal").id())
        .clientCompany(f.clientCompany.id())
        .assignedUser(TinyPlusFake.ADMIN_ID)
        .value(new BigDecimal("5000.50"))
        .description("Extension")
        .address(dev.synergylink.tinyplus.Address.builder().street("2 High St").suburb("Shelbyville").build())
        .projectNumber("MY-1")
        .build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.PROJECT, Flow.TINYPLUS_TO_SYNERGY).created()).isEqualTo(1);
    Project copy = f.copyOf(project);
    assertThat(copy.name()).isEqualTo("Museum");
    assertThat(copy.statusId()).isEqualTo(f.status("Proposal").id());
    assertThat(copy.primaryContactId()).isEqualTo(f.client.id());
    assertThat(copy.managerId()).isEqualTo(dev.synergylink.sync.testkit.SynergyFake.ADMIN_STAFF_ID);
    assertThat(copy.stages()).singleElement().satisfies(stage -> {
      assertThat(stage.name()).isEqualTo("Fee");
      assertThat(stage.fee()).isEqualByComparingTo("5000.50");
    });
    assertThat(copy.scope()).isEqualTo("Extension");
    assertThat(copy.address().address1()).isEqualTo("2 High St");
    dev.synergylink.tinyplus.Project after = f.tinyPlus.webApp().project(project.id());
    assertThat(after.projectNumber()).as("Synergy's number overrides tiny+'s").isEqualTo(copy.projectNumber());
    assertThat(after.externalUrl()).endsWith("/Projects/" + copy.id());
    assertThat(after.lockedFields()).containsExactly("project_number", "client_company", "value", "external_url");
    assertThat(after.phase()).as("the finer tiny+ phase is kept").isEqualTo(f.phase("Fee Proposal").id());
  }

  @Test
  void editsOfTwoWayFieldsInSynergyReachTinyPlus() {
    Project project = linkedProject();
    ProjectFixture.LinkedStaff linked = f.linkedStaff("Bea", "Builder");
    Staff staff = linked.staff();
    TeamMember bea = linked.member();

    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder()
        .name("Library II")
        .statusId(f.status("Complete").id())
        .projectType("Education")
        .managerId(staff.id())
        .address(Address.builder().address1("9 Book Rd").build())
        .scope("Stage two")
        .build());
    f.cycle();

    dev.synergylink.tinyplus.Project copy = f.copyOf(project);
    assertThat(copy.name()).isEqualTo("Library II");
    assertThat(copy.state()).isEqualTo(ProjectState.COMPLETED);
    assertThat(copy.phase()).isEqualTo(f.phase("Completed").id());
    assertThat(copy.projectType()).isEqualTo("Education");
    assertThat(copy.assignedUser()).isEqualTo(bea.id());
    assertThat(copy.address().street()).isEqualTo("9 Book Rd");
    assertThat(copy.description()).isEqualTo("Stage two");
  }

  @Test
  void editsOfTwoWayFieldsInTinyPlusReachSynergyInOnePatch() {
    Project project = linkedProject();
    ProjectFixture.LinkedStaff linked = f.linkedStaff("Bea", "Builder");
    Staff staff = linked.staff();
    TeamMember bea = linked.member();
    f.tinyPlus.webApp().addProjectType("Health");
    f.resetCounts();

    f.tinyPlus.webApp().editProject(f.copyOf(project).id(), dev.synergylink.tinyplus.ProjectPatch.builder()
        .name("Clinic")
        .state(ProjectState.LOST)
        .phase(f.phase("Lost").id())
        .projectType("Health")
        .assignedUser(bea.id())
        .address(dev.synergylink.tinyplus.Address.builder().street("3 Care Ln").build())
        .description("Refit")
        .build());
    f.cycle();

    Project after = f.synergy.webApp().project(project.id());
    assertThat(after.name()).isEqualTo("Clinic");
    assertThat(after.statusId()).isEqualTo(f.status("Unsuccessful").id());
    assertThat(after.projectType()).isEqualTo("Health");
    assertThat(after.managerId()).isEqualTo(staff.id());
    assertThat(after.address().address1()).isEqualTo("3 Care Ln");
    assertThat(after.scope()).isEqualTo("Refit");
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).singleElement();
  }

  @Test
  void aCompleteOrUnsuccessfulSynergyProjectStillSyncs() {
    Project project = f.synergy.webApp().createProject(f.newProject("Old job").build());
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().statusId(f.status("Complete").id()).build());

    f.cycle();

    assertThat(f.synergy.webApp().project(project.id()).isActive()).isFalse();
    assertThat(f.copyOf(project).state()).isEqualTo(ProjectState.COMPLETED);
  }

  @Test
  void aTinyPlusEditOfTheProjectNumberFeeOrClientIsPutBack() {
    Project project = linkedProject();
    dev.synergylink.sync.testkit.SynergyFake s = f.synergy;
    dev.synergylink.synergy.Contact other = s.webApp().createContact(
        dev.synergylink.synergy.ContactCreate.builder().name("Other Co").build());
    f.cycle();
    long otherCompany = f.tinyPlus.webApp().companies().stream().filter(c -> c.name().equals("Other Co"))
        .findFirst().orElseThrow().id();
    long copy = f.copyOf(project).id();

    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder()
        .projectNumber("HACKED").value(new BigDecimal("1")).clientCompany(otherCompany).build());
    f.cycle();

    dev.synergylink.tinyplus.Project after = f.tinyPlus.webApp().project(copy);
    assertThat(after.projectNumber()).isEqualTo(project.projectNumber());
    assertThat(after.value()).isEqualByComparingTo("1000");
    assertThat(after.clientCompany()).isEqualTo(f.clientCompany.id());
    assertThat(f.synergy.webApp().project(project.id()).primaryContactId()).isEqualTo(f.client.id());
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(other.id()).isNotEqualTo(f.client.id());
  }

  @Test
  void aStageFeeChangeInSynergyBecomesTheTinyPlusValue() {
    Project project = linkedProject();
    Stage fee = f.synergy.webApp().project(project.id()).stages().get(0);

    f.synergy.webApp().changeStageFee(project.id(), fee.id(), new BigDecimal("1500"));
    f.synergy.webApp().addStage(project.id(), "Variation", new BigDecimal("250.25"));
    f.cycle();

    assertThat(f.copyOf(project).value()).isEqualByComparingTo("1750.25");
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
  }

  @Test
  void anUnlinkedSynergyManagerBecomesTheActivatingUser() {
    Staff stranger = f.synergy.webApp().addStaff("Sam", "Stranger", "sam@synergy.example", SecurityLevel.STANDARD);

    Project project = f.synergy.webApp().createProject(f.newProject("Gallery").managerId(stranger.id()).build());
    f.cycle();

    assertThat(f.copyOf(project).assignedUser()).isEqualTo(TinyPlusFake.ADMIN_ID);
    assertThat(f.synergy.webApp().project(project.id()).managerId()).as("Synergy keeps its manager")
        .isEqualTo(stranger.id());
  }

  @Test
  void anUnlinkedTinyPlusAssigneeDefaultsTheSynergyManagerToTheActivatingUserWithAReason() {
    Project project = f.synergy.webApp().createProject(f.newProject("Pool")
        .managerId(dev.synergylink.sync.testkit.SynergyFake.ADMIN_STAFF_ID).build());
    f.cycle();
    TeamMember guest = f.tinyPlus.webApp().inviteTeamMember("Gus Guest", "gus@tinyplus.example");
    long copy = f.copyOf(project).id();

    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder().assignedUser(guest.id())
        .name("Pool 2").build());
    SyncReport report = f.cycle();

    Project after = f.synergy.webApp().project(project.id());
    assertThat(after.name()).isEqualTo("Pool 2");
    assertThat(after.managerId()).isEqualTo(dev.synergylink.sync.testkit.SynergyFake.ADMIN_STAFF_ID);
    assertThat(report.problems(RecordOutcome.FIELD_NOT_SYNCED)).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("manager");
      assertThat(e.tinyPlusId()).isEqualTo(copy);
      assertThat(e.synergyId()).isEqualTo(project.id());
      assertThat(e.message()).contains("team member " + guest.id())
          .contains("defaulted to the activating user");
    });
  }
}
