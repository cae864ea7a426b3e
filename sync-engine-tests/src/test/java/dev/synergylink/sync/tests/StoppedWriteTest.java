package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
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

  @Test
  void aSynergyEditToTheValueOfAWriteTheStoppedWorkerNeverSentIsSynced() {
    Fixture.SyncedCompany synced = synced();
    Company company = synced.company();
    long contact = synced.synergyId();
    // Synergy gets an email (for tiny+) and a website; tiny+ a later website, which wins and is for Synergy. The tiny+
    // write goes first; the worker dies once it has landed, before the Synergy write is sent
    f.synergy.webApp().editContact(contact,
        ContactPatch.builder().email("info@acme.example").website("https://synergy.example").build());
    f.clock.advance(Duration.ofSeconds(30));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(NEW).build());
    SyncEngine doomed = f.engine(CrashingStateStore.atLinkSaveOnce(f.store,
        () -> "info@acme.example".equals(f.tinyPlus.webApp().company(company.id()).email())));
    f.clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(doomed::syncOnce).isInstanceOf(CrashingStateStore.Crash.class);
    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo("https://synergy.example");

    // then the tiny+ person changes the website again, and later the Synergy person sets the very value the write that
    // was never sent would have carried: the Synergy edit is the later one
    f.clock.advance(Duration.ofMinutes(1));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website("https://tinyplus.example").build());
    f.clock.advance(Duration.ofSeconds(30));
    f.synergy.webApp().editContact(contact, ContactPatch.builder().website(NEW).build());
    f.clock.advance(f.settings.leaseDuration());
    f.cycle();
    f.cycle();

    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo(NEW);
    assertThat(f.tinyPlus.webApp().company(company.id()).website()).isEqualTo(NEW);
    assertThat(f.tinyPlus.webApp().company(company.id()).email()).isEqualTo("info@acme.example");
  }

  @Test
  void aFieldTwoMatchedRecordsHeldAlikeWhenTheirFirstWriteStoppedTheRunIsAgreedOn() {
    f.started();
    // two people enter the same company, with the same email and different websites: the cycle matches them by name,
    // and tiny+ answers the write that aligns them with 429, which stops the run
    long contact = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").email("info@acme.example")
        .website("https://synergy.example").build()).id();
    Company company = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme")
        .email("info@acme.example").website(NEW).build());
    f.tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).times(10).answer(Fault.rateLimited());
    f.cycle();
    f.tinyPlus.faults().clear();
    assertThat(f.tinyPlus.webApp().company(company.id()).email()).isEqualTo("info@acme.example");

    // then the Synergy person clears the email
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editContact(contact, ContactPatch.builder().email(null).build());
    f.cycles(3, Duration.ofMinutes(20));

    assertThat(f.synergy.webApp().contact(contact).email()).isNull();
    assertThat(f.tinyPlus.webApp().company(company.id()).email()).isNull();
  }
}
