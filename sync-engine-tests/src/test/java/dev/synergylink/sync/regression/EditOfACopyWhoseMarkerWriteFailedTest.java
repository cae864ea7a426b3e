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
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 1000902, 1001083, 1002172, 1002800, 1002806 of the 200-step runs without projects):
 * the link of a new copy was saved only after the writes that follow its create (the markers written back to the
 * original). When such a write failed or its answer was lost, the pair stayed unlinked, and the next cycle linked the
 * copy by its marker as if the two were unrelated records, the original's values winning: an edit made to the copy
 * in between was overwritten, with no conflict kept. The link is now saved before those writes.
 */
class EditOfACopyWhoseMarkerWriteFailedTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void anEditOfTheCopyAfterTheMarkerWriteFailedReachesTheOriginal() {
    // Given a tiny+ company copied to Synergy, where the answer to writing the markers back to tiny+ was lost
    Company acme = fixture.startedWithNewTinyPlusCompany(CompanyCreate.builder().name("Acme Pty Ltd")
        .website("https://acme.example").build());
    tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).times(1).answer(Fault.malformedBody());
    engine.syncOnce();
    Contact copy = synergy.webApp().contacts().get(0);
    assertThat(copy.website()).isEqualTo("https://acme.example");

    // When a person changes the website of the Synergy copy, and the next cycles run
    clock.advance(Duration.ofSeconds(30));
    synergy.webApp().editContact(copy.id(), ContactPatch.builder().website("https://acme.example/new").build());
    fixture.cycles(3, Duration.ofMinutes(10));

    // Then the new website reaches the tiny+ original, and the Synergy copy keeps it
    assertThat(tinyPlus.webApp().company(acme.id()).website()).isEqualTo("https://acme.example/new");
    assertThat(synergy.webApp().contact(copy.id()).website()).isEqualTo("https://acme.example/new");
  }
}
