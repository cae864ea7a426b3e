package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import org.junit.jupiter.api.Test;

class CompanySyncTest {
  private final Fixture f = new Fixture(RecordType.COMPANY).started();

  @Test
  void aNewSynergyContactBecomesATinyPlusCompany() {
    Contact acme = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd")
        .email("info@acme.example").abn("51 824 753 556").phone("02 9000 0000").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    assertThat(f.tinyPlus.webApp().companies()).hasSize(1);
    Company company = f.tinyPlus.webApp().companies().get(0);
    assertThat(company.name()).isEqualTo("Acme Pty Ltd");
    assertThat(company.email()).isEqualTo("info@acme.example");
    assertThat(company.officePhone()).isEqualTo("02 9000 0000");
    assertThat(company.remoteId()).isEqualTo(Long.toString(acme.id()));
    assertThat(company.externalUrl()).endsWith("/Contacts/" + acme.id());
    assertThat(company.lockedFields()).containsExactly("external_url");
  }

  @Test
  void aNewTinyPlusCompanyBecomesASynergyContact() {
    Company acme = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme Pty Ltd")
        .website("acme.example").build());

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).created()).isEqualTo(1);
    assertThat(f.synergy.webApp().contacts()).hasSize(1);
    Contact contact = f.synergy.webApp().contacts().get(0);
    assertThat(contact.name()).isEqualTo("Acme Pty Ltd");
    assertThat(contact.externalReference()).isEqualTo("tinyplus:" + acme.id());
    Company after = f.tinyPlus.webApp().company(acme.id());
    assertThat(after.externalUrl()).endsWith("/Contacts/" + contact.id());
    assertThat(after.remoteId()).isEqualTo(Long.toString(contact.id()));

    f.resetCounts();
    SyncReport idle = f.cycle();
    assertThat(f.synergy.writes()).isEmpty();
    assertThat(f.tinyPlus.writes()).isEmpty();
    assertThat(idle.apiCalls()).containsEntry(dev.synergylink.sync.Side.SYNERGY, 1)
        .containsEntry(dev.synergylink.sync.Side.TINYPLUS, 1);
  }
}
