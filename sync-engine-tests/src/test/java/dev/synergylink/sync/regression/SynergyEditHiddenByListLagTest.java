package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
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
 * Found by the simulation (seed 1): Synergy's lists lag its writes by up to 5 s, so a cycle that wrote a tiny+ edit
 * to Synergy could overwrite a Synergy edit of the same field made just before the cycle, with no conflict kept. The
 * setting {@code readBeforeSynergyWrite} (off by default, to keep a changed record at one write and no read) closes
 * that window.
 */
class SynergyEditHiddenByListLagTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY).withSettings(s -> s.readBeforeSynergyWrite(true));
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void aSynergyEditStillHiddenByTheListLagIsMergedNotOverwritten() {
    // Given a company synced from Synergy to tiny+, by an engine that reads a Synergy record before writing over it
    engine.syncOnce();
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd")
        .email("info@acme.example").build());
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();
    Company copy = tinyPlus.webApp().companies().get(0);
    clock.advance(Duration.ofMinutes(1));

    // When a person changes its email in Synergy, another person changes it in tiny+ two seconds later, and a cycle
    // runs while Synergy's list does not show the first edit yet
    synergy.webApp().editContact(acme.id(), ContactPatch.builder().email("accounts@acme.example").build());
    clock.advance(Duration.ofSeconds(2));
    tinyPlus.webApp().editCompany(copy.id(), CompanyPatch.builder().email("sales@acme.example").build());
    SyncReport report = engine.syncOnce();

    // Then the two edits meet as a conflict: the later one wins on both sides and the earlier one is kept in the
    // report, instead of Synergy's edit being overwritten without a trace
    assertThat(report.conflicts()).extracting(ResolvedConflict::winner, ResolvedConflict::losingValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.TINYPLUS, "accounts@acme.example"));
    assertThat(synergy.webApp().contact(acme.id()).email()).isEqualTo("sales@acme.example");
    assertThat(tinyPlus.webApp().company(copy.id()).email()).isEqualTo("sales@acme.example");
  }
}
