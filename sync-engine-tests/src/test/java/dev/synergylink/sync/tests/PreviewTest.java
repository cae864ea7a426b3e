package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.FieldChange;
import dev.synergylink.sync.Flow;
import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.PreviewRecord;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncPreview;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A preview of Download all, Upload all and one cycle: what each would write, per record, without writing anything;
 * then the real run does what the preview said.
 */
class PreviewTest {
  private final Fixture f = new Fixture(RecordType.COMPANY);

  private Contact byAbn;
  private Contact byEmail;
  private Contact byName;
  private Contact fresh;
  private Company tinyByAbn;
  private Company tinyOnly;

  private void bothSidesHoldRecordsAlready() {
    f.withSettings(s -> s.masterSwitch(false));
    byAbn = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").abn("51 824 753 556").build());
    byEmail = f.synergy.webApp().createContact(ContactCreate.builder().name("Beta").email("Hi@Beta.example").build());
    byName = f.synergy.webApp().createContact(ContactCreate.builder().name("Gamma Studio").build());
    fresh = f.synergy.webApp().createContact(ContactCreate.builder().name("Delta").phone("02 1").build());
    tinyByAbn = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("ACME").abn("51824753556").build());
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Beta Co").email("hi@beta.example").build());
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("gamma  studio").website("gamma.example").build());
    tinyOnly = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Epsilon").build());
    f.clock.advance(Duration.ofSeconds(10));
  }

  @Test
  void downloadAllPreviewShowsMatchesByKeyAndCreatesAndTheRunThenDoesTheSame() {
    bothSidesHoldRecordsAlready();
    Snapshot before = Snapshot.of(f);
    List<long[]> progress = new ArrayList<>();

    SyncPreview preview = f.engine.previewDownloadAll(RecordType.COMPANY,
        (type, done, total) -> progress.add(new long[] {done, total}));

    assertThat(engineWrites()).isEmpty();
    assertThat(Snapshot.of(f)).isEqualTo(before);
    assertThat(progress).extracting(p -> p[0]).containsExactly(1L, 2L, 3L, 4L);
    assertThat(preview.operation()).isEqualTo(SyncReport.Operation.DOWNLOAD_ALL);
    assertThat(preview.records(RecordOutcome.LINKED)).extracting(PreviewRecord::synergyId, PreviewRecord::matchedBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(byAbn.id(), "ABN"),
            org.assertj.core.groups.Tuple.tuple(byEmail.id(), "email"),
            org.assertj.core.groups.Tuple.tuple(byName.id(), "name"));
    PreviewRecord acme = preview.records(RecordOutcome.LINKED).get(0);
    assertThat(acme.tinyPlusId()).isEqualTo(tinyByAbn.id());
    assertThat(acme.changes()).contains(FieldChange.builder().side(Side.TINYPLUS).field("name").oldValue("ACME")
        .newValue("Acme Pty Ltd").build());
    assertThat(acme.changes()).extracting(FieldChange::field).contains("remote_id");
    PreviewRecord created = preview.records(RecordOutcome.CREATED).get(0);
    assertThat(created.synergyId()).isEqualTo(fresh.id());
    assertThat(created.tinyPlusId()).isNull();
    assertThat(created.changes()).contains(FieldChange.builder().side(Side.TINYPLUS).field("name").newValue("Delta")
        .build());
    assertThat(preview.count(RecordOutcome.CREATED)).isEqualTo(1);

    SyncReport real = f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());

    assertSameOutcomes(preview, real);
    assertThat(f.tinyPlus.webApp().company(tinyByAbn.id()).name()).isEqualTo("Acme Pty Ltd");
  }

  @Test
  void uploadAllPreviewAgreesWithTheUpload() {
    bothSidesHoldRecordsAlready();
    Snapshot before = Snapshot.of(f);

    SyncPreview preview = f.engine.previewUploadAll(RecordType.COMPANY, ProgressListener.none());

    assertThat(engineWrites()).isEmpty();
    assertThat(Snapshot.of(f)).isEqualTo(before);
    assertThat(preview.records(RecordOutcome.CREATED)).extracting(PreviewRecord::tinyPlusId)
        .containsExactly(tinyOnly.id());
    assertThat(preview.records(RecordOutcome.CREATED).get(0).synergyId()).isNull();

    SyncReport real = f.engine.uploadAll(RecordType.COMPANY, ProgressListener.none());

    assertSameOutcomes(preview, real);
  }

  @Test
  void cyclePreviewShowsTheUpdateWithOldAndNewValuesAndTheCycleThenMakesIt() {
    long id = f.startedWithSyncedSynergyCompany("Acme");
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editContact(id, ContactPatch.builder().phone("02 9000 1234").build());
    f.synergy.webApp().createContact(ContactCreate.builder().name("Newco").build());
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Tiny Only").build());
    f.clock.advance(Duration.ofMinutes(1));
    f.resetCounts();
    Snapshot before = Snapshot.of(f);

    SyncPreview preview = f.engine.previewSyncOnce();

    assertThat(engineWrites()).isEmpty();
    assertThat(Snapshot.of(f)).isEqualTo(before);
    PreviewRecord update = preview.records(RecordOutcome.UPDATED).get(0);
    assertThat(update.synergyId()).isEqualTo(id);
    assertThat(update.flow()).isEqualTo(Flow.SYNERGY_TO_TINYPLUS);
    assertThat(update.changes()).containsExactly(FieldChange.builder().side(Side.TINYPLUS).field("office_phone")
        .oldValue(null).newValue("02 9000 1234").build());
    assertThat(preview.count(RecordOutcome.CREATED)).isEqualTo(2);

    SyncReport real = f.engine.syncOnce();

    assertSameOutcomes(preview, real);
    assertThat(real.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).updated()).isEqualTo(1);
  }

  @Test
  void previewsOfTeamMembersCompaniesAndContactsAgreeWithTheRuns() {
    Fixture all = new Fixture(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT);
    all.withSettings(s -> s.masterSwitch(false));
    Contact acme = all.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    all.synergy.webApp().createPersonnel(dev.synergylink.synergy.PersonnelCreate.builder().parentContactId(acme.id())
        .firstName("Zoë").lastName("Ng").email("zoe@acme.example").build());
    all.synergy.webApp().addStaff("Ann", "Lee", "ann@firm.example", dev.synergylink.synergy.SecurityLevel.STANDARD);
    all.tinyPlus.webApp().inviteTeamMember("Ann Lee", "ANN@firm.example");
    all.clock.advance(Duration.ofSeconds(10));

    for (RecordType type : List.of(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT)) {
      all.synergy.clearWrites();
      all.tinyPlus.clearWrites();
      SyncPreview preview = all.engine.previewDownloadAll(type, ProgressListener.none());
      assertThat(all.synergy.writes()).isEmpty();
      assertThat(all.tinyPlus.writes()).isEmpty();
      assertSameOutcomes(preview, all.engine.downloadAll(type, ProgressListener.none()));
    }
    assertThat(all.tinyPlus.webApp().contacts()).extracting(c -> c.firstName()).containsExactly("Zoë");

    all.withSettings(s -> s.masterSwitch(true));
    all.engine.syncOnce();
    all.clock.advance(Duration.ofMinutes(1));
    all.synergy.webApp().createPersonnel(dev.synergylink.synergy.PersonnelCreate.builder().parentContactId(acme.id())
        .firstName("Bo").lastName("Ek").build());
    all.tinyPlus.webApp().editContact(all.tinyPlus.webApp().contacts().get(0).id(),
        dev.synergylink.tinyplus.ContactPatch.builder().role("Director").build());
    all.clock.advance(Duration.ofMinutes(1));
    all.synergy.clearWrites();
    all.tinyPlus.clearWrites();

    SyncPreview cycle = all.engine.previewSyncOnce();

    assertThat(all.synergy.writes()).isEmpty();
    assertThat(all.tinyPlus.writes()).isEmpty();
    assertThat(cycle.records(RecordOutcome.CREATED)).extracting(PreviewRecord::recordType)
        .containsExactly(RecordType.CONTACT);
    assertSameOutcomes(cycle, all.engine.syncOnce());
  }

  @Test
  void previewKeepsValuesOutWhenTheSettingsKeepThemOutOfReports() {
    long id = f.startedWithSyncedSynergyCompany("Acme");
    f.withSettings(s -> s.valuesInReports(false));
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editContact(id, ContactPatch.builder().phone("02 9000 1234").build());
    f.clock.advance(Duration.ofMinutes(1));

    SyncPreview preview = f.engine.previewSyncOnce();

    assertThat(preview.records(RecordOutcome.UPDATED).get(0).changes()).containsExactly(FieldChange.builder()
        .side(Side.TINYPLUS).field("office_phone").build());
  }

  @Test
  void previewWithTheMasterSwitchOffShowsNothingAndCallsNothing() {
    f.withSettings(s -> s.masterSwitch(false));
    f.resetCounts();

    SyncPreview preview = f.engine.previewSyncOnce();

    assertThat(preview.records()).isEmpty();
    assertThat(preview.report().masterSwitchOff()).isTrue();
    assertThat(f.synergy.calls().total() + f.tinyPlus.calls().total()).isZero();
  }

  @Test
  void previewWaitsForARunThatHoldsTheLease() {
    f.store.acquireLease(Fixture.CONNECTION, "worker-2", f.clock.instant(), Duration.ofMinutes(5));

    assertThatThrownBy(() -> f.engine.previewSyncOnce()).isInstanceOf(LeaseHeldException.class)
        .hasMessageContaining("worker-2");
  }

  private List<FakeWrite> engineWrites() {
    List<FakeWrite> writes = new ArrayList<>(f.synergy.writes());
    writes.addAll(f.tinyPlus.writes());
    return writes.stream().filter(w -> w.source() == FakeWrite.Source.API).collect(Collectors.toList());
  }

  /** The preview's totals and per-record outcomes are the run's. */
  private static void assertSameOutcomes(SyncPreview preview, SyncReport real) {
    assertThat(preview.report().counts()).isEqualTo(real.counts());
    assertThat(preview.report().problems()).extracting(RecordEvent::outcome, RecordEvent::synergyId)
        .isEqualTo(real.problems().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.outcome(), e.synergyId()))
            .collect(Collectors.toList()));
  }

  /** Everything the state store holds for the connection, to compare before and after a preview. */
  private record Snapshot(Object links, Object failures, Object pending, Object cursors, Object lease) {
    static Snapshot of(Fixture f) {
      List<Object> links = new ArrayList<>();
      for (RecordType type : RecordType.values()) {
        links.addAll(f.store.links(Fixture.CONNECTION, type));
      }
      return new Snapshot(links, f.store.failures(Fixture.CONNECTION), f.store.pendingCreates(Fixture.CONNECTION),
          f.store.cursors(Fixture.CONNECTION), f.store.currentLease(Fixture.CONNECTION, f.clock.instant()));
    }
  }
}
