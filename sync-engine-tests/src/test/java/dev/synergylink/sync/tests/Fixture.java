package dev.synergylink.sync.tests;

import dev.synergylink.sync.ImmutableSyncSettings;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncEngineBuilder;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Two fakes, a store, a clock and an engine over them, as a host would wire them. Public so that the regression
 * tests in other packages wire their engine the same way.
 */
public final class Fixture {
  static final String CONNECTION = "acme";

  public final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  public final SynergyFake synergy = SynergyFake.builder(clock).build();
  public final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  final InMemoryStateStore store = InMemoryStateStore.create();
  SyncSettings settings;
  public SyncEngine engine;

  public Fixture(RecordType... types) {
    settings = SyncSettings.builder()
        .connectionId(CONNECTION)
        .synergyOrganisation(synergy.organisation())
        .masterSwitch(true)
        .addEnabledTypes(types)
        .build();
    engine = engine(store);
    ContractCheck.watch(synergy, tinyPlus);
  }

  /**
   * Changes the settings and builds the engine anew on the same store.
   *
   * @param change what to change, on a builder holding the current settings
   * @return this fixture
   */
  public Fixture withSettings(UnaryOperator<ImmutableSyncSettings.Builder> change) {
    settings = change.apply(SyncSettings.builder().from(settings)).build();
    engine = engine(store);
    return this;
  }

  SyncEngine engine(StateStore stateStore) {
    return engine(stateStore, b -> b);
  }

  SyncEngine engine(StateStore stateStore, UnaryOperator<SyncEngineBuilder> custom) {
    return custom.apply(SyncEngine.builder()
            .synergy(synergy)
            .tinyPlus(tinyPlus)
            .stateStore(stateStore)
            .settings(settings)
            .clock(clock))
        .build();
  }

  /**
   * Another engine on the same fakes, settings and state store, as another worker (or the same one restarted) would
   * be built; {@code custom} may change its builder (another client, ...).
   *
   * @param custom changes to the builder
   * @return the engine
   */
  public SyncEngine worker(UnaryOperator<SyncEngineBuilder> custom) {
    return engine(store, custom);
  }

  void rebuild(UnaryOperator<SyncEngineBuilder> custom) {
    engine = engine(store, custom);
  }

  /**
   * The first cycle (it starts the cursors); a minute later a person creates a tiny+ company; another minute passes.
   *
   * @param create the company
   * @return the company created
   */
  public Company startedWithNewTinyPlusCompany(CompanyCreate create) {
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    Company company = tinyPlus.webApp().createCompany(create);
    clock.advance(Duration.ofMinutes(1));
    return company;
  }

  /**
   * Starts as {@link #startedWithNewTinyPlusCompany} does, then a cycle copies the company to Synergy and a minute
   * passes.
   *
   * @param create the company
   * @return the tiny+ company and the Synergy id of its copy
   */
  public SyncedCompany syncedTinyPlusCompany(CompanyCreate create) {
    Company company = startedWithNewTinyPlusCompany(create);
    cycle();
    clock.advance(Duration.ofMinutes(1));
    long contact = synergy.webApp().contacts().stream().filter(c -> c.name().equals(company.name())).findFirst()
        .orElseThrow().id();
    return new SyncedCompany(company, contact);
  }

  /**
   * A tiny+ company and the Synergy contact it was copied to.
   *
   * @param company the tiny+ company
   * @param synergyId the Synergy contact's id
   */
  public record SyncedCompany(Company company, long synergyId) {}

  /**
   * The first cycle (it starts the cursors); a minute later a person creates a Synergy company, which the next cycle,
   * a minute after that, copies to tiny+.
   *
   * @param name the company's name
   * @return the Synergy company's id
   */
  public long startedWithSyncedSynergyCompany(String name) {
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    long id = synergy.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder().name(name).build()).id();
    cycles(1, Duration.ofMinutes(1));
    return id;
  }

  /**
   * Cycles of the current engine, each after a pause.
   *
   * @param count how many cycles
   * @param apart the pause before each
   */
  public void cycles(int count, Duration apart) {
    for (int i = 0; i < count; i++) {
      clock.advance(apart);
      engine.syncOnce();
    }
  }

  /** A minute passes (lists catch up with their lag), then a cycle runs. */
  SyncReport cycle() {
    clock.advance(Duration.ofMinutes(1));
    return engine.syncOnce();
  }

  /** The first cycle of the enabled types: it only sets the cursors. */
  Fixture started() {
    cycle();
    return this;
  }

  void resetCounts() {
    synergy.calls().reset();
    tinyPlus.calls().reset();
    synergy.clearWrites();
    tinyPlus.clearWrites();
  }
}
