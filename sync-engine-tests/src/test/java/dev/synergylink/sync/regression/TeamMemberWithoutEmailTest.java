package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 10116): matching a new staff member by email against the unlinked tiny+ team members
 * threw a NullPointerException when one of them had no email, which stopped every cycle.
 */
class TeamMemberWithoutEmailTest {
  private final Fixture fixture = new Fixture(RecordType.TEAM_MEMBER);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void aNewStaffMemberIsSyncedWhenAnUnlinkedTeamMemberHasNoEmail() {
    // Given a team members sync, and a tiny+ team member without an email who is linked to no staff member
    engine.syncOnce();
    tinyPlus.webApp().inviteTeamMember("Jo Bloggs", null);

    // When a staff member is added in Synergy and a cycle runs
    synergy.webApp().addStaff("Pat", "Lee", "pat@firm.example", SecurityLevel.STANDARD);
    clock.advance(Duration.ofMinutes(1));
    SyncReport report = engine.syncOnce();

    // Then the cycle finishes and the staff member has a (ghost) team member
    assertThat(report.aborted()).isFalse();
    assertThat(tinyPlus.webApp().teamMembers()).extracting(TeamMember::name).contains("Pat Lee");
  }
}
