package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host may keep field values (personal data) out of reports and listeners. */
class ConflictValuesTest {
  @Test
  void withValuesKeptOutOfReportsAConflictNamesItsFieldAndWinnerButNoValue() {
    // Given a linked company whose phone is then edited on both sides, with values kept out of reports
    Fixture f = new Fixture(RecordType.COMPANY).withSettings(b -> b.valuesInReports(false));
    List<ResolvedConflict> heard = new ArrayList<>();
    f.rebuild(b -> b.addListener(new SyncListener() {
      @Override
      public void onConflict(ResolvedConflict conflict) {
        heard.add(conflict);
      }
    }));
    f.cycle();
    f.clock.advance(Duration.ofMinutes(1));
    Contact contact = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    f.cycle();
    Company company = f.tinyPlus.webApp().companies().get(0);
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().phone("02 1111 1111").build());
    f.clock.advance(Duration.ofSeconds(10));
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().officePhone("02 2222 2222").build());

    // When a cycle settles the conflict
    SyncReport report = f.cycle();

    // Then the newest edit still wins, and the report and the listener carry the field without values
    assertThat(f.synergy.webApp().contact(contact.id()).phone()).isEqualTo("02 2222 2222");
    assertThat(report.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.conflict().field()).isEqualTo("phone");
      assertThat(c.winner()).isEqualTo(Side.TINYPLUS);
      assertThat(c.conflict().base()).isNull();
      assertThat(c.conflict().synergyValue()).isNull();
      assertThat(c.conflict().tinyPlusValue()).isNull();
    });
    assertThat(heard).isEqualTo(report.conflicts());
    assertThat(report.toText()).contains("field phone").doesNotContain("1111").doesNotContain("2222");
  }
}
