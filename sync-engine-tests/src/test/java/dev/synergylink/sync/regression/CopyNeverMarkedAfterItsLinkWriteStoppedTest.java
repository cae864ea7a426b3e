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
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 1000512 of the 200-step runs without projects) in the first fix of
 * {@link EditOfACopyWhoseMarkerWriteFailedTest}: the link of a new copy is saved before the write of the markers to
 * the original. When that write stopped the run (tiny+ rate limited it, so no failure was kept) and failed again in
 * the next cycle, the copy polled again before the retry was due, with the tiny+ record out of its poll's look-back,
 * was merged with the tiny+ record taken to be the merge base: nothing differed, the quarantine ended, and the markers
 * were never written. A side the link has never seen written or read is now read before the pair is merged.
 */
class CopyNeverMarkedAfterItsLinkWriteStoppedTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void theOriginalGetsItsMarkersOnceTheirWriteGoesThrough() {
    // Given a tiny+ company copied to Synergy, where tiny+ rate limited the write of the markers (the run stopped),
    // and a newer tiny+ company, copied in the next cycle, in which tiny+ refused the writes of both companies' markers
    Company acme = fixture.startedWithNewTinyPlusCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
    tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).times(1).answer(Fault.rateLimited());
    engine.syncOnce();
    clock.advance(Duration.ofSeconds(30));
    tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Bolt Builders").build());
    clock.advance(Duration.ofSeconds(30));
    tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).times(2).answer(Fault.serverError());
    engine.syncOnce();
    Contact copy = synergy.webApp().contacts().get(0);
    assertThat(tinyPlus.webApp().company(acme.id()).remoteId()).isNull();

    // When a cycle runs before the failed writes are due again (the copy is polled again within its look-back, the
    // older tiny+ company is not), and the next cycles run
    clock.advance(Duration.ofSeconds(5));
    engine.syncOnce();
    fixture.cycles(3, Duration.ofMinutes(10));

    // Then the tiny+ company carries the copy's markers
    Company after = tinyPlus.webApp().company(acme.id());
    assertThat(after.remoteId()).isEqualTo(Long.toString(copy.id()));
    assertThat(after.isSynced()).isTrue();
    assertThat(synergy.webApp().contacts()).hasSize(2);
  }
}
