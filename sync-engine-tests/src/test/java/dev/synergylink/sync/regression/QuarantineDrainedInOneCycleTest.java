package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 240): a cycle retried one page of due quarantined records only, so with a small page
 * size (or many failures) a record waited cycle after cycle behind the others, and a quiet connection took more than
 * two cycles to converge.
 */
class QuarantineDrainedInOneCycleTest {
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
  void oneCycleRetriesEveryDueRecordNotOnePage() {
    // Given a companies sync listing one record per page, three tiny+ companies whose copies to Synergy failed (503),
    // and a fourth added later that synced (so the cursor has moved past the three)
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    for (String name : new String[] {"Acme Pty Ltd", "Bolt Builders", "Cobalt Studio"}) {
      tinyPlus.webApp().createCompany(CompanyCreate.builder().name(name).build());
    }
    clock.advance(Duration.ofSeconds(30));
    tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Dune Architects").build());
    clock.advance(Duration.ofMinutes(1));
    synergy.faults().on(SynergyOperation.CREATE_CONTACT).times(3).answer(Fault.unavailable());
    engine.syncOnce();
    assertThat(synergy.webApp().contacts()).extracting(Contact::name).containsExactly("Dune Architects");

    // When their retry time has come and one cycle runs
    clock.advance(Duration.ofMinutes(5));
    engine.syncOnce();

    // Then all three reached Synergy in that cycle
    assertThat(synergy.webApp().contacts()).extracting(Contact::name).containsExactlyInAnyOrder("Dune Architects",
        "Acme Pty Ltd", "Bolt Builders", "Cobalt Studio");
  }
}
