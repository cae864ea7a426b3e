package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (an echo of a team member in the third quiet cycle): tiny+ does not let the API change an
 * active team member's email, so a staff member's email never reaches its linked active user. The snapshot took
 * tiny+'s email as the agreed one, so while the staff member was the newest in Synergy (listed again by the lookback)
 * every cycle saw Synergy's email as a change: it sent it again (read and PATCH) and reported it again. Now the field
 * is kept apart in the snapshot: reported once, sent again only when either side changes it.
 */
class ActiveTeamMemberEmailSentEveryCycleTest {
  private final Fixture f = new Fixture(RecordType.TEAM_MEMBER);

  private SyncReport cycle() {
    f.clock.advance(Duration.ofMinutes(1));
    return f.engine.syncOnce();
  }

  @Test
  void theEmailTinyPlusKeepsIsNotSentAgainEveryCycle() {
    // Given a staff member linked with an active tiny+ user who signs in with another email
    f.engine.syncOnce();
    TeamMember user = f.tinyPlus.webApp().inviteTeamMember("Ada L", "ada@home.example");
    Staff staff = f.synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    SyncReport linking = f.engine.teamMembers().link(staff.id(), user.id());
    f.tinyPlus.calls().reset();

    // When a few cycles run with nobody editing anything
    List<SyncReport> idle = new ArrayList<>(List.of(cycle(), cycle(), cycle()));

    // Then the email was reported once, when linked, and is neither sent nor reported again; tiny+ keeps its own
    assertThat(linking.problems(RecordOutcome.FIELD_NOT_SYNCED)).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("email"));
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.PATCH_TEAM_MEMBER)).as(f.tinyPlus.calls().toString())
        .isZero();
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.GET_TEAM_MEMBER)).as(f.tinyPlus.calls().toString())
        .isZero();
    idle.forEach(report -> assertThat(report.problems(RecordOutcome.FIELD_NOT_SYNCED)).isEmpty());
    assertThat(f.tinyPlus.webApp().teamMember(user.id()).email()).isEqualTo("ada@home.example");
  }
}
