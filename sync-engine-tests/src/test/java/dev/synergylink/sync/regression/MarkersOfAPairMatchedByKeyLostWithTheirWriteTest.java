package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 4000049 of the 200-step runs without projects): a cycle linked a new Synergy company
 * with a tiny+ company of the same name, filled Synergy with the tiny+ values, and then tiny+ failed the write
 * that carried the markers (and the External URL). The link kept the tiny+ version read in that cycle as one it had
 * seen, and the merge base said both sides agreed, so the retry found nothing to send and never read the tiny+ record
 * again: it stayed without its markers for good (a later Upload all or a crash would match it to nothing). A version
 * whose write of the markers failed is no longer taken as seen: the retry reads the record and sends them.
 */
class MarkersOfAPairMatchedByKeyLostWithTheirWriteTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;

  @Test
  void theMarkersReachTheTinyPlusRecordOnceTinyPlusTakesWritesAgain() {
    // Given a tiny+ company with an email made before the sync started, a new Synergy company of the same name, and
    // a cycle that links them by name, fills the Synergy email, and whose write of the markers to tiny+ fails
    Company copy = tinyPlus.webApp().createCompany(
        CompanyCreate.builder().name("Acme Pty Ltd").email("hello@acme.example").build());
    fixture.clock.advance(Duration.ofMinutes(1));
    fixture.engine.syncOnce();
    fixture.clock.advance(Duration.ofMinutes(1));
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    fixture.clock.advance(Duration.ofMinutes(1));
    tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).times(1).answer(Fault.unavailable());
    fixture.engine.syncOnce();
    assertThat(synergy.webApp().contact(acme.id()).email()).isEqualTo("hello@acme.example");
    assertThat(tinyPlus.webApp().company(copy.id()).remoteId()).isNull();

    // When the next cycles run, once the retry is due, with neither company edited
    fixture.cycles(3, Duration.ofMinutes(20));

    // Then the tiny+ company carries the markers and the Synergy link, and nothing is left failing
    Company marked = tinyPlus.webApp().company(copy.id());
    assertThat(marked.remoteId()).isEqualTo(Long.toString(acme.id()));
    assertThat(marked.externalUrl()).endsWith("/Contacts/" + acme.id());
    assertThat(fixture.engine.health().failures()).isEmpty();
  }
}
