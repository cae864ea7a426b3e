package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 3): records sharing one tiny+ second are listed by offset, and each one the engine
 * copied to Synergy moved out of that second (its markers were written), shifting the next one back past the offset.
 * That record was skipped and the cursor moved past it, so it never synced.
 */
class RecordShiftedWhileListedByOffsetTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final SyncEngine engine = SyncEngine.builder()
      .synergy(synergy)
      .tinyPlus(tinyPlus)
      .stateStore(InMemoryStateStore.create())
      .settings(SyncSettings.builder().connectionId("acme").synergyOrganisation(synergy.organisation())
          .masterSwitch(true).addEnabledTypes(RecordType.COMPANY).pageSize(1).build())
      .clock(clock)
      .build();

  @AfterEach
  void noRequestBrokeTheContract() {
    ContractViolations.assertNone(synergy, tinyPlus);
  }

  @Test
  void aRecordShiftedBackWhileItsSecondIsListedByOffsetIsNotSkipped() {
    // Given a companies sync listing one record per page, and three companies added in tiny+ in the same second
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    for (String name : new String[] {"Acme Pty Ltd", "Bolt Builders", "Cobalt Studio"}) {
      tinyPlus.webApp().createCompany(CompanyCreate.builder().name(name).build());
    }
    clock.advance(Duration.ofMinutes(1));

    // When a cycle copies them to Synergy (each copy moves its tiny+ company out of that second) and another runs
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();

    // Then every one of them reached Synergy
    assertThat(synergy.webApp().contacts()).extracting(Contact::name)
        .containsExactlyInAnyOrder("Acme Pty Ltd", "Bolt Builders", "Cobalt Studio");
  }
}
