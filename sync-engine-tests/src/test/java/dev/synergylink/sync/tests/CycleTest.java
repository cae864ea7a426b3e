package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.FieldMappings;
import dev.synergylink.sync.Flow;
import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncHealth;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.ConflictPolicy;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incremental cycle's guarantees, on companies (the same machinery runs every record type). */
class CycleTest {
  private final Fixture f = new Fixture(RecordType.COMPANY).started();

  private Contact linkedContact(String name) {
    Contact contact = f.synergy.webApp().createContact(ContactCreate.builder().name(name).build());
    f.cycle();
    return contact;
  }

  private Company partnerOf(Contact contact) {
    return f.tinyPlus.webApp().companies().stream()
        .filter(c -> Long.toString(contact.id()).equals(c.remoteId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void echoesOfOurOwnWritesWriteNothing() {
    Contact contact = linkedContact("Acme");
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().email("a@acme.example").build());
    f.cycle();
    f.resetCounts();

    SyncReport report = f.cycle();

    assertThat(f.synergy.writes()).isEmpty();
    assertThat(f.tinyPlus.writes()).isEmpty();
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).updated()).isZero();
    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).updated()).isZero();
    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).unchanged()).isEqualTo(1);
  }

  @Test
  void aPersonsEditInTheSameSecondAsTheEnginesOwnWriteIsSynced() {
    Contact contact = linkedContact("Acme");
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().email("a@acme.example").build());
    f.cycle();
    Company written = partnerOf(contact);

    // the clock has not moved: the edit shares the engine's write's second, and so its modified instant
    f.tinyPlus.webApp().editCompany(written.id(), CompanyPatch.builder().email("b@acme.example").build());
    assertThat(f.tinyPlus.webApp().company(written.id()).modifiedDate()).isEqualTo(written.modifiedDate());
    f.cycle();

    assertThat(f.synergy.webApp().contact(contact.id()).email()).isEqualTo("b@acme.example");
  }

  @Test
  void anEditThatChangesNoValueIsCountedUnchangedAndWritesNothing() {
    // Given a linked pair
    Contact contact = linkedContact("Acme");
    f.resetCounts();

    // When a person saves the Synergy record with the name it already has
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().name("Acme").build());
    SyncReport report = f.cycle();

    // Then the record is seen, counted unchanged, and nothing is written
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).unchanged()).isEqualTo(1);
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).updated()).isZero();
    assertThat(f.tinyPlus.writes()).isEmpty();
  }

  @Test
  void anIdleCycleCostsOneListCallPerSide() {
    linkedContact("Acme");
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Beta").build());
    f.cycle();
    f.cycle();
    f.resetCounts();

    SyncReport report = f.cycle();

    assertThat(f.synergy.calls().total()).isEqualTo(1);
    assertThat(f.synergy.calls().count(SynergyOperation.LIST_CONTACTS)).isEqualTo(1);
    assertThat(f.tinyPlus.calls().total()).isEqualTo(1);
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.LIST_COMPANIES)).isEqualTo(1);
    assertThat(report.apiCalls(Side.SYNERGY)).isEqualTo(1);
    assertThat(report.apiCalls(Side.TINYPLUS)).isEqualTo(1);
  }

  @Test
  void withTheMasterSwitchOffACycleMakesNoCall() {
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(false).build();
    f.rebuild(b -> b);
    f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    f.resetCounts();

    SyncReport report = f.cycle();

    assertThat(report.masterSwitchOff()).isTrue();
    assertThat(f.synergy.calls().total()).isZero();
    assertThat(f.tinyPlus.calls().total()).isZero();
    assertThat(f.tinyPlus.webApp().companies()).isEmpty();
  }

  @Test
  void aSecondEngineOnTheSameConnectionIsToldTheLeaseIsHeld() {
    f.store.acquireLease(Fixture.CONNECTION, "worker-7", f.clock.instant().plusSeconds(60), Duration.ofMinutes(5));

    assertThatThrownBy(f::cycle)
        .isInstanceOf(LeaseHeldException.class)
        .hasMessageContaining("lease held")
        .hasMessageContaining("worker-7");
  }

  /** Synergy's phone is edited, then ten seconds later tiny+'s office phone, to another value. */
  private Company phoneEditedOnBothSides(Contact contact) {
    Company company = partnerOf(contact);
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().phone("02 1111 1111").build());
    f.clock.advance(Duration.ofSeconds(10));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().officePhone("02 2222 2222").build());
    return company;
  }

  @Test
  void aFieldChangedOnBothSidesGoesToTheNewestEditAndTheLoserIsReported() {
    Contact contact = linkedContact("Acme");
    Company company = phoneEditedOnBothSides(contact);

    SyncReport report = f.cycle();

    assertThat(f.synergy.webApp().contact(contact.id()).phone()).isEqualTo("02 2222 2222");
    assertThat(f.tinyPlus.webApp().company(company.id()).officePhone()).isEqualTo("02 2222 2222");
    assertThat(report.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.conflict().field()).isEqualTo("phone");
      assertThat(c.winner()).isEqualTo(Side.TINYPLUS);
      assertThat(c.losingValue()).isEqualTo("02 1111 1111");
    });
    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).conflicts()).isEqualTo(1);
  }

  @Test
  void differentFieldsChangedOnBothSidesMergeWithoutConflict() {
    Contact contact = linkedContact("Acme");
    Company company = partnerOf(contact);
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().phone("02 1111 1111").build());
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().email("hi@acme.example").build());

    SyncReport report = f.cycle();

    Contact synergySide = f.synergy.webApp().contact(contact.id());
    Company tinyPlusSide = f.tinyPlus.webApp().company(company.id());
    assertThat(synergySide.phone()).isEqualTo("02 1111 1111");
    assertThat(synergySide.email()).isEqualTo("hi@acme.example");
    assertThat(tinyPlusSide.officePhone()).isEqualTo("02 1111 1111");
    assertThat(tinyPlusSide.email()).isEqualTo("hi@acme.example");
    assertThat(report.conflicts()).isEmpty();
  }

  @Test
  void aHostPolicyCanLetSynergyWinEveryConflict() {
    f.rebuild(b -> b.conflictPolicy(ConflictPolicy.synergyWins()));
    Company company = phoneEditedOnBothSides(linkedContact("Acme"));

    SyncReport report = f.cycle();

    assertThat(f.tinyPlus.webApp().company(company.id()).officePhone()).isEqualTo("02 1111 1111");
    assertThat(report.conflicts()).extracting(ResolvedConflict::losingValue).containsExactly("02 2222 2222");
  }

  @Test
  void anAmbiguousCreateYieldsExactlyOneRecord() {
    f.synergy.faults().on(SynergyOperation.CREATE_CONTACT).times(1).answer(Fault.ambiguousCreate());
    Company company = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build());

    SyncReport first = f.cycle();
    assertThat(first.problems(RecordOutcome.FAILED)).hasSize(1);

    // a quick retry, while Synergy's lists may still lag behind the lost create, must not create again
    f.clock.advance(Duration.ofSeconds(2));
    f.engine.syncOnce();
    f.cycle();
    f.cycle();

    assertThat(f.synergy.webApp().contacts()).hasSize(1);
    Contact contact = f.synergy.webApp().contacts().get(0);
    assertThat(f.tinyPlus.webApp().company(company.id()).remoteId()).isEqualTo(Long.toString(contact.id()));
    assertThat(f.store.pendingCreates(Fixture.CONNECTION)).isEmpty();
    assertThat(f.engine.health().failures()).isEmpty();
  }

  @Test
  void aCrashBetweenTheTwoCursorStartsKeepsNeither() {
    Fixture fresh = new Fixture(RecordType.COMPANY);
    SyncEngine doomed = fresh.engine(CrashingStateStore.atCursorSave(fresh.store, 2));

    assertThatThrownBy(doomed::syncOnce).isInstanceOf(CrashingStateStore.Crash.class);

    for (Side side : Side.values()) {
      assertThat(fresh.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, side)).isEmpty();
    }
  }

  @Test
  void aCrashBetweenTheTwoCursorMovesKeepsBothWhereTheyWere() {
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build());
    f.synergy.webApp().createContact(ContactCreate.builder().name("Beta").build());
    f.clock.advance(Duration.ofMinutes(1));
    java.util.Map<Side, java.util.Optional<Cursor>> before = new java.util.EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      before.put(side, f.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, side));
    }
    SyncEngine doomed = f.engine(CrashingStateStore.atCursorSave(f.store, 2));

    assertThatThrownBy(doomed::syncOnce).isInstanceOf(CrashingStateStore.Crash.class);

    for (Side side : Side.values()) {
      assertThat(f.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, side)).isEqualTo(before.get(side));
    }
    // the replacement worker polls both sides again from there and settles both records
    f.clock.advance(f.settings.leaseDuration());
    f.cycle();
    assertThat(f.synergy.webApp().contacts()).hasSize(2);
    assertThat(f.tinyPlus.webApp().companies()).hasSize(2);
  }

  @Test
  void aCrashBetweenCreateAndLinkSaveYieldsExactlyOneRecord() {
    SyncEngine doomed = f.engine(new CrashingStateStore(f.store));
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build());
    f.clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(doomed::syncOnce).isInstanceOf(CrashingStateStore.Crash.class);
    assertThat(f.synergy.webApp().contacts()).hasSize(1);

    // the replacement worker starts once the dead worker's lease has run out
    f.clock.advance(f.settings.leaseDuration());
    f.cycle();
    f.cycle();

    assertThat(f.synergy.webApp().contacts()).hasSize(1);
    assertThat(f.tinyPlus.webApp().companies()).hasSize(1);
    assertThat(f.store.links(Fixture.CONNECTION, RecordType.COMPANY)).hasSize(1);
    assertThat(f.store.pendingCreates(Fixture.CONNECTION)).isEmpty();
  }

  @Test
  void aBadAbnFromTinyPlusIsQuarantinedWhileTheOthersSync() {
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Alpha").abn("51 824 753 556").build());
    f.clock.advance(Duration.ofSeconds(1));
    Company bad = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Bad").abn("12 345 678 901").build());
    f.clock.advance(Duration.ofSeconds(1));
    Company last = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Gamma").build());

    SyncReport report = f.cycle();

    assertThat(f.synergy.webApp().contacts()).extracting(Contact::name).containsExactlyInAnyOrder("Alpha", "Gamma");
    assertThat(report.problems(RecordOutcome.FAILED)).singleElement().satisfies(e -> {
      assertThat(e.tinyPlusId()).isEqualTo(bad.id());
      assertThat(e.field()).isEqualTo("abn");
      assertThat(e.message()).as("Synergy's own field message").contains("is not a valid ABN");
    });
    SyncHealth health = f.engine.health();
    assertThat(health.counts(RecordType.COMPANY).failing()).isEqualTo(1);
    assertThat(health.counts(RecordType.COMPANY).inSync()).isEqualTo(2);
    RecordFailure failure = health.failures().get(0);
    assertThat(failure.field()).isEqualTo("abn");
    assertThat(failure.nextRetry()).isAfter(f.clock.instant());
    Cursor cursor = f.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, Side.TINYPLUS).orElseThrow();
    assertThat(cursor.modified()).isAfterOrEqualTo(last.modifiedDate());

    // unchanged and not yet due: left alone
    f.resetCounts();
    f.cycle();
    assertThat(f.synergy.writes()).isEmpty();

    // fixed in tiny+: synced
    f.tinyPlus.webApp().editCompany(bad.id(), CompanyPatch.builder().abn("53 004 085 616").build());
    f.cycle();
    assertThat(f.synergy.webApp().contacts()).hasSize(3);
    assertThat(f.engine.health().failures()).isEmpty();
  }

  @Test
  void aFailedRecordIsRetriedWithBackoffOnceDue() {
    f.synergy.faults().on(SynergyOperation.CREATE_CONTACT).times(2).answer(Fault.serverError(500));
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build());

    f.cycle();
    RecordFailure first = f.engine.health().failures().get(0);
    assertThat(first.attempts()).isEqualTo(1);
    f.clock.setTo(first.nextRetry());
    f.engine.syncOnce();
    f.clock.advance(Duration.ofSeconds(6));
    f.engine.syncOnce();
    RecordFailure second = f.engine.health().failures().get(0);
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(Duration.between(f.clock.instant(), second.nextRetry()))
        .isGreaterThan(Duration.between(first.firstFailedAt(), first.nextRetry()));

    f.clock.setTo(second.nextRetry());
    f.engine.syncOnce();
    f.clock.advance(Duration.ofSeconds(6));
    f.engine.syncOnce();
    assertThat(f.synergy.webApp().contacts()).hasSize(1);
    assertThat(f.engine.health().failures()).isEmpty();
  }

  @Test
  void aDeletedRecordIsNeverRecreatedAndNothingIsDeletedOnTheOtherSide() {
    Contact contact = linkedContact("Acme");
    Company company = partnerOf(contact);
    f.synergy.webApp().deleteContact(contact.id());
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().email("x@acme.example").build());

    SyncReport report = f.cycle();
    f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).orphaned()).isEqualTo(1);
    assertThat(f.synergy.webApp().contacts()).isEmpty();
    assertThat(f.tinyPlus.webApp().company(company.id()).recordStatus()).isNotEqualTo(RecordStatus.DELETED);
    assertThat(f.engine.health().counts(RecordType.COMPANY).orphaned()).isEqualTo(1);
  }

  @Test
  void aRecordDeletedInTinyPlusOrphansItsLink() {
    Contact contact = linkedContact("Acme");
    Company company = partnerOf(contact);
    f.tinyPlus.webApp().deleteCompany(company.id());
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().email("x@acme.example").build());

    f.cycle();
    f.cycle();

    assertThat(f.engine.health().counts(RecordType.COMPANY).orphaned()).isEqualTo(1);
    assertThat(f.tinyPlus.webApp().companies().stream().filter(c -> c.recordStatus() != RecordStatus.DELETED))
        .isEmpty();
    assertThat(f.synergy.webApp().contacts()).hasSize(1);
  }

  @Test
  void recordsThatChangeWhileTheListingPagesAreNotLost() {
    f.settings = SyncSettings.builder().from(f.settings).pageSize(2).build();
    List<Company> companies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      companies.add(f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Company " + i).build()));
      f.clock.advance(Duration.ofSeconds(1));
    }
    Company mover = companies.get(2);
    f.rebuild(b -> b.addListener(new SyncListener() {
      private boolean moved;

      @Override
      public void onRecord(RecordEvent event) {
        if (!moved) {
          moved = true;
          f.tinyPlus.webApp().editCompany(mover.id(), CompanyPatch.builder().website("moved.example").build());
        }
      }
    }));

    f.cycle();

    assertThat(f.synergy.webApp().contacts()).extracting(Contact::name)
        .containsExactlyInAnyOrder("Company 0", "Company 1", "Company 2", "Company 3", "Company 4");
  }

  @Test
  void aHostCanSwitchARuleOffOrChangeItsDirection() {
    f.rebuild(b -> b.companyMapping(FieldMappings.companies()
        .withDirection("phone", Direction.NONE)
        .withDirection("email", Direction.TO_TINYPLUS)));
    Contact contact = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").phone("02 1")
        .email("a@acme.example").build());
    f.cycle();
    Company company = partnerOf(contact);
    assertThat(company.officePhone()).isNull();
    assertThat(company.lockedFields()).contains("email");

    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().officePhone("02 2")
        .email("b@acme.example").build());
    f.cycle();

    assertThat(f.synergy.webApp().contact(contact.id()).phone()).isEqualTo("02 1");
    assertThat(f.synergy.webApp().contact(contact.id()).email()).isEqualTo("a@acme.example");
    assertThat(f.tinyPlus.webApp().company(company.id()).email()).as("put back").isEqualTo("a@acme.example");
  }

  @Test
  void aRuleTurnedTowardsSynergyMakesTinyPlusItsOwner() {
    // Given the host's mapping makes tiny+ the owner of websites, and a linked pair
    f.rebuild(b -> b.companyMapping(FieldMappings.companies().withDirection("website", Direction.TO_SYNERGY)));
    Contact contact = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme")
        .website("https://acme.example").build());
    f.cycle();
    Company company = partnerOf(contact);
    assertThat(company.website()).as("not sent to tiny+").isNull();

    // When a person changes the website in tiny+, then another in Synergy
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().website("https://acme.tinyplus").build());
    f.cycle();
    assertThat(f.synergy.webApp().contact(contact.id()).website()).isEqualTo("https://acme.tinyplus");
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().website("https://acme.synergy").build());
    f.cycle();

    // Then tiny+'s edit reached Synergy and, tiny+ owning the field, Synergy's own edit was put back
    assertThat(f.tinyPlus.webApp().company(company.id()).website()).isEqualTo("https://acme.tinyplus");
    assertThat(f.synergy.webApp().contact(contact.id()).website()).isEqualTo("https://acme.tinyplus");
  }

  @Test
  void aRunStoppedByTheQuotaMovesNoCursorAndTheNextRunCatchesUp() {
    Contact contact = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    Cursor before = f.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, Side.SYNERGY).orElseThrow();
    f.synergy.faults().on(SynergyOperation.LIST_CONTACTS).times(1).answer(Fault.rateLimited(Duration.ofHours(1)));

    SyncReport stopped = f.cycle();

    assertThat(stopped.aborted()).isTrue();
    assertThat(stopped.abortedBecause()).startsWith("Synergy stopped the run:").contains("429");
    assertThat(f.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, Side.SYNERGY)).contains(before);
    assertThat(f.store.currentLease(Fixture.CONNECTION, f.clock.instant())).as("the lease is given back").isEmpty();

    SyncReport next = f.cycle();
    assertThat(next.aborted()).isFalse();
    assertThat(partnerOf(contact).name()).isEqualTo("Acme");
  }

  @Test
  void aHostRuleThatThrowsQuarantinesItsRecordAndTheOthersSync() {
    f.rebuild(b -> b.companyMapping(FieldMappings.companies().withRule(
        dev.synergylink.sync.spi.FieldRule.<Contact, Company>builder("phone")
            .synergy(dev.synergylink.sync.spi.SynergyMembers.CONTACT_PHONE, c -> {
              if ("Broken".equals(c.name())) {
                throw new IllegalStateException("the host's rule cannot read this phone");
              }
              return c.phone();
            })
            .tinyPlus(dev.synergylink.sync.spi.TinyPlusMembers.COMPANY_OFFICE_PHONE, Company::officePhone)
            .build())));
    f.synergy.webApp().createContact(ContactCreate.builder().name("Broken").phone("1").build());
    f.synergy.webApp().createContact(ContactCreate.builder().name("Fine").phone("2").build());

    SyncReport report = f.cycle();

    assertThat(f.tinyPlus.webApp().companies()).extracting(Company::name).containsExactly("Fine");
    assertThat(report.problems(RecordOutcome.FAILED)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("the host's rule cannot read this phone"));
  }

  @Test
  void cursorsOnlyMoveForward() {
    Cursor before = f.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, Side.SYNERGY).orElseThrow();
    linkedContact("Acme");
    Cursor after = f.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, Side.SYNERGY).orElseThrow();
    f.cycle();
    Cursor idle = f.store.cursor(Fixture.CONNECTION, RecordType.COMPANY, Side.SYNERGY).orElseThrow();

    assertThat(after).isGreaterThan(before);
    // an idle poll moves the cursor to the instant it started: the next poll's lookback reaches back from there
    assertThat(idle).isGreaterThan(after).isEqualTo(Cursor.of(f.clock.instant(), 0));
    assertThat(Instant.EPOCH).isBefore(before.modified());
  }
}
