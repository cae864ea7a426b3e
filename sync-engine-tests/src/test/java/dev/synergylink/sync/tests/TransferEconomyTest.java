package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's call budgets for the manual controls, counted at the client interfaces: Download all of N records costs
 * N tiny+ writes plus list pages, Upload all of N costs N Synergy creates, N tiny+ link writes and list pages; and once
 * the transfers have run, a new record no longer lists the whole other side to be matched by natural key.
 */
class TransferEconomyTest {
  /** Enough records for several pages of 100 on each side. */
  private static final int N = 250;
  private static final int PAGES = 3;

  private final Fixture f = new Fixture(RecordType.COMPANY);

  @Test
  void downloadAllCostsOneTinyPlusWritePerRecordAndListPages() {
    switchedOff();
    for (int i = 0; i < N; i++) {
      f.synergy.webApp().createContact(ContactCreate.builder().name("Company " + i).build());
    }
    f.clock.advance(Duration.ofSeconds(10));

    SyncReport report = f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(N);
    // the Synergy pages; one listing of the tiny+ companies and one of the deleted copies (both empty)
    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.LIST_CONTACTS, (long) PAGES));
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.CREATE_COMPANY, (long) N),
        entry(TinyPlusOperation.LIST_COMPANIES, 2L));
    assertThat(f.tinyPlus.webApp().companies()).hasSize(N);
  }

  @Test
  void uploadAllCostsOneSynergyCreateAndOneTinyPlusLinkWritePerRecordAndListPages() {
    switchedOff();
    for (int i = 0; i < N; i++) {
      f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Company " + i).build());
    }
    f.clock.advance(Duration.ofSeconds(10));

    SyncReport report = f.engine.uploadAll(RecordType.COMPANY, ProgressListener.none());

    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).created()).isEqualTo(N);
    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.CREATE_CONTACT, (long) N),
        entry(SynergyOperation.LIST_CONTACTS, 1L));
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.PATCH_COMPANY, (long) N),
        entry(TinyPlusOperation.LIST_COMPANIES, (long) PAGES));
    assertThat(f.synergy.webApp().contacts()).hasSize(N);
  }

  @Test
  void aRecordMatchedByKeyInADownloadCostsTheReadOfItsMatchAndOneWrite() {
    switchedOff();
    for (int i = 0; i < N; i++) {
      f.synergy.webApp().createContact(ContactCreate.builder().name("Company " + i).build());
      f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("company " + i).build());
    }
    f.clock.advance(Duration.ofSeconds(10));

    SyncReport report = f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).linked()).isEqualTo(N);
    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.LIST_CONTACTS, (long) PAGES));
    // the index keeps keys and ids, not records: a match is read by id before it is linked
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.GET_COMPANY, (long) N),
        entry(TinyPlusOperation.PATCH_COMPANY, (long) N), entry(TinyPlusOperation.LIST_COMPANIES, PAGES + 1L));
    assertThat(f.tinyPlus.webApp().companies()).hasSize(N).allSatisfy(c -> assertThat(c.remoteId()).isNotNull());
  }

  @Test
  void afterTheTransfersANewRecordCostsTheSameWhateverTheNumberOfRecords() {
    switchedOff();
    for (int i = 0; i < N; i++) {
      f.synergy.webApp().createContact(ContactCreate.builder().name("Company " + i).build());
      f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Firm " + i).build());
    }
    f.clock.advance(Duration.ofSeconds(10));
    f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    f.engine.uploadAll(RecordType.COMPANY, ProgressListener.none());
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(true).build();
    f.rebuild(b -> b);
    f.cycle();
    // an edit on each side moves both cursors past the transfers, so the polls' look-back no longer reaches them
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editContact(f.synergy.webApp().contacts().get(0).id(),
        dev.synergylink.synergy.ContactPatch.builder().phone("02 1").build());
    f.tinyPlus.webApp().editCompany(f.tinyPlus.webApp().companies().get(0).id(),
        dev.synergylink.tinyplus.CompanyPatch.builder().website("firm.example").build());
    f.cycle();
    f.cycle();
    f.synergy.webApp().createContact(ContactCreate.builder().name("Newco").build());
    f.resetCounts();

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    // the poll, the marker look-up (live and deleted), the tiny+ companies changed since the cursor, and the create:
    // not the 3 pages of the whole tiny+ side
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.LIST_COMPANIES, 4L),
        entry(TinyPlusOperation.CREATE_COMPANY, 1L));
  }

  @Test
  void afterTheTransfersTwoNewRecordsMadeInOneCycleOnBothSidesAreStillMatched() {
    switchedOff();
    f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    f.engine.uploadAll(RecordType.COMPANY, ProgressListener.none());
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(true).build();
    f.rebuild(b -> b);
    f.cycle();
    Contact synergy = f.synergy.webApp().createContact(ContactCreate.builder().name("Twin Pty Ltd").build());
    Company tinyPlus = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("twin pty ltd").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).linked()).isEqualTo(1);
    assertThat(f.synergy.webApp().contacts()).extracting(Contact::id).containsExactly(synergy.id());
    assertThat(f.tinyPlus.webApp().company(tinyPlus.id()).remoteId()).isEqualTo(Long.toString(synergy.id()));
  }

  @Test
  void afterTheTransfersANewRecordIsStillMatchedWithAnOldRecordWaitingInQuarantine() {
    switchedOff();
    Company badco = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Badco").abn("12 345 678 901")
        .build());
    f.clock.advance(Duration.ofMinutes(1));
    f.engine.uploadAll(RecordType.COMPANY, ProgressListener.none()); // the ABN fails its checksum: Badco waits
    f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(true).build();
    f.rebuild(b -> b);
    movedPastTheTransfers();
    Contact synergy = f.synergy.webApp().createContact(ContactCreate.builder().name("BADCO").build());

    f.cycle();

    assertThat(f.tinyPlus.webApp().companies()).filteredOn(c -> c.name().equalsIgnoreCase("badco"))
        .extracting(Company::id).containsExactly(badco.id());
    assertThat(f.tinyPlus.webApp().company(badco.id()).remoteId()).isEqualTo(Long.toString(synergy.id()));
  }

  /** A cycle, then an edit on each side and two cycles: both cursors move past the transfers' look-back. */
  private void movedPastTheTransfers() {
    long one = f.synergy.webApp().createContact(ContactCreate.builder().name("Marker one").build()).id();
    long two = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Marker two").build()).id();
    f.cycle();
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editContact(one, dev.synergylink.synergy.ContactPatch.builder().phone("02 1").build());
    f.tinyPlus.webApp().editCompany(two, dev.synergylink.tinyplus.CompanyPatch.builder().website("firm.example")
        .build());
    f.cycle();
    f.cycle();
  }

  private void switchedOff() {
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(false).build();
    f.rebuild(b -> b);
  }
}
