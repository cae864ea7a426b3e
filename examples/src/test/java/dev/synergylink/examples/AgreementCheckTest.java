package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.TeamMember;
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
    engine.teamMembers().createGhosts();
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
    assertThat(result.differences).anySatisfy(d -> assertThat(d).contains("company tiny+", "on one side only"));
  }

  @Test
  void aFieldTheEngineReportedAsNotSyncedIsListedWithItsReasonNotAsADifference() {
    Sandbox sandbox = Sandbox.manual();
    Staff staff = sandbox.synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    TeamMember user = sandbox.tinyPlus.webApp().inviteTeamMember("Ada Lovelace", "ada@home.example");
    sandbox.later();
    SyncEngine engine = sandbox.engine().build();
    SyncReport linked = engine.teamMembers().link(staff.id(), user.id());
    engine.teamMembers().createGhosts();
    AgreementCheck check = new AgreementCheck(sandbox.synergy, sandbox.tinyPlus, sandbox.store, sandbox.settings);
    assertThat(check.run().differences).as("without the report").singleElement().asString()
        .contains("email is 'ada@firm.example' in Synergy but 'ada@home.example' in tiny+");

    AgreementCheck.Result result = check.reportedNotSynced(linked.problems(RecordOutcome.FIELD_NOT_SYNCED)).run();

    assertThat(result.agree()).isTrue();
    assertThat(result.reported).singleElement().asString().contains("email", "active team member's email");
  }
}
