package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SetupCheck;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetupAndHealthTest {
  private final Fixture f = new Fixture(RecordType.COMPANY);

  @Test
  void setupNeedsATinyPlusAccountAdminAndASynergyAdministrator() {
    assertThat(f.engine.checkSetup().ok()).isTrue();

    TeamMember user = f.tinyPlus.webApp().inviteTeamMember("Pat", "pat@firm.example");
    f.tinyPlus.webApp().actAs(user.id());
    Staff staff = f.synergy.webApp().addStaff("Pat", "Lee", "pat@firm.example", SecurityLevel.MANAGER);
    f.synergy.webApp().actAs(staff.id());
    f.resetCounts();

    SetupCheck check = f.engine.checkSetup();
    assertThat(check.ok()).isFalse();
    assertThat(check.tinyPlusAccountAdmin()).isFalse();
    assertThat(check.synergyAdministrator()).isFalse();
    assertThat(check.problems()).containsExactly(
        "You must be a tiny+ Account Admin to set up a Total Synergy integration.",
        "You must have an Administrator account in Total Synergy to connect the applications together.");
    assertThat(f.synergy.calls().total() + f.tinyPlus.calls().total()).isEqualTo(2);
    assertThat(SynergyFake.ADMIN_STAFF_ID).isNotEqualTo(staff.id());
    assertThat(TinyPlusFake.ADMIN_ID).isNotEqualTo(user.id());
  }

  @Test
  void theBuilderNamesWhatIsMissingOrInconsistent() {
    assertThatThrownBy(() -> SyncEngine.builder()
            .synergy(f.synergy).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("SyncEngine.builder() is missing tinyPlus(TinyPlusClient), stateStore(StateStore),"
            + " settings(SyncSettings)");
    f.settings = SyncSettings.builder().from(f.settings).synergyOrganisation("other-org").build();
    assertThatThrownBy(() -> f.rebuild(b -> b))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'other-org' but the Synergy client works on '" + f.synergy.organisation() + "'");
  }

  @Test
  void aLaggingSynergyListDoesNotUndoOurOwnWrite() {
    f.cycle();
    Contact contact = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    f.cycle();
    Company company = f.tinyPlus.webApp().companies().get(0);
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().email("new@acme.example").build());
    f.cycle();
    assertThat(f.synergy.webApp().contact(contact.id()).email()).isEqualTo("new@acme.example");
    f.resetCounts();

    // one second later Synergy's list still shows the version before our write
    f.clock.advance(Duration.ofSeconds(1));
    f.engine.syncOnce();
    f.clock.advance(Duration.ofSeconds(1));
    f.engine.syncOnce();

    assertThat(f.tinyPlus.webApp().company(company.id()).email()).isEqualTo("new@acme.example");
    assertThat(f.tinyPlus.writes()).isEmpty();
    assertThat(f.synergy.writes()).isEmpty();
  }

  @Test
  void listenersHearEveryRecordAndTheReport() {
    List<RecordEvent> events = new ArrayList<>();
    List<SyncReport> reports = new ArrayList<>();
    f.rebuild(b -> b.addListener(new SyncListener() {
      @Override
      public void onRecord(RecordEvent event) {
        events.add(event);
      }

      @Override
      public void onRunFinished(SyncReport report) {
        reports.add(report);
      }
    }).addListener(SyncListener.logging()));
    f.cycle();
    Contact contact = f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());

    SyncReport report = f.cycle();

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo(RecordOutcome.CREATED);
      assertThat(e.flow()).isEqualTo(Flow.SYNERGY_TO_TINYPLUS);
      assertThat(e.synergyId()).isEqualTo(contact.id());
    });
    assertThat(reports).last().isEqualTo(report);
    assertThat(f.engine.recentReports()).first().isEqualTo(report);
    assertThat(f.engine.recentReports()).hasSize(2);
    assertThat(f.engine.health().counts(RecordType.COMPANY).inSync()).isEqualTo(1);
  }
}
