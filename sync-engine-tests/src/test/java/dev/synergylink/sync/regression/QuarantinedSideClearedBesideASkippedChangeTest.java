package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.tinyplus.ContactPatch;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 1000872, 1001062, 1001101 and eight more at 200 steps): a change of one side of a
 * linked pair waited in quarantine after a call failed; when it was retried, the other side held a change that could
 * not be sent (a contact without a synced company), and the pair's skip kept the first side FAILING for ever although
 * its change had been written.
 */
class QuarantinedSideClearedBesideASkippedChangeTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final InMemoryStateStore store = InMemoryStateStore.create();
  private final SyncEngine engine = SyncEngine.builder()
      .synergy(synergy)
      .tinyPlus(tinyPlus)
      .stateStore(store)
      .settings(SyncSettings.builder().connectionId("acme").synergyOrganisation(synergy.organisation())
          .masterSwitch(true).addEnabledTypes(RecordType.COMPANY, RecordType.CONTACT).build())
      .clock(clock)
      .build();

  @AfterEach
  void noRequestBrokeTheContract() {
    ContractViolations.assertNone(synergy, tinyPlus);
  }

  @Test
  void aWrittenChangeLeavesQuarantineWhenTheOtherSidesChangeIsSkipped() {
    // Given a linked contact whose Synergy mobile change waits in quarantine (tiny+ failed the write)
    engine.syncOnce();
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    Personnel ann = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(acme.id())
        .firstName("Ann").lastName("Ng").build());
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();
    long annCopy = tinyPlus.webApp().contacts().get(0).id();
    clock.advance(Duration.ofMinutes(1));
    synergy.webApp().editPersonnel(ann.id(), PersonnelPatch.builder().mobile("0400 000 001").build());
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.faults().on(TinyPlusOperation.PATCH_CONTACT).times(1).answer(Fault.serverError());
    engine.syncOnce();
    assertThat(store.failures("acme")).extracting(RecordFailure::side, RecordFailure::kind)
        .containsExactly(Tuple.tuple(Side.SYNERGY, RecordFailure.Kind.FAILING));

    // When a person removes the tiny+ contact's company (a change that cannot be sent) and the quarantined change is
    // retried
    tinyPlus.webApp().editContact(annCopy, ContactPatch.builder().primaryCompany(null).build());
    clock.advance(Duration.ofMinutes(5));
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(5));
    engine.syncOnce();

    // Then the Synergy change reached tiny+ and left quarantine; only the tiny+ change stays out (excluded)
    assertThat(tinyPlus.webApp().contact(annCopy).mobile()).isEqualTo("0400 000 001");
    assertThat(store.failures("acme")).extracting(RecordFailure::side, RecordFailure::kind)
        .containsExactly(Tuple.tuple(Side.TINYPLUS, RecordFailure.Kind.EXCLUDED));
  }
}
