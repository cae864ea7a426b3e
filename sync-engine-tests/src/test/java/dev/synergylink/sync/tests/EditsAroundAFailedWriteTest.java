package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A pair whose write fails still learns what it saw: the same edit made on both sides is agreed on, and a side that
 * won a conflict and then edited again keeps its newer edit (the write timed out unserved, or was answered with an
 * error), so a person's later edit back to the old value is synced rather than overwritten.
 */
class EditsAroundAFailedWriteTest {
  private static final String OLD = "https://old.example";
  private static final String NEW = "https://new.example";

  private final Fixture f = new Fixture(RecordType.COMPANY);

  /** A tiny+ company synced to Synergy with the old website. */
  private Fixture.SyncedCompany synced() {
    return f.syncedTinyPlusCompany(CompanyCreate.builder().name("Acme").website(OLD).build());
  }

  @Test
  void theSameEditOnBothSidesIsAgreedOnWhenThePairsWriteFails() {
    Fixture.SyncedCompany synced = synced();
    Company company = synced.company();
    long contact = synced.synergyId();
    // both people set the same website; the tiny+ person also sets an email, which Synergy refuses to take for now
    f.synergy.webApp().editContact(contact, ContactPatch.builder().website(NEW).build());
    f.tinyPlus.webApp().editCompany(company.id(),
        CompanyPatch.builder().website(NEW).email("info@acme.example").build());
    f.synergy.faults().on(SynergyOperation.PATCH_CONTACT).times(10).answer(Fault.serverError());
    f.cycle();
    f.synergy.faults().clear();
    assertThat(f.synergy.webApp().contact(contact).email()).isNull();

    // then a Synergy person sets the website back
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editContact(contact, ContactPatch.builder().website(OLD).build());
    f.cycles(3, Duration.ofMinutes(20));

    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo(OLD);
    assertThat(f.tinyPlus.webApp().company(company.id()).website()).isEqualTo(OLD);
    assertThat(f.synergy.webApp().contact(contact).email()).isEqualTo("info@acme.example");
  }

  @Test
  void anEditBackToTheOldValueAfterWinningAConflictWhoseWriteWasNotTakenIsSynced() {
    editedBackAfterWinningAConflictWhoseWriteFailed(Fault.timeout());
  }

  @Test
  void anEditBackToTheOldValueAfterWinningAConflictWhoseWriteWasRefusedIsSynced() {
    editedBackAfterWinningAConflictWhoseWriteFailed(Fault.serverError());
  }

  /**
   * Both people change the website, tiny+ last: tiny+ wins, and its write to Synergy fails (unserved, or answered with
   * an error); then the tiny+ person sets the website back, and that edit is what both sides keep.
   */
  private void editedBackAfterWinningAConflictWhoseWriteFailed(Fault fault) {
    Fixture.SyncedCompany synced = synced();
    Company company = synced.company();
    long contact = synced.synergyId();
    f.synergy.webApp().editContact(contact, ContactPatch.builder().website("https://synergy.example").build());
    f.clock.advance(Duration.ofSeconds(30));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(NEW).build());
    f.synergy.faults().on(SynergyOperation.PATCH_CONTACT).times(10).answer(fault);
    f.cycle();
    f.synergy.faults().clear();
    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo("https://synergy.example");

    f.clock.advance(Duration.ofMinutes(1));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(OLD).build());
    f.cycles(3, Duration.ofMinutes(20));

    assertThat(f.tinyPlus.webApp().company(company.id()).website()).isEqualTo(OLD);
    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo(OLD);
  }

  @Test
  void aValueALaggingListShowsIsNoAgreementWithALaterEditOfTheOtherSide() {
    f.withSettings(b -> b.readBeforeSynergyWrite(true));
    Fixture.SyncedCompany synced = synced();
    Company company = synced.company();
    long contact = synced.synergyId();
    // the Synergy person sets a website that no cycle syncs yet, and a quarter of an hour later another one
    f.synergy.webApp().editContact(contact, ContactPatch.builder().website(NEW).build());
    f.clock.advance(Duration.ofMinutes(15));
    f.synergy.webApp().editContact(contact, ContactPatch.builder().website("https://synergy.example").build());
    // a moment later the tiny+ person sets the website Synergy held before: the later edit of the two
    f.clock.advance(Duration.ofMillis(1500));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(NEW).build());
    // a cycle at once: Synergy's list still shows the contact's older version, and the contact itself cannot be read
    f.clock.advance(Duration.ofSeconds(1));
    f.synergy.faults().on(SynergyOperation.GET_CONTACT).times(10).answer(Fault.unavailable());
    f.engine.syncOnce();
    f.synergy.faults().clear();

    f.cycles(3, Duration.ofMinutes(20));

    assertThat(f.tinyPlus.webApp().company(company.id()).website()).isEqualTo(NEW);
    assertThat(f.synergy.webApp().contact(contact).website()).isEqualTo(NEW);
  }

  @Test
  void aSynergyChangeListedBesideAReadThatFailedIsSyncedWhenOnlyTheTinyPlusRecordIsSeenAgain() {
    f.withSettings(b -> b.readBeforeSynergyWrite(true));
    Fixture.SyncedCompany synced = synced();
    Company company = synced.company();
    long contact = synced.synergyId();
    // Synergy gets a new email and website; the tiny+ person sets the same website. Reading the contact before writing
    // to it fails, so the pair waits
    f.synergy.webApp().editContact(contact,
        ContactPatch.builder().email("info@acme.example").website(NEW).build());
    f.clock.advance(Duration.ofSeconds(30));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(NEW).build());
    f.synergy.faults().on(SynergyOperation.GET_CONTACT).times(10).answer(Fault.unavailable());
    f.cycle();
    f.synergy.faults().clear();
    assertThat(f.tinyPlus.webApp().company(company.id()).email()).isNull();

    // the tiny+ person saves the company again with nothing changed, and a cycle runs before the pair's retry is due:
    // only the tiny+ record is listed
    f.clock.advance(Duration.ofSeconds(30));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website(NEW).build());
    f.cycles(1, Duration.ofSeconds(10));
    f.cycles(3, Duration.ofMinutes(20));

    assertThat(f.tinyPlus.webApp().company(company.id()).email()).isEqualTo("info@acme.example");
    assertThat(f.engine.health().failures()).isEmpty();
  }
}
