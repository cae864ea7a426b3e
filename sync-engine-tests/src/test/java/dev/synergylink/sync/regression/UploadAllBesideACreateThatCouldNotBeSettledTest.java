package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 4035236 of the 200-step runs without projects): a cycle created the Synergy copy of a
 * new tiny+ company, but Synergy's answer could not be read, so the create stayed open. An Upload all right after
 * could not settle it (its look-up of the marker failed), then came to the company itself, looked the marker up again
 * in a list that did not show the new copy yet (Synergy's lists lag its writes by up to 5 s), and created a second
 * copy. A record whose create could not be settled is now linked only to a copy its marker finds; it is never created
 * again while that create is open.
 */
class UploadAllBesideACreateThatCouldNotBeSettledTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final SynergyFake synergy = fixture.synergy;

  @Test
  void theCompanyHasOneCopyInSynergy() {
    // Given a new tiny+ company whose copy a cycle made in Synergy, with an answer that could not be read
    Company acme = fixture.startedWithNewTinyPlusCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
    synergy.faults().on(SynergyOperation.CREATE_CONTACT).times(1).answer(Fault.malformedBody());
    fixture.engine.syncOnce();

    // When an Upload all runs at once, its first Synergy list failing, and then later cycles
    synergy.faults().on(SynergyOperation.LIST_CONTACTS).times(1).answer(Fault.timeout());
    fixture.engine.uploadAll(RecordType.COMPANY, (type, done, total) -> { });
    fixture.cycles(3, Duration.ofMinutes(10));

    // Then Synergy has one copy of the company, linked to it
    assertThat(synergy.webApp().contacts()).singleElement()
        .satisfies(copy -> assertThat(copy.externalReference()).isEqualTo("tinyplus:" + acme.id()));
    assertThat(fixture.tinyPlus.webApp().company(acme.id()).remoteId())
        .isEqualTo(Long.toString(synergy.webApp().contacts().get(0).id()));
    assertThat(fixture.engine.health().failures()).isEmpty();
  }
}
