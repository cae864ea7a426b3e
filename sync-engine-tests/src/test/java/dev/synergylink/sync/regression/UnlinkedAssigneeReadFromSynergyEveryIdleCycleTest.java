package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.TeamMember;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (most of its echo seeds): a linked project whose tiny+ assignee is a team member linked
 * with no staff member keeps its Synergy manager (the guide's rule), so the two sides differ for good. The snapshot
 * kept the old manager, so while the project was the newest in tiny+ (listed again by the lookback) every cycle saw
 * a tiny+ change: it read the Synergy project by id before a write it then did not make (with
 * {@code readBeforeSynergyWrite}), and reported the same reason again. Now the field is kept apart in the snapshot:
 * quiet until either side changes it.
 */
class UnlinkedAssigneeReadFromSynergyEveryIdleCycleTest {
  private final ProjectFixture f = new ProjectFixture(b -> b.readBeforeSynergyWrite(true)).ready();
  private Project project;
  private long copy;
  private TeamMember guest;
  private SyncReport reported;

  /** A project managed by the admin in Synergy, reassigned in tiny+ to a team member linked with no staff member. */
  private void assignedToAnUnlinkedTeamMember() {
    project = f.syncedProject(f.newProject("Pool").managerId(SynergyFake.ADMIN_STAFF_ID).build());
    copy = f.copyOf(project).id();
    guest = f.tinyPlus.webApp().inviteTeamMember("Gus Guest", "gus@tinyplus.example");
    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder().assignedUser(guest.id())
        .build());
    reported = f.cycle();
    f.resetCounts();
  }

  @Test
  void idleCyclesOnlyListAndReportTheReasonOnce() {
    // Given a project whose tiny+ assignee could not be sent to Synergy
    assignedToAnUnlinkedTeamMember();

    // When nobody edits anything for a few cycles
    List<SyncReport> idle = List.of(f.cycle(), f.cycle(), f.cycle());

    // Then each cycle lists each type once per side and nothing else, and the reason was reported once, when it
    // happened; each side keeps its value
    assertThat(reported.problems(RecordOutcome.FIELD_NOT_SYNCED)).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("manager"));
    assertThat(f.synergy.calls().count(SynergyOperation.GET_PROJECT)).as(f.synergy.calls().toString()).isZero();
    assertThat(f.synergy.calls().total()).as(f.synergy.calls().toString()).isEqualTo(2 * 3);
    assertThat(f.tinyPlus.calls().total()).as(f.tinyPlus.calls().toString()).isEqualTo(2 * 3);
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    idle.forEach(report -> assertThat(report.problems(RecordOutcome.FIELD_NOT_SYNCED)).isEmpty());
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(guest.id());
  }

  @Test
  void aLaterSynergyManagerChangeStillReachesTinyPlus() {
    // Given a project whose tiny+ assignee could not be sent to Synergy, and a quiet cycle since
    assignedToAnUnlinkedTeamMember();
    f.cycle();
    Staff stranger = f.synergy.webApp().addStaff("Sam", "Stranger", "sam@synergy.example", SecurityLevel.STANDARD);

    // When the Synergy manager changes to a staff member linked with no team member
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().managerId(stranger.id()).build());
    f.cycle();

    // Then tiny+ takes it: the activating user, as for any unlinked manager
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(TinyPlusFake.ADMIN_ID);
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(stranger.id());
  }

  @Test
  void aLaterTinyPlusReassignmentToALinkedTeamMemberStillReachesSynergy() {
    // Given a project whose tiny+ assignee could not be sent to Synergy, a quiet cycle since, and a staff member
    // linked with a team member
    assignedToAnUnlinkedTeamMember();
    f.cycle();
    Staff lee = f.synergy.webApp().addStaff("Lee", "Linked", "lee@synergy.example", SecurityLevel.STANDARD);
    TeamMember leeMember = f.tinyPlus.webApp().inviteTeamMember("Lee Linked", "lee@tinyplus.example");
    f.engine.teamMembers().link(lee.id(), leeMember.id());

    // When the tiny+ project is reassigned to that team member
    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder()
        .assignedUser(leeMember.id()).build());
    f.cycle();

    // Then Synergy takes it
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(lee.id());
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(leeMember.id());
  }
}
