package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.tinyplus.ContactPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found with the simulation's deleted-company seeds (1000720 and others at 200 steps, projects off): when both records
 * of a linked pair had changed and tiny+ refused or failed its write, the Synergy write of the same pair was never
 * sent: the tiny+ change was held back behind the other side's failure (for ever, while the refusal lasted).
 */
class RefusedWriteHoldsTheOtherSidesChangeBackTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY, RecordType.CONTACT);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void aFailedTinyPlusWriteDoesNotKeepTheTinyPlusChangeFromSynergy() {
    // Given a linked contact whose mobile a person changes in tiny+ and whose title another changes in Synergy
    engine.syncOnce();
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    Personnel ann = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(acme.id())
        .firstName("Ann").lastName("Ng").build());
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();
    long copy = tinyPlus.webApp().contacts().get(0).id();
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.webApp().editContact(copy, ContactPatch.builder().mobile("0400 000 001").build());
    synergy.webApp().editPersonnel(ann.id(), PersonnelPatch.builder().title("Director").build());

    // When a cycle runs whose write to tiny+ fails
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.faults().on(TinyPlusOperation.PATCH_CONTACT).times(1).answer(Fault.serverError());
    engine.syncOnce();

    // Then the tiny+ change reached Synergy all the same, and only the Synergy change waits for its retry
    assertThat(synergy.webApp().personnel(ann.id()).mobile()).isEqualTo("0400 000 001");
    assertThat(engine.health().failures()).singleElement().satisfies(f -> {
      assertThat(f.side()).isEqualTo(Side.SYNERGY);
      assertThat(f.recordId()).isEqualTo(ann.id());
      assertThat(f.kind()).isEqualTo(RecordFailure.Kind.FAILING);
      assertThat(f.attempts()).isEqualTo(1);
      assertThat(f.nextRetry()).isAfter(clock.instant());
    });
    // and its retry sends it, after which the two agree and nothing is left failing
    clock.advance(Duration.ofMinutes(10));
    engine.syncOnce();
    assertThat(tinyPlus.webApp().contact(copy).role()).isEqualTo("Director");
    assertThat(tinyPlus.webApp().contact(copy).mobile()).isEqualTo("0400 000 001");
    assertThat(engine.health().failures()).isEmpty();
  }
}
