package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 1: the engine sent a changed email to an active tiny+ team member, which the contract refuses
 * with 400 ("email cannot change while record_status is active"), and then resent the write without it. It now
 * leaves the email out for an active member, writes the rest, and reports the email as not synced, with no
 * request refused.
 */
class ActiveTeamMemberEmailNeverSentTest {
  private final Fixture f = new Fixture(RecordType.TEAM_MEMBER);

  @Test
  void anActiveMembersEmailIsLeftOutOfTheWriteAndReportedAsNotSynced() {
    // Given a staff member linked with an active tiny+ user
    f.engine.syncOnce();
    Staff staff = f.synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    TeamMember user = f.tinyPlus.webApp().inviteTeamMember("Ada Lovelace", "ada@firm.example");
    f.clock.advance(Duration.ofMinutes(1));
    f.engine.teamMembers().link(staff.id(), user.id());
    f.clock.advance(Duration.ofMinutes(1));
    f.tinyPlus.clearWrites();

    // When the staff member's email and mobile change in Synergy and a cycle runs
    f.synergy.webApp().editStaff(staff.id(), Map.of("email", "ada.lovelace@firm.example", "mobile", "0400 000 001"));
    f.clock.advance(Duration.ofMinutes(1));
    SyncReport report = f.engine.syncOnce();

    // Then tiny+ refused nothing: the one write carries the mobile and not the email, which is reported
    ContractViolations.assertNone(f.synergy, f.tinyPlus);
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.id() == user.id()).singleElement().satisfies(w -> {
      assertThat(w.source()).isEqualTo(FakeWrite.Source.API);
      assertThat(w.members()).containsEntry("mobile", "0400 000 001").doesNotContainKey("email");
    });
    assertThat(f.tinyPlus.webApp().teamMember(user.id()).email()).isEqualTo("ada@firm.example");
    assertThat(report.problems(RecordOutcome.FIELD_NOT_SYNCED)).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("email");
      assertThat(p.message()).contains("active team member's email");
    });
  }
}
