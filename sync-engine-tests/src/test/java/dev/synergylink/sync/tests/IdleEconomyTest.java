package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.SecurityLevel;
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
}
