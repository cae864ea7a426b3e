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
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 68) in the first fix of {@link ClearedFieldOfAnOriginalLinkedToItsCopyTest}: a copy
 * a person had already edited before the engine linked it by marker lost that edit, since every field of the
 * original won. Only an untouched copy is taken to hold the original's values.
 */
class EditedCopyLinkedToItsOriginalTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void anEditToTheCopyBeforeItIsLinkedByMarkerReachesTheOriginal() {
    // Given a Synergy company copied to tiny+ whose create answer was lost, so its link was not saved
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.faults().on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.malformedBody());
    engine.syncOnce();
    Company copy = tinyPlus.webApp().companies().get(0);

    // When a person gives the tiny+ copy a website a little later, and the next cycle links the copy by its marker
    clock.advance(Duration.ofSeconds(30));
    tinyPlus.webApp().editCompany(copy.id(), CompanyPatch.builder().website("https://acme.example").build());
    clock.advance(Duration.ofMinutes(2));
    engine.syncOnce();

    // Then the website reaches the Synergy original
    assertThat(synergy.webApp().contact(acme.id()).website()).isEqualTo("https://acme.example");
    assertThat(tinyPlus.webApp().company(copy.id()).website()).isEqualTo("https://acme.example");
  }
}
