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
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 184): when the engine linked a record with its own copy found by the marker (the
 * create's link had not been saved), a field the original had emptied since was filled back from the copy, as if the
 * two were unrelated records matched by name: the person's clear was lost.
 */
class ClearedFieldOfAnOriginalLinkedToItsCopyTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void aFieldClearedInTheOriginalIsClearedInItsCopyWhenTheyAreLinkedByMarker() {
    // Given a tiny+ company copied to Synergy whose link was not saved (writing the marker back to tiny+ failed)
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    Company acme = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme Pty Ltd")
        .website("https://acme.example").build());
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).times(1).answer(Fault.serverError(502));
    engine.syncOnce();
    assertThat(synergy.webApp().contacts()).extracting(Contact::website).containsExactly("https://acme.example");

    // When a person clears the website in tiny+ and the next cycle links the company with its copy
    tinyPlus.webApp().editCompany(acme.id(), CompanyPatch.builder().website(null).build());
    clock.advance(Duration.ofMinutes(2));
    engine.syncOnce();

    // Then the copy's website is cleared too, and the two agree
    assertThat(synergy.webApp().contacts()).extracting(Contact::website).containsExactly((String) null);
    assertThat(tinyPlus.webApp().company(acme.id()).website()).isNull();
  }
}
