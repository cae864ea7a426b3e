package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.TeamMember;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 2001091 of the 200-step survey with projects): a Synergy manager reads as the staff id
 * while the staff member is linked with a team member, and as a marked text while not (so that a manager linked later
 * is sent). A staff member deleted in Synergy keeps managing their projects there; once a refused write orphaned
 * their team member's link, each of those projects read as a Synergy change of the manager nobody made, and the next
 * cycle that listed one (its last edit still within the lookback: a quiet cycle after convergence) wrote the stand-in
 * assignee, the activating user, over the team member tiny+ held. Now a staff member whose link is orphaned reads as
 * the staff id still: the deletion edits no project, and only an edit of a project's manager is sent.
 */
class OrphanedStaffLinkReadAsAManagerChangeTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void aProjectManagedByADeletedStaffMemberKeepsItsAssigneeOnceTheirLinkIsOrphaned() {
    // Given a synced Synergy project managed by a staff member linked with a team member (a later project synced
    // after it, so that neither side lists it any more), the staff member then deleted in Synergy, and a tiny+
    // project assigned to their team member synced after that (the refusal orphans the team member's link)
    ProjectFixture.LinkedStaff linked = f.linkedStaff("Pat", "Planner");
    Staff pat = linked.staff();
    TeamMember patsMember = linked.member();
    Project project = f.syncedProject(f.newProject("Pool").managerId(pat.id()).build());
    long copy = f.copyOf(project).id();
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(patsMember.id());
    f.syncedProject(f.newProject("Shed").build());
    f.cycle();
    f.cycle();
    f.synergy.webApp().deleteStaff(pat.id());
    f.tinyPlus.webApp().createProject(ProjectCreate.builder().name("Boathouse").clientCompany(f.clientCompany.id())
        .assignedUser(patsMember.id()).build());
    f.cycle();
    assertThat(f.store.linksBySynergyId("acme", RecordType.TEAM_MEMBER, List.of(pat.id())).get(pat.id())
        .orphaned()).isTrue();
    f.resetCounts();

    // When the Synergy project is listed again (an edit of another field), and then idle cycles run
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().scope("Deep end").build());
    f.cycle();
    f.cycle();
    f.cycle();

    // Then only the scope is sent: the copy stays assigned to the team member, and Synergy keeps its manager
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API)
        .singleElement().satisfies(w -> {
          assertThat(w.id()).isEqualTo(copy);
          assertThat(w.members()).containsOnlyKeys("description");
        });
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(patsMember.id());
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(pat.id());
  }
}
