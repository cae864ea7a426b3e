package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The incremental cycle matches an unlinked record with an unlinked record of the other side by natural key (ABN,
 * email, name; a key must name exactly one record) before it creates anything, like the manual controls do.
 */
class NaturalKeyMatchingTest {
  @Test
  void aTinyPlusCompanyIsLinkedToTheSynergyContactWithItsAbnInsteadOfCopied() {
    Fixture f = new Fixture(RecordType.COMPANY).started();
    Contact synergyAcme = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd")
        .abn("51 824 753 556").phone("02 9000 0000").build());
    f.clock.advance(Duration.ofSeconds(10));
    Company tinyAcme = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("ACME")
        .abn("51824753556").website("acme.example").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).linked()).isEqualTo(1);
    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).created()).isZero();
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isZero();
    assertThat(f.synergy.webApp().contacts()).hasSize(1);
    assertThat(f.tinyPlus.webApp().companies()).hasSize(1);
    Company linked = f.tinyPlus.webApp().company(tinyAcme.id());
    assertThat(linked.remoteId()).isEqualTo(Long.toString(synergyAcme.id()));
    // each side fills what only it held; where both hold different values the conflict policy settles it (the
    // newer record wins) and the losing value is kept in the report
    assertThat(linked.officePhone()).isEqualTo("02 9000 0000");
    assertThat(f.synergy.webApp().contact(synergyAcme.id()).website()).isEqualTo("acme.example");
    assertThat(f.synergy.webApp().contact(synergyAcme.id()).name()).isEqualTo("ACME");
    assertThat(report.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.conflict().field()).isEqualTo("name");
      assertThat(c.winner()).isEqualTo(Side.TINYPLUS);
      assertThat(c.losingValue()).isEqualTo("Acme Pty Ltd");
    });

    f.resetCounts();
    f.cycle();
    assertThat(f.synergy.writes()).isEmpty();
    assertThat(f.tinyPlus.writes()).isEmpty();
    // once linked, nothing is matched again: the idle cycle is one list call per side
    assertThat(f.synergy.calls().total()).isEqualTo(1);
    assertThat(f.tinyPlus.calls().total()).isEqualTo(1);
  }

  @Test
  void aNewSynergyContactIsLinkedToTheUnlinkedTinyPlusCompanyWithItsEmail() {
    Fixture f = new Fixture(RecordType.COMPANY);
    Company existing = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Beta Co")
        .email("hi@beta.example").build());
    f.started();
    Contact beta = f.synergy.webApp().createContact(ContactCreate.builder().name("Beta").email("Hi@Beta.example")
        .build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).linked()).isEqualTo(1);
    assertThat(f.tinyPlus.webApp().companies()).hasSize(1);
    assertThat(f.synergy.webApp().contacts()).hasSize(1);
    assertThat(f.tinyPlus.webApp().company(existing.id()).remoteId()).isEqualTo(Long.toString(beta.id()));
    assertThat(f.tinyPlus.webApp().company(existing.id()).name()).isEqualTo("Beta");
  }

  @Test
  void anEditMadeToTheOtherRecordAfterwardsIsNotLostWhenTheyAreMatchedByKey() {
    Fixture f = new Fixture(RecordType.COMPANY);
    Contact existing = f.synergy.webApp().createContact(ContactCreate.builder().name("Kappa")
        .email("k@kappa.example").phone("02 1111 1111").build());
    f.started();
    Company fresh = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Kappa").email("K@kappa.example")
        .officePhone("02 2222 2222").build());
    f.clock.advance(Duration.ofSeconds(10));
    f.synergy.webApp().editContact(existing.id(), ContactPatch.builder().phone("02 3333 3333").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).linked()).isEqualTo(1);
    assertThat(f.synergy.webApp().contact(existing.id()).phone()).isEqualTo("02 3333 3333");
    assertThat(f.tinyPlus.webApp().company(fresh.id()).officePhone()).isEqualTo("02 3333 3333");
    assertThat(report.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.winner()).isEqualTo(Side.SYNERGY);
      assertThat(c.losingValue()).isEqualTo("02 2222 2222");
    });
  }

  @Test
  void aKeyThatNamesTwoRecordsMatchesNeitherAndTheRecordIsCreated() {
    Fixture f = new Fixture(RecordType.COMPANY);
    Company first = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Gamma Studio").build());
    Company second = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("gamma studio").build());
    f.started();
    f.synergy.webApp().createContact(ContactCreate.builder().name("Gamma Studio").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).linked()).isZero();
    assertThat(f.tinyPlus.webApp().companies()).hasSize(3);
    assertThat(f.tinyPlus.webApp().company(first.id()).remoteId()).isNull();
    assertThat(f.tinyPlus.webApp().company(second.id()).remoteId()).isNull();
  }

  @Test
  void aRecordIsMatchedOnceThoughTwoNewRecordsShareItsKey() {
    Fixture f = new Fixture(RecordType.COMPANY);
    Company delta = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Delta").build());
    f.started();
    f.synergy.webApp().createContact(ContactCreate.builder().name("Delta").build());
    f.synergy.webApp().createContact(ContactCreate.builder().name("DELTA").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).linked()).isEqualTo(1);
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    assertThat(f.tinyPlus.webApp().companies()).hasSize(2);
    assertThat(f.tinyPlus.webApp().company(delta.id()).remoteId()).isNotNull();
  }

  @Test
  void aRecordMarkedAsAnotherRecordsCopyIsNeverMatchedByKey() {
    Fixture f = new Fixture(RecordType.COMPANY);
    Contact original = f.synergy.webApp().createContact(ContactCreate.builder().name("Omega").build());
    // the copy of the original whose link was lost: only its marker may link it
    Company copy = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Omega")
        .remoteId(Long.toString(original.id())).syncOrigin(f.settings.syncOrigin()).isSynced(true).build());
    f.started();
    Contact namesake = f.synergy.webApp().createContact(ContactCreate.builder().name("OMEGA").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    assertThat(f.tinyPlus.webApp().company(copy.id()).remoteId()).isEqualTo(Long.toString(original.id()));
    assertThat(f.tinyPlus.webApp().companies()).extracting(Company::remoteId)
        .containsExactlyInAnyOrder(Long.toString(original.id()), Long.toString(namesake.id()));
  }

  @Test
  void aNewTinyPlusContactIsLinkedToThePersonnelWithItsEmail() {
    Fixture f = new Fixture(RecordType.COMPANY, RecordType.CONTACT).started();
    Contact acme = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    f.cycle();
    long company = f.tinyPlus.webApp().companies().get(0).id();
    Personnel bo = f.synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(acme.id())
        .firstName("Bo").lastName("Ng").email("bo@acme.example").build());
    long tinyBo = f.tinyPlus.webApp().createContact(dev.synergylink.tinyplus.ContactCreate.builder().firstName("Bo")
        .lastName("Ng").emailAddress("BO@acme.example").primaryCompany(company).build()).id();

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.CONTACT, Flow.TINYPLUS_TO_SYNERGY).linked()).isEqualTo(1);
    assertThat(f.synergy.webApp().personnel()).hasSize(1);
    assertThat(f.tinyPlus.webApp().contacts()).hasSize(1);
    assertThat(f.tinyPlus.webApp().contact(tinyBo).remoteId()).isEqualTo(Long.toString(bo.id()));
  }

  @Test
  void theCycleMatchesNewStaffWithTeamMembersByEmailOnlyNeverByName() {
    Fixture f = new Fixture(RecordType.TEAM_MEMBER);
    TeamMember namesake = f.tinyPlus.webApp().inviteTeamMember("Ada Lovelace", "ada@home.example");
    f.started();
    Staff ada = f.synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);

    f.cycle();

    assertThat(f.tinyPlus.webApp().teamMember(namesake.id()).remoteId()).isNull();
    assertThat(f.tinyPlus.webApp().teamMembers()).extracting(TeamMember::remoteId)
        .contains(Long.toString(ada.id()));
  }

  @Test
  void theOtherSideIsListedOncePerCycleForAllItsUnmatchedRecords() {
    Fixture f = new Fixture(RecordType.COMPANY);
    Contact one = f.synergy.webApp().createContact(ContactCreate.builder().name("One").build());
    Contact two = f.synergy.webApp().createContact(ContactCreate.builder().name("Two").build());
    f.started();
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("one").build());
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("TWO").build());
    f.resetCounts();

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).linked()).isEqualTo(2);
    assertThat(f.synergy.webApp().contacts()).hasSize(2).extracting(Contact::id)
        .containsExactlyInAnyOrder(one.id(), two.id());
    // the poll, one marker look-up per new tiny+ company, and one listing of the unlinked contacts for both
    assertThat(f.synergy.calls().count(SynergyOperation.LIST_CONTACTS)).isEqualTo(1 + 2 + 1);
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.LIST_COMPANIES)).isEqualTo(1);
  }

  @Test
  void aValueEmptiedBeforeTheFirstMergeOfTwoMatchedRecordsCompletesIsAnEdit() {
    Fixture f = new Fixture(RecordType.COMPANY).started();
    // two people enter the same company with different websites; tiny+ answers the first write that aligns them
    // (its markers) with 429, which stops the run before the website is sent to Synergy
    Contact synergyAcme = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd")
        .abn("51 824 753 556").website("https://synergy.example").build());
    f.clock.advance(Duration.ofSeconds(10));
    Company tinyAcme = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme Pty Ltd")
        .abn("51824753556").website("https://tinyplus.example").build());
    f.tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).times(10)
        .answer(dev.synergylink.sync.testkit.Fault.rateLimited());
    f.cycle();
    f.tinyPlus.faults().clear();
    assertThat(f.synergy.webApp().contact(synergyAcme.id()).website()).isEqualTo("https://synergy.example");

    assertThat(f.tinyPlus.webApp().company(tinyAcme.id()).website()).isEqualTo("https://tinyplus.example");

    // then the tiny+ person empties the website: the latest edit of the field on either side
    f.clock.advance(Duration.ofMinutes(1));
    f.tinyPlus.webApp().editCompany(tinyAcme.id(), dev.synergylink.tinyplus.CompanyPatch.builder().website(null)
        .build());
    f.cycles(3, Duration.ofMinutes(20));

    assertThat(f.tinyPlus.webApp().company(tinyAcme.id()).website()).isNull();
    assertThat(f.synergy.webApp().contact(synergyAcme.id()).website()).isNull();
  }
}
