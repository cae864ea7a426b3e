package dev.synergylink.sync.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.ProjectMappings;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.TeamMember;
import org.junit.jupiter.api.Test;

/**
 * The guide's Assigned To &lt;&gt; Project Manager rule: "The team member must be a user synced with a matching
 * Synergy staff member. Otherwise the user will default to the user who activated the tiny+/Synergy integration."
 * Both ways, on create and on a later change, reported once, and quiet afterwards. The fixture's activating user is
 * the tiny+ admin (team member 1), linked with the Synergy admin (staff member 101).
 */
class ProjectManagerDefaultTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  private TeamMember unlinkedMember() {
    return f.tinyPlus.webApp().inviteTeamMember("Gus Guest", "gus@tinyplus.example");
  }

  private dev.synergylink.tinyplus.Project tinyPlusProject(String name, Long assignee) {
    return f.tinyPlus.webApp().createProject(ProjectCreate.builder().name(name).state(ProjectState.PROPOSED)
        .phase(f.phase("Fee Proposal").id()).clientCompany(f.clientCompany.id()).assignedUser(assignee).build());
  }

  private static RecordEvent managerNote(SyncReport report) {
    return report.problems(RecordOutcome.FIELD_NOT_SYNCED).stream().filter(e -> "manager".equals(e.field()))
        .reduce((a, b) -> {
          throw new AssertionError("more than one manager note: " + a + ", " + b);
        })
        .orElseThrow(() -> new AssertionError("no manager note in " + report.problems()));
  }

  /** A following cycle with nobody editing anything writes nothing to either side and reports nothing. */
  private void quietCycleWritesNothing() {
    f.resetCounts();
    SyncReport idle = f.cycle();
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(idle.problems()).isEmpty();
  }

  @Test
  void aSynergyProjectWithNoManagerIsAssignedToTheActivatingUserInTinyPlus() {
    // Given a Synergy project with no manager
    Project project = f.synergy.webApp().createProject(f.newProject("Pool").build());

    // When it is synced
    SyncReport report = f.cycle();

    // Then its tiny+ copy is assigned to the activating user, the report says so, and Synergy keeps no manager
    assertThat(f.copyOf(project).assignedUser()).isEqualTo(TinyPlusFake.ADMIN_ID);
    RecordEvent note = managerNote(report);
    assertThat(note.flow()).isEqualTo(Flow.SYNERGY_TO_TINYPLUS);
    assertThat(note.synergyId()).isEqualTo(project.id());
    assertThat(note.message()).contains("has no manager").contains("defaulted to the activating user");
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isNull();
    quietCycleWritesNothing();
  }

  @Test
  void aSynergyManagerRemovedLaterLeavesTheTinyPlusProjectWithTheActivatingUser() {
    // Given a linked project managed by a staff member linked with a team member
    ProjectFixture.LinkedStaff linked = f.linkedStaff("Bea", "Builder");
    Staff bea = linked.staff();
    TeamMember beaMember = linked.member();
    Project project = f.syncedProject(f.newProject("Pool").managerId(bea.id()).build());
    long copy = f.copyOf(project).id();
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(beaMember.id());

    // When the Synergy manager is removed
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().managerId(null).build());
    SyncReport report = f.cycle();

    // Then the tiny+ project is assigned to the activating user, reported
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(TinyPlusFake.ADMIN_ID);
    assertThat(managerNote(report).message()).contains("defaulted to the activating user");
    quietCycleWritesNothing();
  }

  @Test
  void aTinyPlusProjectWithAnUnlinkedAssigneeIsCreatedInSynergyManagedByTheActivatingUsersStaffMember() {
    // Given a tiny+ project assigned to a team member linked with no staff member
    TeamMember guest = unlinkedMember();
    dev.synergylink.tinyplus.Project project = tinyPlusProject("Museum", guest.id());

    // When it is synced
    SyncReport report = f.cycle();

    // Then its Synergy copy is managed by the staff member linked with the activating user, reported, and tiny+ keeps
    // its assignee
    assertThat(f.copyOf(project).managerId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    RecordEvent note = managerNote(report);
    assertThat(note.flow()).isEqualTo(Flow.TINYPLUS_TO_SYNERGY);
    assertThat(note.message()).contains("team member " + guest.id()).contains("defaulted to the activating user");
    assertThat(f.tinyPlus.webApp().project(project.id()).assignedUser()).isEqualTo(guest.id());
    quietCycleWritesNothing();
  }

  @Test
  void aTinyPlusProjectWithNoAssigneeIsCreatedInSynergyManagedByTheActivatingUsersStaffMember() {
    dev.synergylink.tinyplus.Project project = tinyPlusProject("Museum", null);

    SyncReport report = f.cycle();

    assertThat(f.copyOf(project).managerId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(managerNote(report).message()).contains("no assignee").contains("defaulted to the activating user");
    assertThat(f.tinyPlus.webApp().project(project.id()).assignedUser()).isNull();
    quietCycleWritesNothing();
  }

  @Test
  void aTinyPlusReassignmentToAnUnlinkedTeamMemberMakesTheActivatingUserTheSynergyManager() {
    // Given a linked project managed by a staff member linked with a team member
    ProjectFixture.LinkedStaff linked = f.linkedStaff("Bea", "Builder");
    Staff bea = linked.staff();
    TeamMember beaMember = linked.member();
    Project project = f.syncedProject(f.newProject("Pool").managerId(bea.id()).build());
    long copy = f.copyOf(project).id();

    // When the tiny+ project is reassigned to a team member linked with no staff member
    TeamMember guest = unlinkedMember();
    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder().assignedUser(guest.id())
        .build());
    SyncReport report = f.cycle();

    // Then Synergy's manager defaults to the activating user's staff member, reported; tiny+ keeps its assignee
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(managerNote(report).message()).contains("defaulted to the activating user");
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(guest.id());
    quietCycleWritesNothing();

    // And a later reassignment to a linked team member still reaches Synergy
    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder()
        .assignedUser(beaMember.id()).build());
    f.cycle();
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(bea.id());
    quietCycleWritesNothing();
  }

  @Test
  void anActivatingUserLinkedWithNoStaffMemberLeavesTheSynergyManagerAsItIsWithTheFix() {
    // Given a linked project managed by the Synergy admin, and an activating user linked with no staff member
    Project project = f.syncedProject(f.newProject("Pool").managerId(SynergyFake.ADMIN_STAFF_ID).build());
    long copy = f.copyOf(project).id();
    TeamMember ada = f.tinyPlus.webApp().inviteTeamMember("Ada Activator", "ada@tinyplus.example");
    f.settings(b -> b.activatingUser(ada.id()));

    // When the tiny+ project is reassigned to a team member linked with no staff member
    TeamMember guest = unlinkedMember();
    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder().assignedUser(guest.id())
        .build());
    SyncReport report = f.cycle();

    // Then the Synergy manager is left as it is, reported with the fix
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(managerNote(report).message()).contains("left as it is")
        .contains("activating user (team member " + ada.id() + ")").contains("Link Team Member records");
    quietCycleWritesNothing();
  }

  @Test
  void aHostCanKeepTheManagerWithoutTheDefault() {
    // Given an engine whose projects mapping puts the manager rule without the default in place of the built-in one
    f.engine = dev.synergylink.sync.SyncEngine.builder().synergy(f.synergy).tinyPlus(f.tinyPlus).stateStore(f.store)
        .settings(f.settings).clock(f.clock)
        .projectMapping(ProjectMappings.projects().withRule(ProjectMappings.managerWithoutDefault()))
        .build();
    Project synergyProject = f.synergy.webApp().createProject(f.newProject("Pool").build());
    f.cycle();
    long copy = f.copyOf(synergyProject).id();
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).as("a project with no manager").isNull();

    // When a tiny+ project of an unlinked team member is synced, and the first one's copy is reassigned to them
    TeamMember guest = unlinkedMember();
    dev.synergylink.tinyplus.Project tinyPlusProject = tinyPlusProject("Museum", guest.id());
    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder().assignedUser(guest.id())
        .build());
    SyncReport report = f.cycle();

    // Then no manager is defaulted: an unlinked assignee leaves the Synergy manager as it is (none), reported as not synced
    assertThat(f.copyOf(tinyPlusProject).managerId()).isNull();
    assertThat(f.synergy.webApp().project(synergyProject.id()).managerId()).isNull();
    assertThat(report.problems(RecordOutcome.FIELD_NOT_SYNCED)).hasSize(2)
        .allSatisfy(e -> assertThat(e.message()).contains("left as it is").doesNotContain("defaulted"));
    quietCycleWritesNothing();
  }
}
