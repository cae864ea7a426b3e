package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 185): "Download all" lists Synergy only and took every linked tiny+ record to be as
 * last synced, so a tiny+ edit of a field also changed in Synergy was overwritten with no conflict kept.
 */
class DownloadAllOverTinyPlusEditTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final SyncEngine engine = SyncEngine.builder()
      .synergy(synergy)
      .tinyPlus(tinyPlus)
      .stateStore(InMemoryStateStore.create())
      .settings(SyncSettings.builder().connectionId("acme").synergyOrganisation(synergy.organisation())
          .masterSwitch(true).addEnabledTypes(RecordType.COMPANY).build())
      .clock(clock)
      .build();

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
