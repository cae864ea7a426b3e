package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A linked record deleted on one side is an event of the cycle's report, not only a count. */
class OrphanEventTest {
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
  void aRecordDeletedInSynergyIsReportedWithItsTinyPlusPartnerLeftAsItIs() {
    // Given a linked company, deleted in Synergy and then edited in tiny+
    Contact contact = linkedContact("Acme");
    Company company = partnerOf(contact);
    f.synergy.webApp().deleteContact(contact.id());
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().email("x@acme.example").build());

    // When a cycle runs
    SyncReport report = f.cycle();

    // Then the report names the pair, the side it was deleted on and the partner left as it is
    assertThat(report.problems(RecordOutcome.ORPHANED)).singleElement().satisfies(e -> {
      assertThat(e.recordType()).isEqualTo(RecordType.COMPANY);
      assertThat(e.synergyId()).isEqualTo(contact.id());
      assertThat(e.tinyPlusId()).isEqualTo(company.id());
      assertThat(e.deletedSide()).isEqualTo(Side.SYNERGY);
    });
    assertThat(report.toText()).contains("orphaned: company Synergy " + contact.id() + " / tiny+ " + company.id()
        + " (deleted in Synergy): the Synergy record was deleted; its tiny+ partner " + company.id()
        + " is left as it is (nothing is recreated or deleted) and the link is orphaned");

    // And the next cycle does not report it again
    assertThat(f.cycle().problems(RecordOutcome.ORPHANED)).isEmpty();
  }

  @Test
  void aRecordDeletedInTinyPlusIsReportedWithItsSynergyPartnerLeftAsItIs() {
    // Given a linked company, deleted in tiny+ and then edited in Synergy
    Contact contact = linkedContact("Acme");
    Company company = partnerOf(contact);
    f.tinyPlus.webApp().deleteCompany(company.id());
    f.synergy.webApp().editContact(contact.id(), ContactPatch.builder().email("x@acme.example").build());

    // When cycles run until the deletion is seen
    SyncReport first = f.cycle();
    SyncReport second = f.cycle();

    // Then exactly one report names the pair, the side it was deleted on and the partner left as it is
    List<RecordEvent> orphans = new ArrayList<>(first.problems(RecordOutcome.ORPHANED));
    orphans.addAll(second.problems(RecordOutcome.ORPHANED));
    assertThat(orphans).singleElement().satisfies(e -> {
      assertThat(e.synergyId()).isEqualTo(contact.id());
      assertThat(e.tinyPlusId()).isEqualTo(company.id());
      assertThat(e.deletedSide()).isEqualTo(Side.TINYPLUS);
      assertThat(e.message()).isEqualTo("the tiny+ record was deleted; its Synergy partner " + contact.id()
          + " is left as it is (nothing is recreated or deleted) and the link is orphaned");
    });
    assertThat(first.toText() + "\n" + second.toText()).contains("orphaned: company Synergy " + contact.id()
        + " / tiny+ " + company.id() + " (deleted in tiny+)");
    assertThat(f.synergy.webApp().contacts()).extracting(Contact::id).containsExactly(contact.id());
  }
}
