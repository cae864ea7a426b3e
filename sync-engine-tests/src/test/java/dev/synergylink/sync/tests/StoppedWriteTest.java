package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A write that landed while the run that sent it never saved its answer (the worker died, or the answer was lost in
 * a timeout) is still known to the next run: a person who then sets the field back to its old value has made an edit,
 * and that edit is synced, not overwritten with the value the stopped run wrote.
 */
class StoppedWriteTest {
  private static final String OLD = "https://old.example";
  private static final String NEW = "https://new.example";

  private final Fixture f = new Fixture(RecordType.COMPANY);

  /** A tiny+ company synced to Synergy with the old website. */
  private Fixture.SyncedCompany synced() {
    return f.syncedTinyPlusCompany(CompanyCreate.builder().name("Acme").website(OLD).build());
  }

  @Test
  void anEditBackToTheOldValueAfterAWorkerDiedBeforeSavingItsWriteIsSynced() {
    Fixture.SyncedCompany synced = synced();
    Company company = synced.company();
    long contact = synced.synergyId();
    // a person changes the website in tiny+; the worker that writes it to Synergy dies before it saves the answer
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(NEW).build());
    SyncEngine doomed = f.engine(CrashingStateStore.atLinkSaveOnce(f.store,
        () -> NEW.equals(f.synergy.webApp().contact(contact).website())));
    f.clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(doomed::syncOnce).isInstanceOf(CrashingStateStore.Crash.class);
    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo(NEW);

    // then the person sets it back, and a replacement worker runs once the dead worker's lease has run out
    f.clock.advance(Duration.ofMinutes(1));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(OLD).build());
    f.clock.advance(f.settings.leaseDuration());
    f.cycle();
    f.cycle();

    assertThat(f.tinyPlus.webApp().company(company.id()).website()).isEqualTo(OLD);
    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo(OLD);
  }

  @Test
  void anEditBackToTheOldValueAfterAWriteWhoseAnswerWasLostIsSynced() {
    Fixture.SyncedCompany synced = synced();
    Company company = synced.company();
    long contact = synced.synergyId();
    // the write of the new website lands in Synergy, but its answer is lost (a timeout): the pair waits for a retry
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(NEW).build());
    f.synergy.faults().on(SynergyOperation.PATCH_CONTACT).times(1).answer(Fault.ambiguousCreate());
    f.cycle();
    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo(NEW);

    // then the person sets it back, and the retry comes
    f.clock.advance(Duration.ofMinutes(1));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(OLD).build());
    f.cycles(3, Duration.ofMinutes(20));

    assertThat(f.tinyPlus.webApp().company(company.id()).website()).isEqualTo(OLD);
    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo(OLD);
    assertThat(f.engine.health().failures()).isEmpty();
  }
}
