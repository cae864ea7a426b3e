package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.synergy.ContactPatch;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code engine.syncRecord(type, side, id)}: one record's pair synced now, with the calls counted at the fakes, and
 * the next cycle writing nothing for it.
 */
class SyncRecordTest {
  private final Fixture f = new Fixture(RecordType.COMPANY);
  private final List<String> storeCalls = new ArrayList<>();

  @AfterEach
  void noRequestBrokeTheContract() {
    ContractViolations.assertNone(f.synergy, f.tinyPlus);
  }

  @Test
  void aTinyPlusEditOfALinkedPairCostsOneReadAndOneSynergyWrite() {
    // Given a company linked on both sides, edited in tiny+
    long acme = f.startedWithSyncedSynergyCompany("Acme");
    f.cycle();
    long copy = f.tinyPlus.webApp().companies().get(0).id();
    f.clock.advance(Duration.ofSeconds(30));
    f.tinyPlus.webApp().editCompany(copy, CompanyPatch.builder().email("info@acme.example").build());
    f.resetCounts();

    // When the tiny+ backend pushes it a second later
    f.clock.advance(Duration.ofSeconds(1));
    SyncReport report = f.engine.syncRecord(RecordType.COMPANY, Side.TINYPLUS, copy);

    // Then the edit is in Synergy, for one tiny+ read and one Synergy write
    assertThat(f.synergy.webApp().contact(acme).email()).isEqualTo("info@acme.example");
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.GET_COMPANY, 1L));
    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.PATCH_CONTACT, 1L));
    assertThat(report.operation()).isEqualTo(SyncReport.Operation.PUSH);
    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).updated()).isEqualTo(1);
    assertThat(report.problems()).isEmpty();
    assertNextCycleWritesNothing();
  }

  @Test
  void aSynergyEditOfALinkedPairReadsTheTinyPlusRecordBeforeWritingIt() {
    // Given a company linked on both sides, edited in Synergy
    long acme = f.startedWithSyncedSynergyCompany("Acme");
    f.cycle();
    long copy = f.tinyPlus.webApp().companies().get(0).id();
    f.clock.advance(Duration.ofSeconds(30));
    f.synergy.webApp().editContact(acme, ContactPatch.builder().phone("02 9000 0000").build());
    f.resetCounts();

    // When a Synergy webhook pushes it
    SyncReport report = f.engine.syncRecord(RecordType.COMPANY, Side.SYNERGY, acme);

    // Then the edit is in tiny+: a read of each record (tiny+ lists hide deleted records) and one tiny+ write
    assertThat(f.tinyPlus.webApp().company(copy).officePhone()).isEqualTo("02 9000 0000");
    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.GET_CONTACT, 1L));
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.GET_COMPANY, 1L),
        entry(TinyPlusOperation.PATCH_COMPANY, 1L));
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).updated()).isEqualTo(1);
    assertNextCycleWritesNothing();
  }

  @Test
  void aSynergyEditWhosePartnerWasDeletedInTinyPlusIsNotWrittenIntoIt() {
    // Given a company linked on both sides, deleted in tiny+ (a soft delete, which tiny+ lists leave out and a PATCH
    // would not refuse), then edited in Synergy
    long acme = f.startedWithSyncedSynergyCompany("Acme");
    f.cycle();
    long copy = f.tinyPlus.webApp().companies().get(0).id();
    f.tinyPlus.webApp().deleteCompany(copy);
    f.clock.advance(Duration.ofSeconds(30));
    f.synergy.webApp().editContact(acme, ContactPatch.builder().phone("02 9000 0000").build());
    f.resetCounts();

    // When a Synergy webhook pushes the edit
    SyncReport report = f.engine.syncRecord(RecordType.COMPANY, Side.SYNERGY, acme);

    // Then the push costs a read on each side and no write: the tiny+ read shows the record deleted, and the link
    // is orphaned instead of the edit being written into it
    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.GET_CONTACT, 1L));
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.GET_COMPANY, 1L));
    assertThat(report.problems(RecordOutcome.ORPHANED)).singleElement()
        .satisfies(e -> assertThat(e.deletedSide()).isEqualTo(Side.TINYPLUS));
    assertThat(f.tinyPlus.webApp().company(copy).officePhone()).isNotEqualTo("02 9000 0000");
  }

  @Test
  void aNewTinyPlusCompanyIsCreatedInSynergyUnderACreateIntent() {
    // Given a running companies sync, a company created in tiny+
    Company acme = f.startedWithNewTinyPlusCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
    countStoreCalls();
    f.resetCounts();

    // When it is pushed
    SyncReport report = f.engine.syncRecord(RecordType.COMPANY, Side.TINYPLUS, acme.id());

    // Then it is in Synergy, created once under an intent that was completed, and both records carry the markers
    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).created()).isEqualTo(1);
    assertThat(f.synergy.calls().count(SynergyOperation.CREATE_CONTACT)).isEqualTo(1);
    assertThat(storeCalls).containsSubsequence("savePendingCreate", "saveLink", "completePendingCreate");
    Contact contact = f.synergy.webApp().contacts().get(0);
    assertThat(contact.externalReference()).isEqualTo("tinyplus:" + acme.id());
    assertThat(f.tinyPlus.webApp().company(acme.id()).remoteId()).isEqualTo(Long.toString(contact.id()));
    assertNextCycleWritesNothing();
    assertThat(f.synergy.webApp().contacts()).hasSize(1);
  }

  @Test
  void aDeletedTinyPlusRecordOrphansItsLinkWithoutAWrite() {
    // Given a linked company deleted in tiny+
    long acme = f.startedWithSyncedSynergyCompany("Acme");
    long copy = f.tinyPlus.webApp().companies().get(0).id();
    f.tinyPlus.webApp().deleteCompany(copy);
    f.resetCounts();

    // When it is pushed
    SyncReport report = f.engine.syncRecord(RecordType.COMPANY, Side.TINYPLUS, copy);

    // Then the link is orphaned, the Synergy record left as it is, and nothing is written
    assertThat(report.problems(RecordOutcome.ORPHANED)).singleElement()
        .satisfies(e -> assertThat(e.deletedSide()).isEqualTo(Side.TINYPLUS));
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.GET_COMPANY, 1L));
    assertThat(f.synergy.calls().total()).isZero();
    assertThat(f.synergy.webApp().contact(acme).name()).isEqualTo("Acme");
    assertNextCycleWritesNothing();
  }

  @Test
  void aRecordOfADisabledTypeMakesNoCall() {
    f.started();
    f.resetCounts();

    SyncReport report = f.engine.syncRecord(RecordType.CONTACT, Side.TINYPLUS, 20_040);

    assertThat(f.synergy.calls().total() + f.tinyPlus.calls().total()).isZero();
    assertThat(report.problems(RecordOutcome.SKIPPED)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("contact sync is not enabled", "enabledTypes"));
  }

  @Test
  void withTheMasterSwitchOffAPushMakesNoCall() {
    long acme = f.startedWithSyncedSynergyCompany("Acme");
    f.withSettings(s -> s.masterSwitch(false));
    f.synergy.webApp().editContact(acme, ContactPatch.builder().phone("02 9000 0000").build());
    f.resetCounts();

    SyncReport report = f.engine.syncRecord(RecordType.COMPANY, Side.SYNERGY, acme);

    assertThat(report.masterSwitchOff()).isTrue();
    assertThat(f.synergy.calls().total() + f.tinyPlus.calls().total()).isZero();
  }

  @Test
  void aPushWhileAnotherRunnerHoldsTheLeaseIsRefusedWithoutACall() {
    long acme = f.startedWithSyncedSynergyCompany("Acme");
    f.store.acquireLease(Fixture.CONNECTION, "worker-2", f.clock.instant(), Duration.ofMinutes(5)).orElseThrow();
    f.resetCounts();

    assertThatThrownBy(() -> f.engine.syncRecord(RecordType.COMPANY, Side.SYNERGY, acme))
        .isInstanceOf(LeaseHeldException.class).hasMessageContaining("worker-2");
    assertThat(f.synergy.calls().total() + f.tinyPlus.calls().total()).isZero();
  }

  @Test
  void aQuarantinedRecordPushedUnchangedWaitsForItsRetryAndPushedEditedIsSynced() {
    // Given a tiny+ company whose ABN fails the checksum: it is in quarantine
    Company badco = f.startedWithNewTinyPlusCompany(CompanyCreate.builder().name("Badco").abn("12 345 678 901")
        .build());
    f.engine.syncOnce();
    assertThat(f.engine.health().failures()).isNotEmpty();
    f.resetCounts();

    // When it is pushed unchanged
    SyncReport unchanged = f.engine.syncRecord(RecordType.COMPANY, Side.TINYPLUS, badco.id());

    // Then it is read and left to its retry, the report saying so
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.GET_COMPANY, 1L));
    assertThat(f.synergy.calls().total()).isZero();
    assertThat(unchanged.problems(RecordOutcome.SKIPPED)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("quarantine", "tried again at"));

    // When the user corrects the ABN and it is pushed again
    f.clock.advance(Duration.ofSeconds(5));
    f.tinyPlus.webApp().editCompany(badco.id(), CompanyPatch.builder().abn("53 004 085 616").build());
    SyncReport edited = f.engine.syncRecord(RecordType.COMPANY, Side.TINYPLUS, badco.id());

    // Then it is created in Synergy and out of quarantine
    assertThat(edited.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).created()).isEqualTo(1);
    assertThat(f.synergy.webApp().contacts()).extracting(Contact::name).containsExactly("Badco");
    assertThat(f.engine.health().failures()).isEmpty();
    assertNextCycleWritesNothing();
  }

  /** The cycle after a push lists the record again and writes nothing on either side. */
  private void assertNextCycleWritesNothing() {
    f.resetCounts();
    SyncReport next = f.cycle();
    assertThat(f.synergy.calls().writes()).as("Synergy writes of the next cycle").isZero();
    assertThat(f.tinyPlus.calls().writes()).as("tiny+ writes of the next cycle").isZero();
    assertThat(next.problems()).isEmpty();
  }

  /** Wraps the fixture's state store so that each call's method name is kept, in order. */
  private void countStoreCalls() {
    StateStore counted = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
        new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
          storeCalls.add(method.getName());
          try {
            return method.invoke(f.store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    f.rebuild(b -> b.stateStore(counted));
  }
}
