package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 2000041, 2000503, 2000945 of the 200-step survey with projects): a Synergy project
 * whose manager is linked with no team member goes to tiny+ assigned to the activating user (the guide's rule), and
 * that assignee reads back as another manager than Synergy's. The snapshot took the value tiny+ held after the write
 * as the one both sides agreed on, so Synergy's manager read as changed against it whenever the Synergy project was
 * seen, and the same {@code assigned_user} was written to tiny+ again (right after the create, then in every cycle
 * that listed the project). Now a value the target holds after a write other than the one sent (a stand-in) keeps
 * the field apart: quiet until either side changes it. A manager linked with no team member reads as such (a marked
 * text), so once the staff member is linked (say a ghost team member is made for them) the Synergy manager reads as
 * changed and the project is assigned to their team member the next time it is seen, instead of staying with the
 * stand-in for good.
 */
class UnlinkedManagerStandInWrittenEveryCycleTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void aProjectWhoseManagerIsLinkedWithNoTeamMemberIsNotAssignedAgainInLaterCycles() {
    // Given a Synergy project managed by a staff member linked with no team member, synced to tiny+
    Staff stranger = f.synergy.webApp().addStaff("Sam", "Stranger", "sam@synergy.example", SecurityLevel.STANDARD);
    Project project = f.synergy.webApp().createProject(f.newProject("Pool").managerId(stranger.id()).build());
    f.cycle();
    long copy = f.copyOf(project).id();
    f.resetCounts();

    // When the Synergy project is listed again (an edit of another field) and then a quiet cycle runs
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().scope("Deep end").build());
    f.cycle();
    f.cycle();

    // Then only the scope is sent: the copy stays assigned to the activating user, and Synergy keeps its manager
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API)
        .singleElement().satisfies(w -> {
          assertThat(w.id()).isEqualTo(copy);
          assertThat(w.members()).containsOnlyKeys("description");
        });
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(TinyPlusFake.ADMIN_ID);
    assertThat(f.synergy.webApp().project(project.id()).managerId()).isEqualTo(stranger.id());
  }

  @Test
  void theManagerReachesTinyPlusOnceTheStaffMemberIsLinked() {
    // Given a Synergy project whose manager was linked with no team member when it was synced (the copy went to the
    // activating user)
    Staff sam = f.synergy.webApp().addStaff("Sam", "Stranger", "sam@synergy.example", SecurityLevel.STANDARD);
    Project project = f.syncedProject(f.newProject("Pool").managerId(sam.id()).build());
    long copy = f.copyOf(project).id();
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(TinyPlusFake.ADMIN_ID);

    // When the staff member is linked (a ghost team member is made for them) and the Synergy project is seen again
    f.engine.teamMembers().createGhosts();
    long samsMember = f.store.linksBySynergyId("acme", RecordType.TEAM_MEMBER, List.of(sam.id())).get(sam.id())
        .tinyPlusId();
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().scope("Deep end").build());
    f.cycle();

    // Then the copy is assigned to that team member
    assertThat(f.tinyPlus.webApp().project(copy).assignedUser()).isEqualTo(samsMember);
    assertThat(f.tinyPlus.webApp().project(copy).description()).isEqualTo("Deep end");
  }
}
