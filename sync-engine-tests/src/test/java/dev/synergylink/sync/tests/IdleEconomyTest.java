package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.tinyplus.CompanyPatch;
import org.junit.jupiter.api.Test;

class IdleEconomyTest {
  @Test
  void anIdleCycleCostsExactlyOneListCallPerEnabledTypeAndSide() {
    Fixture f = new Fixture(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT).started();
    f.synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    long company = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build()).id();
    f.synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(company).firstName("Bo").build());
    f.cycle();
    f.cycle();
    f.resetCounts();

    SyncReport report = f.cycle();

    assertThat(f.synergy.calls().asMap()).containsOnlyKeys(SynergyOperation.LIST_STAFF, SynergyOperation.LIST_CONTACTS,
        SynergyOperation.LIST_PERSONNEL);
    assertThat(f.synergy.calls().total()).isEqualTo(3);
    assertThat(f.tinyPlus.calls().asMap()).containsOnlyKeys(TinyPlusOperation.LIST_TEAM_MEMBERS,
        TinyPlusOperation.LIST_COMPANIES, TinyPlusOperation.LIST_CONTACTS);
    assertThat(f.tinyPlus.calls().total()).isEqualTo(3);
    assertThat(report.problems()).isEmpty();
    assertThat(f.tinyPlus.webApp().contacts()).hasSize(1);
  }

  @Test
  void aTinyPlusChangeCostsOneSynergyWriteAndNoReadByDefault() {
    Fixture f = new Fixture(RecordType.COMPANY).started();
    long acme = editedInTinyPlusAfterSync(f);

    f.cycle();

    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.LIST_CONTACTS, 1L),
        entry(SynergyOperation.PATCH_CONTACT, 1L));
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.LIST_COMPANIES, 1L));
    assertThat(f.synergy.webApp().contact(acme).email()).isEqualTo("info@acme.example");
  }

  @Test
  void readBeforeSynergyWriteAddsOneReadPerTinyPlusChange() {
    Fixture f = new Fixture(RecordType.COMPANY).withSettings(s -> s.readBeforeSynergyWrite(true)).started();
    editedInTinyPlusAfterSync(f);

    f.cycle();

    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.LIST_CONTACTS, 1L),
        entry(SynergyOperation.GET_CONTACT, 1L), entry(SynergyOperation.PATCH_CONTACT, 1L));
  }

  /** A Synergy company synced to tiny+, then edited there; the counts are reset. Returns the Synergy id. */
  private static long editedInTinyPlusAfterSync(Fixture f) {
    long acme = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build()).id();
    f.cycle();
    long copy = f.tinyPlus.webApp().companies().get(0).id();
    f.cycle();
    f.tinyPlus.webApp().editCompany(copy, CompanyPatch.builder().email("info@acme.example").build());
    f.resetCounts();
    return acme;
  }
}
