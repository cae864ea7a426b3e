package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 185): "Download all" lists Synergy only and took every linked tiny+ record to be as
 * last synced, so a tiny+ edit of a field also changed in Synergy was overwritten with no conflict kept.
 */
class DownloadAllOverTinyPlusEditTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void downloadAllMergesATinyPlusEditInsteadOfOverwritingIt() {
    // Given a company synced from Synergy to tiny+
    engine.syncOnce();
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd")
        .email("info@acme.example").build());
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();
    Company copy = tinyPlus.webApp().companies().get(0);
    clock.advance(Duration.ofMinutes(1));

    // When a person changes its email in tiny+, another changes it in Synergy two seconds later, and the host
    // presses "Download all from Synergy"
    tinyPlus.webApp().editCompany(copy.id(), CompanyPatch.builder().email("sales@acme.example").build());
    clock.advance(Duration.ofSeconds(2));
    synergy.webApp().editContact(acme.id(), ContactPatch.builder().email("accounts@acme.example").build());
    clock.advance(Duration.ofMinutes(1));
    SyncReport report = engine.downloadAll(RecordType.COMPANY, ProgressListener.none());

    // Then the two edits meet as a conflict: the later (Synergy's) wins and tiny+'s is kept in the report
    assertThat(report.conflicts()).extracting(ResolvedConflict::winner, ResolvedConflict::losingValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.SYNERGY, "sales@acme.example"));
    assertThat(tinyPlus.webApp().company(copy.id()).email()).isEqualTo("accounts@acme.example");
  }
}
