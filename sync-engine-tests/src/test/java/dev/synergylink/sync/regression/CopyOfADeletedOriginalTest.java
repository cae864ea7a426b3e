package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 10251): when the answer to a create was lost and the original was deleted before the
 * intent was settled, the intent was dropped and the copy the create had made stayed unlinked, a stray record the
 * engine no longer knew it had made.
 */
class CopyOfADeletedOriginalTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final InMemoryStateStore store = InMemoryStateStore.create();
  private final SyncEngine engine = SyncEngine.builder()
      .synergy(synergy)
      .tinyPlus(tinyPlus)
      .stateStore(store)
      .settings(SyncSettings.builder().connectionId("acme").synergyOrganisation(synergy.organisation())
          .masterSwitch(true).addEnabledTypes(RecordType.TEAM_MEMBER).build())
      .clock(clock)
      .build();

  @AfterEach
  void noRequestBrokeTheContract() {
    ContractViolations.assertNone(synergy, tinyPlus);
  }

  @Test
  void theCopyOfAnOriginalDeletedBeforeItsCreateWasSettledIsLinkedAsOrphaned() {
    // Given the staff brought over to tiny+, then a new staff member whose ghost was created but the answer lost
    engine.syncOnce();
    clock.advance(Duration.ofSeconds(6));
    engine.downloadAll(RecordType.TEAM_MEMBER, ProgressListener.none());
    Staff pat = synergy.webApp().addStaff("Pat", "Lee", "pat@firm.example", SecurityLevel.STANDARD);
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.faults().on(TinyPlusOperation.CREATE_TEAM_MEMBER).times(1).answer(Fault.ambiguousCreate());
    engine.syncOnce();
    TeamMember ghost = tinyPlus.webApp().teamMembers().stream()
        .filter(m -> String.valueOf(pat.id()).equals(m.remoteId())).findFirst().orElseThrow();

    // When the staff member is deleted in Synergy before the next cycle settles the create
    synergy.webApp().deleteStaff(pat.id());
    clock.advance(Duration.ofMinutes(2));
    engine.syncOnce();

    // Then the ghost is linked to the deleted staff member as an orphaned pair, not left a stranger
    assertThat(store.links("acme", RecordType.TEAM_MEMBER)).filteredOn(l -> l.synergyId() == pat.id())
        .extracting(Link::tinyPlusId, Link::orphaned)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ghost.id(), true));
  }
}
