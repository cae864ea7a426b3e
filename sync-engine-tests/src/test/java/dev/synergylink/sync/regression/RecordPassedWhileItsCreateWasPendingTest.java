package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 198): a record met again while the outcome of its create was still unknown was
 * passed over, and the cursor moved past it; when the intent was then dropped (no copy had been made), nothing
 * brought the record back, so it never synced.
 */
class RecordPassedWhileItsCreateWasPendingTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final SyncEngine engine = SyncEngine.builder()
      .synergy(synergy)
      .tinyPlus(tinyPlus)
      .stateStore(InMemoryStateStore.create())
      .settings(SyncSettings.builder().connectionId("acme").synergyOrganisation(synergy.organisation())
          .masterSwitch(true).addEnabledTypes(RecordType.COMPANY).build())
      .clock(clock)
      .build();

  @Test
  void aRecordWhoseCreateWasPendingIsCreatedOnceTheIntentIsSettled() {
    // Given a Synergy company whose copy to tiny+ was refused with 429, which stopped the run with the create's
    // outcome unknown, and a second company added 30 s later
    engine.syncOnce();
    synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    clock.advance(Duration.ofSeconds(30));
    synergy.webApp().createContact(ContactCreate.builder().name("Bolt Builders").build());
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.faults().on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.rateLimited());
    assertThat(engine.syncOnce().aborted()).isTrue();

    // When the next cycle runs a second later (the intent is too young to drop; the second company moves the cursor
    // past the first) and further cycles follow
    clock.advance(Duration.ofSeconds(1));
    engine.syncOnce();
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(2));
      engine.syncOnce();
    }

    // Then both companies reached tiny+, once each
    assertThat(tinyPlus.webApp().companies()).extracting(Company::name)
        .containsExactlyInAnyOrder("Acme Pty Ltd", "Bolt Builders");
  }
}
