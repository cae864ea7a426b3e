package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.CompanyCreate;
import org.junit.jupiter.api.Test;

/** The demo's final check: it must fail when the sides differ, or the demo's exit status proves nothing. */
class AgreementCheckTest {
  @Test
  void synergyEditNotYetSyncedIsADifference() {
    Sandbox sandbox = Sandbox.manual();
    Contact contact = sandbox.synergy.webApp().createContact(ContactCreate.builder().name("Katoomba Council")
        .email("info@katoomba.nsw.gov.au").build());
    sandbox.later();
    SyncEngine engine = sandbox.engine().build();
    engine.createGhostTeamMembers();
    engine.syncOnce();
    engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    AgreementCheck check = new AgreementCheck(sandbox.synergy, sandbox.tinyPlus, sandbox.store, sandbox.settings);
    assertThat(check.run().differences).as("after download all").isEmpty();

    sandbox.synergy.webApp().editContact(contact.id(), ContactPatch.builder().email("council@katoomba.nsw.gov.au")
        .build());

    AgreementCheck.Result result = check.run();
    assertThat(result.agree()).isFalse();
    assertThat(result.differences).singleElement().asString()
        .contains("email is 'council@katoomba.nsw.gov.au' in Synergy but 'info@katoomba.nsw.gov.au' in tiny+");
  }

  @Test
  void aRecordOnOneSideOnlyIsADifference() {
    Sandbox sandbox = Sandbox.manual();
    sandbox.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Dubbo Builders").build());

    AgreementCheck.Result result = new AgreementCheck(sandbox.synergy, sandbox.tinyPlus, sandbox.store,
        sandbox.settings).run();

    assertThat(result.agree()).isFalse();
    assertThat(result.differences).anySatisfy(d -> assertThat(d).contains("COMPANY tiny+", "on one side only"));
  }
}
