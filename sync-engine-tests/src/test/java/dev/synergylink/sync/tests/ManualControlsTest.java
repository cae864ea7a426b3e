package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Download all from Synergy" and "Upload all to Synergy": match first, create only what is missing. */
class ManualControlsTest {
  private final Fixture f = new Fixture(RecordType.COMPANY);
  private final List<long[]> progress = new ArrayList<>();
  private final ProgressListener recorder = (type, done, total) -> progress.add(new long[] {done, total});

  private Contact byAbn;
  private Contact byEmail;
  private Contact byName;
  private Contact fresh;
  private Company tinyByAbn;
  private Company tinyByEmail;
  private Company tinyByName;
  private Company tinyOnly;

  @BeforeEach
  void bothSidesHoldRecordsAlready() {
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(false).build();
    f.rebuild(b -> b);
    byAbn = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").abn("51 824 753 556").build());
    byEmail = f.synergy.webApp().createContact(ContactCreate.builder().name("Beta").email("Hi@Beta.example").build());
    byName = f.synergy.webApp().createContact(ContactCreate.builder().name("Gamma Studio").build());
    fresh = f.synergy.webApp().createContact(ContactCreate.builder().name("Delta").phone("02 1").build());
    tinyByAbn = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("ACME").abn("51824753556").build());
    tinyByEmail = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Beta Co").email("hi@beta.example")
        .build());
    tinyByName = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("gamma  studio")
        .website("gamma.example").build());
    tinyOnly = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Epsilon").build());
    f.clock.advance(Duration.ofSeconds(10));
  }

  @Test
  void downloadAllMatchesByAbnEmailAndNameBeforeCreating() {
    SyncReport report = f.engine.downloadAll(RecordType.COMPANY, recorder);

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).linked()).isEqualTo(3);
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    assertThat(f.tinyPlus.webApp().companies()).hasSize(5);
    assertThat(f.tinyPlus.webApp().company(tinyByAbn.id()).remoteId()).isEqualTo(Long.toString(byAbn.id()));
    assertThat(f.tinyPlus.webApp().company(tinyByEmail.id()).remoteId()).isEqualTo(Long.toString(byEmail.id()));
    assertThat(f.tinyPlus.webApp().company(tinyByName.id()).remoteId()).isEqualTo(Long.toString(byName.id()));
    // on a download Synergy's values win where both hold one; a value only tiny+ holds stays and goes to Synergy
    assertThat(f.tinyPlus.webApp().company(tinyByAbn.id()).name()).isEqualTo("Acme Pty Ltd");
    assertThat(f.synergy.webApp().contact(byName.id()).website()).isEqualTo("gamma.example");
    assertThat(f.tinyPlus.webApp().company(tinyOnly.id()).remoteId()).isNull();
    assertThat(progress).extracting(p -> p[0]).containsExactly(1L, 2L, 3L, 4L);
    assertThat(progress).extracting(p -> p[1]).containsOnly(4L);

    SyncReport again = f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    assertThat(again.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isZero();
    assertThat(f.tinyPlus.webApp().companies()).hasSize(5);
  }

  @Test
  void uploadAllMatchesThenCreatesWhatSynergyLacks() {
    SyncReport report = f.engine.uploadAll(RecordType.COMPANY, recorder);

    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).linked()).isEqualTo(3);
    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).created()).isEqualTo(1);
    assertThat(f.synergy.webApp().contacts()).hasSize(5);
    // on an upload tiny+'s values win where both hold one
    assertThat(f.synergy.webApp().contact(byAbn.id()).name()).isEqualTo("ACME");
    assertThat(f.synergy.webApp().contacts()).extracting(Contact::name).contains("Epsilon");
    assertThat(f.tinyPlus.webApp().company(tinyOnly.id()).externalUrl()).contains("/Contacts/");
    assertThat(progress).hasSize(4);

    f.clock.advance(Duration.ofSeconds(10));
    f.engine.uploadAll(RecordType.COMPANY, ProgressListener.none());
    assertThat(f.synergy.webApp().contacts()).hasSize(5);
  }

  @Test
  void editsMadeAfterADownloadReachTheOtherSideOnceTheSwitchIsOn() {
    f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    f.clock.advance(Duration.ofMinutes(30));
    f.tinyPlus.webApp().editCompany(tinyByAbn.id(), dev.synergylink.tinyplus.CompanyPatch.builder()
        .email("accounts@acme.example").build());
    f.clock.advance(Duration.ofMinutes(30));

    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(true).build();
    f.rebuild(b -> b);
    f.cycle();

    assertThat(f.synergy.webApp().contact(byAbn.id()).email()).isEqualTo("accounts@acme.example");
  }

  @Test
  void aLongRunKeepsItsLeaseSoNoSecondWorkerCanStart() {
    List<Boolean> otherGotIn = new ArrayList<>();
    f.engine.downloadAll(RecordType.COMPANY, (type, done, total) -> {
      f.clock.advance(Duration.ofMinutes(10));
      otherGotIn.add(f.store.acquireLease(Fixture.CONNECTION, "other", f.clock.instant(), Duration.ofMinutes(1))
          .isPresent());
    });

    assertThat(otherGotIn).hasSize(4).containsOnly(false);
    assertThat(f.store.currentLease(Fixture.CONNECTION, f.clock.instant())).isEmpty();
  }

  @Test
  void aNaturalKeyThatMatchesTwoRecordsLinksNeither() {
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Delta").build());
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("delta").build());
    f.clock.advance(Duration.ofSeconds(10));

    f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());

    assertThat(f.tinyPlus.webApp().companies()).filteredOn(c -> c.name().equalsIgnoreCase("delta")).hasSize(3);
    assertThat(f.tinyPlus.webApp().companies())
        .filteredOn(c -> Long.toString(fresh.id()).equals(c.remoteId())).singleElement()
        .satisfies(c -> assertThat(c.officePhone()).isEqualTo("02 1"));
  }
}
