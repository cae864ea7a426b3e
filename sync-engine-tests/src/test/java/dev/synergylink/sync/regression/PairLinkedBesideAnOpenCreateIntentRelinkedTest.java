package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.ContactPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 1002052 at 200 steps, projects off): a tiny+ contact was copied to Synergy, and the
 * write of the engine's marker back to tiny+ failed, twice; the pair was linked all the same by the Synergy poll (the
 * copy names its original), but the create's intent stayed open, so a later run linked the pair anew, from an empty
 * merge base: a tiny+ edit made meanwhile was overwritten by the copy's value, with no conflict kept.
 */
class PairLinkedBesideAnOpenCreateIntentRelinkedTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY, RecordType.CONTACT);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void aPairLinkedWhileItsCreateIntentWasOpenIsNotLinkedAgain() {
    // Given a tiny+ contact copied to Synergy whose two marker writes back to tiny+ failed, then linked by the Synergy
    // poll, and marked once the pair was retried
    engine.syncOnce();
    synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();
    Company acme = tinyPlus.webApp().companies().get(0);
    clock.advance(Duration.ofMinutes(1));
    long ann = tinyPlus.webApp().createContact(dev.synergylink.tinyplus.ContactCreate.builder().firstName("Ann")
        .lastName("Ng").mobile("0400 000 001").primaryCompany(acme.id()).build()).id();
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.faults().on(TinyPlusOperation.PATCH_CONTACT).times(2).answer(Fault.serverError());
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(5));
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(30)); // past the failed pair's retry time: the marker write is sent again
    engine.syncOnce();
    Personnel copy = synergy.webApp().personnel().get(0);
    assertThat(tinyPlus.webApp().contact(ann).remoteId()).isEqualTo(Long.toString(copy.id()));

    // When a person clears the mobile in tiny+ and, later, another changes it in Synergy, and cycles run
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.webApp().editContact(ann, ContactPatch.builder().mobile(null).build());
    clock.advance(Duration.ofSeconds(20));
    synergy.webApp().editPersonnel(copy.id(), PersonnelPatch.builder().title("Director").build());
    clock.advance(Duration.ofMinutes(1));
    List<ResolvedConflict> conflicts = new ArrayList<>();
    SyncReport first = engine.syncOnce();
    conflicts.addAll(first.conflicts());
    clock.advance(Duration.ofMinutes(5));
    conflicts.addAll(engine.syncOnce().conflicts());

    // Then both edits reached the other side (no conflict: they changed different fields)
    assertThat(synergy.webApp().personnel(copy.id()).mobile()).isNull();
    assertThat(tinyPlus.webApp().contact(ann).role()).isEqualTo("Director");
    assertThat(conflicts).isEmpty();
    assertThat(synergy.webApp().personnel()).hasSize(1);
  }
}
