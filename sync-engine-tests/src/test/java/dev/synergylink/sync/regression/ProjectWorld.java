package dev.synergylink.sync.regression;

import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.ProjectPhase;
import java.time.Duration;
import java.time.Instant;

/**
 * The projects regression tests' world: two fakes, a store, a clock and an engine with the Companies and Projects
 * syncs on and the proposed status mapping; {@link #ready()} links the admins and syncs one client company.
 */
final class ProjectWorld {
  final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  final SynergyFake synergy = SynergyFake.builder(clock).build();
  final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  final InMemoryStateStore store = InMemoryStateStore.create();
  final SyncSettings settings;
  final SyncEngine engine;
  Contact client;
  Company clientCompany;

  /** The proposed status mapping. */
  ProjectWorld() {
    settings = SyncSettings.builder()
        .connectionId("acme")
        .synergyOrganisation(synergy.organisation())
        .masterSwitch(true)
        .addEnabledTypes(RecordType.COMPANY, RecordType.PROJECT)
        .activatingUser(TinyPlusFake.ADMIN_ID)
        .statusMapping(StatusMapping.proposeDefault(
            new ProjectStatusOptions(synergy.projectStatuses(), tinyPlus.webApp().phases())))
        .build();
    engine = SyncEngine.builder().synergy(synergy).tinyPlus(tinyPlus).stateStore(store).settings(settings)
        .clock(clock).build();
  }

  /** Links the admins, starts the cursors and syncs one client company. */
  ProjectWorld ready() {
    engine.linkTeamMember(SynergyFake.ADMIN_STAFF_ID, TinyPlusFake.ADMIN_ID);
    cycle();
    client = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    cycle();
    clientCompany = tinyPlus.webApp().companies().stream().filter(c -> c.name().equals("Acme Pty Ltd"))
        .findFirst().orElseThrow();
    return this;
  }

  /** A minute passes (lists catch up with their lag), then a cycle runs. */
  SyncReport cycle() {
    clock.advance(Duration.ofMinutes(1));
    return engine.syncOnce();
  }

  ProjectStatus status(String name) {
    return synergy.projectStatuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  ProjectPhase phase(String name) {
    return tinyPlus.webApp().phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
