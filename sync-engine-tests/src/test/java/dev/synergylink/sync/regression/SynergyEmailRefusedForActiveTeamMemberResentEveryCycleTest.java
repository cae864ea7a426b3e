package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 1000532, 1001014, 1002520 at 200 steps, projects off): when a staff member's email
 * changed and tiny+ kept its active team member's own email (the API cannot change it), the engine remembered
 * tiny+'s email as the agreed value; the staff member, listed again within the lookback, then looked changed, so
 * every quiet cycle sent the email again (a refused PATCH and a read) and reported it again.
 */
class SynergyEmailRefusedForActiveTeamMemberResentEveryCycleTest {
  private final Fixture fixture = new Fixture(RecordType.TEAM_MEMBER);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void anEmailTinyPlusKeepsIsReportedOnceAndNotSentAgain() {
    // Given a staff member linked with an active tiny+ user, whose email then changes in Synergy
    engine.syncOnce();
    Staff staff = synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    TeamMember user = tinyPlus.webApp().inviteTeamMember("Ada Lovelace", "ada@firm.example");
    clock.advance(Duration.ofMinutes(1));
    engine.teamMembers().link(staff.id(), user.id());
    clock.advance(Duration.ofMinutes(1));
    synergy.webApp().editStaff(staff.id(), Map.of("email", "ada.lovelace@firm.example"));
    clock.advance(Duration.ofMinutes(1));
    SyncReport sent = engine.syncOnce();
    assertThat(sent.problems(RecordOutcome.FIELD_NOT_SYNCED)).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("email"));
    assertThat(tinyPlus.webApp().teamMember(user.id()).email()).isEqualTo("ada@firm.example");
    int writes = tinyPlus.writes().size();
    tinyPlus.calls().reset();

    // When quiet cycles follow, each listing the staff member again within its lookback
    clock.advance(Duration.ofSeconds(5));
    SyncReport second = engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    SyncReport third = engine.syncOnce();

    // Then nothing is sent or reported again: tiny+ is neither written nor read by id
    assertThat(second.problems()).isEmpty();
    assertThat(third.problems()).isEmpty();
    assertThat(tinyPlus.writes().subList(writes, tinyPlus.writes().size())).extracting(FakeWrite::resource)
        .isEmpty();
    assertThat(tinyPlus.calls().asMap()).allSatisfy((operation, count) ->
        assertThat(operation.pathTemplate()).doesNotEndWith("{id}"));
  }
}
