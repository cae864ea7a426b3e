package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 198): a record met again while the outcome of its create was still unknown was
 * passed over, and the cursor moved past it; when the intent was then dropped (no copy had been made), nothing
 * brought the record back, so it never synced.
 */
class RecordPassedWhileItsCreateWasPendingTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

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
