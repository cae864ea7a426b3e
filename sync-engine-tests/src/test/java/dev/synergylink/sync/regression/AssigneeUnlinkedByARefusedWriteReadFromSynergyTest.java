package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.TeamMember;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 2000689 of the 200-step survey with projects): a tiny+ project reassigned to the team
 * member of a staff member deleted in Synergy, with another change beside it. Synergy refused the manager, the
 * refusal orphaned the team member's link and the write was sent again without it; the manager was kept apart, but
 * with the tiny+ value read before the refusal (the deleted staff member) as tiny+'s own base. The assignee now reads
 * as a team member linked with no staff member, so the next cycle that listed the project saw a tiny+ change nobody
 * made and (with {@code readBeforeSynergyWrite}) read the Synergy project by id, with nothing to retry. Now a write
 * built again keeps the values it was built from as the ones merged.
 */
class AssigneeUnlinkedByARefusedWriteReadFromSynergyTest {
  private final ProjectFixture f = new ProjectFixture(b -> b.readBeforeSynergyWrite(true)).ready();

  @Test
  void idleCyclesAfterTheRefusalDoNotReadTheSynergyProject() {
    // Given a synced project managed by the admin, and a team member linked with a staff member who is then deleted
    Project project = f.syncedProject(f.newProject("Pool").managerId(SynergyFake.ADMIN_STAFF_ID).build());
    long copy = f.copyOf(project).id();
    ProjectFixture.LinkedStaff linked = f.linkedStaff("Pat", "Planner");
    Staff pat = linked.staff();
    TeamMember patsMember = linked.member();
    f.synergy.webApp().deleteStaff(pat.id());

    // When the tiny+ project is renamed and reassigned to that team member, synced, and then nobody edits anything
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().name("Lap Pool").assignedUser(patsMember.id())
        .build());
    f.cycle();
    f.resetCounts();
    f.cycle();
    f.cycle();
    f.cycle();

    // Then the name reached Synergy with the manager left as it is, and the idle cycles read no project by id and
    // write nothing
    assertThat(f.synergy.webApp().project(project.id()).name()).isEqualTo("Lap Pool");
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(f.synergy.calls().count(SynergyOperation.GET_PROJECT)).as(f.synergy.calls().toString()).isZero();
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
  }
}
