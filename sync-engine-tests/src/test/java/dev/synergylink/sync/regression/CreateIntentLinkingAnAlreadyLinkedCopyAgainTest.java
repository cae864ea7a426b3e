package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 1001023 of the 200-step runs without projects): a create whose answer was lost leaves
 * its intent open. When the look-up that settles the intent failed, but the record was then linked with its copy in
 * the same cycle (found by marker when its tiny+ change was polled), the intent stayed open; a later cycle settled it
 * by linking the copy again, aligned afresh with the original's values winning: an edit made to the copy since was
 * overwritten, with no conflict kept. An intent whose source is linked already is now only completed.
 */
class CreateIntentLinkingAnAlreadyLinkedCopyAgainTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void anEditOfTheCopyAfterItWasLinkedByMarkerIsNotUndoneByTheOpenIntent() {
    // Given a tiny+ company whose copy to Synergy was made but the answer lost, then edited in tiny+, and a cycle in
    // which settling the open create fails (a Synergy list answer cannot be read) while the polled tiny+ change links
    // the company with its copy by marker
    Company acme = fixture.startedWithNewTinyPlusCompany(CompanyCreate.builder().name("Acme Pty Ltd")
        .website("https://acme.example").build());
    synergy.faults().on(SynergyOperation.CREATE_CONTACT).times(1).answer(Fault.ambiguousCreate());
    engine.syncOnce();
    Contact copy = synergy.webApp().contacts().get(0);
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.webApp().editCompany(acme.id(), CompanyPatch.builder().officePhone("02 9000 0001").build());
    clock.advance(Duration.ofMinutes(1));
    synergy.faults().on(SynergyOperation.LIST_CONTACTS).times(1).answer(Fault.malformedBody());
    engine.syncOnce();
    assertThat(tinyPlus.webApp().company(acme.id()).remoteId()).isEqualTo(Long.toString(copy.id()));

    // When a person changes the website of the Synergy copy, and the next cycles run
    clock.advance(Duration.ofMinutes(1));
    synergy.webApp().editContact(copy.id(), ContactPatch.builder().website("https://acme.example/new").build());
    fixture.cycles(3, Duration.ofMinutes(10));

    // Then the new website reaches the tiny+ original, and the Synergy copy keeps it
    assertThat(tinyPlus.webApp().company(acme.id()).website()).isEqualTo("https://acme.example/new");
    assertThat(synergy.webApp().contact(copy.id()).website()).isEqualTo("https://acme.example/new");
    assertThat(synergy.webApp().contacts()).hasSize(1);
  }
}
