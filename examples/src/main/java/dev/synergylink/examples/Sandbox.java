package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncEngineBuilder;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the recipes share: both systems as in-process fakes (they implement {@code SynergyClient} and
 * {@code TinyPlusClient}, so no server is needed), a state store, and the settings of one connection that syncs
 * team members, companies and contacts. A recipe builds its engine from these with its own twist.
 */
final class Sandbox {
  final Clock clock;
  final SynergyFake synergy;
  final TinyPlusFake tinyPlus;
  final InMemoryStateStore store = InMemoryStateStore.create();
  final SyncSettings settings = SyncSettings.builder()
      .connectionId("recipe")
      .synergyOrganisation(SynergyFake.DEFAULT_ORGANISATION)
      .masterSwitch(true)
      .addEnabledTypes(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT)
      .build();

  private Sandbox(Clock clock, Duration replicaLag) {
    this.clock = clock;
    this.synergy = SynergyFake.builder(clock).replicaLag(replicaLag).build();
    this.tinyPlus = TinyPlusFake.builder(clock).build();
  }

  /** A sandbox on a manual clock, moved by hand. */
  static Sandbox manual() {
    return new Sandbox(ManualClock.at(Instant.parse("2026-12-01T00:00:00Z")), SynergyFake.CONTRACT_REPLICA_LAG);
  }

  /** A sandbox on the system clock whose Synergy lists show writes at once, for recipes that run in real time. */
  static Sandbox realTime() {
    return new Sandbox(Clock.systemUTC(), Duration.ZERO);
  }

  /** An engine builder with the clients, store, settings and clock filled in. */
  SyncEngineBuilder engine() {
    return SyncEngine.builder().synergy(synergy).tinyPlus(tinyPlus).stateStore(store).settings(settings).clock(clock);
  }

  /** Lets simulated time pass, so Synergy's lagging lists show the latest writes. */
  void later() {
    if (clock instanceof ManualClock) {
      ((ManualClock) clock).advance(Duration.ofMinutes(1));
    }
  }
}
