package dev.synergylink.benchmarks;

import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.time.Duration;
import java.time.Instant;

/**
 * One connection as a host wires it: the testkit's in-process fakes of Synergy and tiny+ (zero latency, calls counted
 * at the client interfaces), an in-memory state store, a manual clock and an engine with every record type enabled
 * (projects with the default status mapping and the fakes' admins as activating user). A second engine of the
 * same connection ({@link #timedEngine()}) reaches the clients and the store through a {@link Stopwatch} that times
 * the calls into them, so that the engine's own time is the cycle time without theirs. Not thread-safe.
 */
final class Connection {
  static final Instant START = Instant.parse("2026-11-30T00:00:00Z");

  final ManualClock clock = ManualClock.at(START);
  /**
   * The quota the fake reports, far above a premium plan's 60,000: linking a world of 100,000 records per type reads
   * each record once (300,000 Synergy calls), and the engine's call budget, which defaults to the reported quota,
   * would stop the setup on its first day.
   */
  static final int DAILY_QUOTA = 100_000_000;

  final SynergyFake synergy = SynergyFake.builder(clock).dailyQuota(DAILY_QUOTA).build();
  final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  final InMemoryStateStore store = InMemoryStateStore.create();
  final Stopwatch stopwatch = new Stopwatch();
  final SyncSettings settings;
  private SyncEngine engine;
  private SyncEngine timedEngine;

  /** A connection over empty fakes (each holds its admin only). */
  Connection() {
    this.settings = SyncSettings.builder()
        .connectionId("bench")
        .synergyOrganisation(synergy.organisation())
        .masterSwitch(true)
        .addEnabledTypes(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT, RecordType.PROJECT)
        .activatingUser(TinyPlusFake.ADMIN_ID)
        .statusMapping(StatusMapping.proposeDefault(new ProjectStatusOptions(synergy.projectStatuses(),
            tinyPlus.webApp().phases())))
        .build();
  }

  /** The engine over the fakes and the store as they are. */
  SyncEngine engine() {
    if (engine == null) {
      engine = engine(synergy, tinyPlus, store);
    }
    return engine;
  }

  /**
   * Another engine of the same connection whose calls into the clients and the store are timed by
   * {@link #stopwatch} (and its store calls counted): a little slower than {@link #engine()}, for the figures that
   * need the split.
   */
  SyncEngine timedEngine() {
    if (timedEngine == null) {
      timedEngine = engine(stopwatch.timed(SynergyClient.class, synergy),
          stopwatch.timed(TinyPlusClient.class, tinyPlus), stopwatch.timed(StateStore.class, store));
    }
    return timedEngine;
  }

  private SyncEngine engine(SynergyClient s, TinyPlusClient t, StateStore st) {
    return SyncEngine.builder().synergy(s).tinyPlus(t).stateStore(st).settings(settings).clock(clock)
        .holder("benchmark").build();
  }

  /** A minute passes (lists catch up with their lag), then a cycle runs. */
  SyncReport cycle() {
    clock.advance(Duration.ofMinutes(1));
    return engine().syncOnce();
  }

  /** API calls on both fakes since the last {@link #resetCounts()}. */
  long calls() {
    return synergy.calls().total() + tinyPlus.calls().total();
  }

  /** API write calls on both fakes since the last {@link #resetCounts()}. */
  long writes() {
    return synergy.calls().writes() + tinyPlus.calls().writes();
  }

  /** Zeroes the call counts and drops the fakes' write logs (which would otherwise grow with every write). */
  void resetCounts() {
    synergy.calls().reset();
    tinyPlus.calls().reset();
    synergy.clearWrites();
    tinyPlus.clearWrites();
    stopwatch.reset();
  }
}
