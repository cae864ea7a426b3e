package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.TeamMemberSuggestion;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found by the demo: a staff member linked (by the name suggestion) with an ACTIVE tiny+ team member whose email
 * differs kept the two emails different, since tiny+ refuses to change an active member's email, while the engine
 * reported nothing: the pair looked in sync. The field must be reported as not synced, with the fix, and making
 * ghosts afterwards must not make a second team member for the linked staff member.
 */
class ActiveTeamMemberLinkedByNameWithAnotherEmailTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final SyncEngine engine = SyncEngine.builder()
      .synergy(synergy)
      .tinyPlus(tinyPlus)
      .stateStore(InMemoryStateStore.create())
      .settings(SyncSettings.builder()
          .connectionId("acme")
          .synergyOrganisation(synergy.organisation())
          .masterSwitch(true)
          .addEnabledTypes(RecordType.TEAM_MEMBER)
          .build())
      .clock(clock)
      .build();

  @AfterEach
  void noRequestBrokeTheContract() {
    ContractViolations.assertNone(synergy, tinyPlus);
  }

  @Test
  void linkingAnActiveTeamMemberWhoseEmailTinyPlusKeepsReportsTheEmailAsNotSyncedAndMakesNoGhostForIt() {
    // Given a staff member and an active tiny+ user of the same name who signs in with another email
    Staff staff = synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    TeamMember user = tinyPlus.webApp().inviteTeamMember("Ada Lovelace", "ada@home.example");
    clock.advance(Duration.ofMinutes(1));
    TeamMemberSuggestion suggestion = engine.teamMembers().suggestions().stream()
        .filter(s -> s.staffId() == staff.id()).findFirst().orElseThrow();
    assertThat(suggestion.match()).isEqualTo(TeamMemberSuggestion.Match.NAME);
    int membersBefore = tinyPlus.webApp().teamMembers().size();

    // When the suggestion is taken and ghosts are made for the rest
    SyncReport linked = engine.teamMembers().link(staff.id(), user.id());
    engine.teamMembers().createGhosts();

    // Then tiny+ kept the sign-in email, and the report says so with the fix, instead of claiming agreement
    assertThat(tinyPlus.webApp().teamMember(user.id()).email()).isEqualTo("ada@home.example");
    List<RecordEvent> notSynced = linked.problems(RecordOutcome.FIELD_NOT_SYNCED);
    assertThat(notSynced).singleElement().satisfies(e -> {
      assertThat(e.recordType()).isEqualTo(RecordType.TEAM_MEMBER);
      assertThat(e.synergyId()).isEqualTo(staff.id());
      assertThat(e.tinyPlusId()).isEqualTo(user.id());
      assertThat(e.field()).isEqualTo("email");
      assertThat(e.message()).isEqualTo("tiny+ does not let the API change an active team member's email; change it"
          + " in tiny+ or in Synergy");
    });
    // and the linked staff member got no second team member
    assertThat(tinyPlus.webApp().teamMembers().stream().filter(m -> "Ada Lovelace".equals(m.name())))
        .extracting(TeamMember::id).containsExactly(user.id());
    assertThat(tinyPlus.webApp().teamMembers()).hasSize(membersBefore
        + (int) synergy.webApp().staff().stream().filter(s -> s.isActive() && s.id() != staff.id()).count());
  }
}
