package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.TeamMember;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 80, 165, 430, 487 among others): a staff member deleted in Synergy vanishes from
 * the staff lists, so the team member linked with them stayed linked. A tiny+ project assigned to that team member
 * was sent with the deleted staff member as its manager, Synergy refused it on every retry, and the project never
 * reached Synergy. Now the refusal orphans the team member's link and the project is sent again as the guide says
 * for an assignee who is no linked team member: managed by the activating user's staff member, with the reason.
 */
class DeletedStaffMemberSentAsManagerTest {
  @Test
  void aProjectAssignedToTheTeamMemberOfADeletedStaffMemberReachesSynergyManagedByTheActivatingUser() {
    // Given a team member linked with a staff member who is then deleted in Synergy
    ProjectFixture w = new ProjectFixture().ready();
    ProjectFixture.LinkedStaff linked = w.linkedStaff("Pat", "Planner");
    Staff pat = linked.staff();
    TeamMember patsMember = linked.member();
    w.synergy.webApp().deleteStaff(pat.id());

    // When a tiny+ project assigned to that team member is synced
    dev.synergylink.tinyplus.Project project = w.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Boathouse").clientCompany(w.clientCompany.id()).assignedUser(patsMember.id()).build());
    SyncReport report = w.cycle();

    // Then it is created in Synergy managed by the activating user's staff member, the manager is reported as
    // defaulted, nothing keeps failing, and the team member's link is orphaned
    assertThat(w.copyOf(project).managerId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(report.problems(RecordOutcome.FIELD_NOT_SYNCED)).anySatisfy(e -> {
      assertThat(e.tinyPlusId()).isEqualTo(project.id());
      assertThat(e.message()).contains("not linked with a team member any more")
          .contains("defaulted to the activating user");
    });
    assertThat(w.engine.health().failures()).isEmpty();
    assertThat(w.store.linksBySynergyId("acme", RecordType.TEAM_MEMBER, List.of(pat.id())).get(pat.id())
        .orphaned()).isTrue();
  }

  @Test
  void projectsKeepSyncingOnceTheOneLinkedStaffMemberIsDeleted() {
    // Given the one linked staff member (the admin) deleted in Synergy, and a tiny+ project assigned to their team
    // member, synced (which orphans the only team member link)
    ProjectFixture w = new ProjectFixture().ready();
    w.synergy.webApp().deleteStaff(SynergyFake.ADMIN_STAFF_ID);
    dev.synergylink.tinyplus.Project first = w.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Boathouse").clientCompany(w.clientCompany.id()).assignedUser(TinyPlusFake.ADMIN_ID).build());
    w.cycle();

    // When another tiny+ project is made
    dev.synergylink.tinyplus.Project second = w.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Jetty").clientCompany(w.clientCompany.id()).build());
    SyncReport report = w.cycle();

    // Then the projects sync still runs (team members were linked once: the setup step is done) and both projects
    // reach Synergy
    assertThat(report.aborted()).isFalse();
    assertThat(w.copyOf(first).name()).isEqualTo("Boathouse");
    assertThat(w.copyOf(second).name()).isEqualTo("Jetty");
  }
}
