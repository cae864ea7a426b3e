package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.tinyplus.ProjectPhase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Found by the demo: with the proposed status mapping, Pending Invoice and Active both map to the first active
 * tiny+ phase, which reads back as Active. A Synergy project in Pending Invoice therefore never agreed with its
 * tiny+ copy, and the engine wrote the same state and phase to tiny+ every time it saw the pair, every cycle.
 */
class ProjectInAStatusSharingItsPhaseIsRewrittenEveryCycleTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final SyncEngine engine = SyncEngine.builder()
      .synergy(synergy)
      .tinyPlus(tinyPlus)
      .stateStore(InMemoryStateStore.create())
      .settings(SyncSettings.builder()
          .connectionId("acme")
          .synergyOrganisation(synergy.organisation())
          .masterSwitch(true)
          .addEnabledTypes(RecordType.COMPANY, RecordType.PROJECT)
          .activatingUser(TinyPlusFake.ADMIN_ID)
          .statusMapping(StatusMapping.proposeDefault(
              new ProjectStatusOptions(synergy.projectStatuses(), tinyPlus.webApp().phases())))
          .build())
      .clock(clock)
      .build();

  @AfterEach
  void noRequestBrokeTheContract() {
    ContractViolations.assertNone(synergy, tinyPlus);
  }

  private void cycle() {
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();
  }

  private ProjectStatus status(String name) {
    return synergy.projectStatuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aPendingInvoiceProjectWhosePhaseReadsBackAsActiveSettlesAndStaysQuiet() {
    // Given a project in Pending Invoice, whose tiny+ phase is also Active's, synced and then edited in Synergy
    engine.teamMembers().link(SynergyFake.ADMIN_STAFF_ID, TinyPlusFake.ADMIN_ID);
    cycle();
    long client = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build()).id();
    Project project = synergy.webApp().createProject(ProjectCreate.builder().name("Civic Hall")
        .statusId(status("Pending Invoice").id()).primaryContactId(client).initialFee(new BigDecimal("10")).build());
    cycle();
    cycle();
    long stage = synergy.webApp().project(project.id()).stages().get(0).id();
    synergy.webApp().changeStageFee(project.id(), stage, new BigDecimal("20"));
    cycle();
    synergy.clearWrites();
    tinyPlus.clearWrites();

    // When nobody edits anything for a few cycles
    cycle();
    cycle();
    cycle();

    // Then nothing is written to either side, and each keeps its status
    assertThat(tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(synergy.webApp().project(project.id()).statusId()).isEqualTo(status("Pending Invoice").id());
    dev.synergylink.tinyplus.Project copy = tinyPlus.webApp().projects().stream()
        .filter(p -> Long.toString(project.id()).equals(p.remoteId())).findFirst().orElseThrow();
    ProjectPhase phase = tinyPlus.webApp().phases().stream().filter(p -> p.id() == copy.phase()).findFirst()
        .orElseThrow();
    assertThat(copy.value()).isEqualByComparingTo("20");
    assertThat(phase.state()).isEqualTo(copy.state());
  }
}
