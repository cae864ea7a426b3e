package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.CallBudgetSpentException;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.SyncSettingsException;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallBudgetTest {
  /**
   * The Synergy calls of a tiny+ company's create retried after a 503: the look-ups before it (the open intent's
   * marker, a match by natural key before any transfer has run) and the create.
   */
  private static final int RETRY_CALLS = 4;

  @Test
  void aRunStopsBeforeItWouldPassTheDailyBudgetAndGoesOnAfterTheReset() {
    // Given a budget of 5 Synergy calls a day, and 8 new tiny+ companies to create in Synergy
    Fixture f = new Fixture(RecordType.COMPANY).withSettings(s -> s.dailySynergyCallBudget(5)).started();
    for (int i = 0; i < 8; i++) {
      f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Company " + i).build());
    }
    f.synergy.calls().reset();

    // When a run syncs them
    SyncReport report = f.cycle();

    // Then it stopped at the budget, before Synergy could answer 429, and says when to run again
    assertThat(f.synergy.calls().total()).isEqualTo(5);
    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.QUOTA_SPENT);
    assertThat(report.stopCause().exception()).isInstanceOf(CallBudgetSpentException.class);
    Instant reset = Instant.parse("2026-11-29T00:00:00Z");
    assertThat(report.stopCause().retryAt()).isEqualTo(reset);
    assertThat(report.synergyCallsLeftToday()).isZero();
    assertThat(report.nextRunAdvisedAt()).isEqualTo(reset);
    assertThat(f.cycle().stopCause().exception()).isInstanceOf(CallBudgetSpentException.class);
    assertThat(f.synergy.calls().total()).isEqualTo(5);

    // and after each reset the next runs go on, until every company is created once
    int createdFirstDay = f.synergy.webApp().contacts().size();
    for (int day = 0; day < 4; day++) {
      f.clock.setTo(reset.plus(Duration.ofDays(day)).plus(Duration.ofHours(8)));
      f.engine.syncOnce();
      f.cycle();
    }
    assertThat(createdFirstDay).isLessThan(8);
    assertThat(f.synergy.webApp().contacts()).hasSize(8)
        .extracting(dev.synergylink.synergy.Contact::name).doesNotHaveDuplicates();
  }

  @Test
  void whatOneEngineSpentIsLeftOutOfTheNextEnginesBudget() {
    // Given a budget of 100 calls, and a run of one engine that created a company in Synergy
    Fixture f = new Fixture(RecordType.COMPANY).withSettings(s -> s.dailySynergyCallBudget(100)).started();
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build());
    f.synergy.calls().reset();
    SyncReport first = f.cycle();
    long spent = f.synergy.calls().total();
    assertThat(first.synergyCallsLeftToday()).isEqualTo(100 - spent);

    // When another engine (another worker) runs the connection on the same store
    f.withSettings(s -> s);
    f.clock.advance(Duration.ofHours(1));
    SyncReport second = f.engine.syncOnce();

    // Then its budget is what the first left
    assertThat(second.synergyCallsLeftToday()).isEqualTo(100 - f.synergy.calls().total());
    assertThat(f.synergy.calls().total()).isGreaterThan(spent);
  }

  @Test
  void anIdleCycleUnderABudgetWritesOnlyItsLeaseAndCursorsAndWhatItSpentIsStillSeen() {
    // Given a budget of 10,000 calls (every type polled at every run), two types synced and idle, the store's
    // changes watched
    Fixture f = new Fixture(RecordType.COMPANY, RecordType.CONTACT)
        .withSettings(s -> s.dailySynergyCallBudget(10_000)).started();
    StoreWrites writes = new StoreWrites(f.store);
    f.rebuild(b -> b.stateStore(writes.store));
    f.cycle();
    long spentBefore = f.synergy.calls().total();
    writes.take();

    // When an idle cycle runs
    SyncReport idle = f.cycle();

    // Then it writes the lease and both types' cursors, nothing else: its spend goes with the lease's release
    assertThat(writes.take()).containsExactly("acquireLease", "saveCursor", "saveCursor", "saveCursor", "saveCursor",
        "releaseLease");
    assertThat(idle.synergyCallsLeftToday()).isEqualTo(10_000 - f.synergy.calls().total());
    // and another worker's budget starts from what it left
    f.withSettings(s -> s);
    SyncReport next = f.cycle();
    assertThat(next.synergyCallsLeftToday()).isEqualTo(10_000 - f.synergy.calls().total());
    assertThat(f.synergy.calls().total()).isEqualTo(spentBefore + 4);
  }

  @Test
  void aBudgetThatAllowsOnlyTheKnownWritesSpendsItOnThemAndThePollsOfOtherTypesWait() {
    // Given staff and companies synced, a tiny+ company whose create in Synergy failed (503), its retry now due,
    // and the staff sync just started (its first poll due at this run)
    Fixture f = new Fixture(RecordType.COMPANY).withSettings(s -> s.dailySynergyCallBudget(10_000)).started();
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build());
    f.synergy.faults().on(SynergyOperation.CREATE_CONTACT).times(1).answer(Fault.unavailable());
    f.withSettings(s -> s.addEnabledTypes(RecordType.TEAM_MEMBER));
    f.cycle();
    assertThat(f.synergy.webApp().contacts()).isEmpty();
    f.clock.advance(Duration.ofMinutes(10));
    // and a budget that leaves today exactly what the company's retry needs
    long spent = f.synergy.calls().total();
    f.withSettings(s -> s.dailySynergyCallBudget((int) spent + RETRY_CALLS));
    f.synergy.calls().reset();

    // When a run starts
    SyncReport report = f.cycle();

    // Then the retry's writes are made, and the staff poll (a type before companies) waits for the reset: the run
    // stops there, the budget spent, and the report says when the next run is worth making
    assertThat(f.synergy.webApp().contacts()).extracting(dev.synergylink.synergy.Contact::name).containsExactly("Acme");
    assertThat(f.synergy.calls().count(SynergyOperation.LIST_STAFF)).isZero();
    assertThat(f.synergy.calls().total()).isEqualTo(RETRY_CALLS);
    Instant reset = Instant.parse("2026-11-29T00:00:00Z");
    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.QUOTA_SPENT);
    assertThat(report.stopCause().retryAt()).isEqualTo(reset);
    assertThat(report.synergyCallsLeftToday()).isZero();
    assertThat(report.nextRunAdvisedAt()).isEqualTo(reset);
  }

  @Test
  void aCallTheSynergyClientRetriedCountsEachAttemptAgainstTheBudget() {
    // Given the engine on the real Synergy client over HTTP (its retries its own), a budget of 10,000 calls, and a
    // companies sync that has run
    ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
    SynergyFake synergy = SynergyFake.builder(clock).build();
    try (SynergyHttpFakeServer server = SynergyHttpFakeServer.start(synergy);
        SynergyClient http = SynergyClient.builder().baseUrl(server.baseUrl()).organisation(synergy.organisation())
            .apiKey(server.apiKey()).clock(clock).sleeper(wait -> { }).build()) {
      SyncEngine engine = SyncEngine.builder().synergy(http).tinyPlus(TinyPlusFake.builder(clock).build())
          .stateStore(InMemoryStateStore.create()).clock(clock)
          .settings(SyncSettings.builder().connectionId("acme").synergyOrganisation(synergy.organisation())
              .masterSwitch(true).addEnabledTypes(RecordType.COMPANY).dailySynergyCallBudget(10_000).build())
          .build();
      engine.syncOnce();
      clock.advance(Duration.ofMinutes(1));
      SyncReport before = engine.syncOnce();
      assertThat(before.apiCalls()).containsEntry(Side.SYNERGY, 1);

      // When Synergy answers the next list call 503, and the client's retry 200
      synergy.faults().on(SynergyOperation.LIST_CONTACTS).times(1).answer(Fault.unavailable());
      clock.advance(Duration.ofMinutes(1));
      SyncReport retried = engine.syncOnce();

      // Then both requests count against the budget, as Synergy's quota counts them
      assertThat(retried.stopCause()).isNull();
      assertThat(retried.apiCalls()).containsEntry(Side.SYNERGY, 2);
      assertThat(retried.synergyCallsLeftToday()).isEqualTo(before.synergyCallsLeftToday() - 2);
    }
  }

  @Test
  void withoutABudgetSetTheQuotaSynergyReportsIsTheBudget() {
    Fixture f = new Fixture(RecordType.COMPANY).started();
    f.cycle(); // the first run that calls Synergy sees its quota

    SyncReport report = f.cycle();

    long limit = f.synergy.lastQuota().orElseThrow().limit();
    assertThat(report.synergyCallsLeftToday()).isEqualTo(f.synergy.lastQuota().orElseThrow().remaining())
        .isLessThan(limit);
    assertThat(report.nextRunAdvisedAt()).as("a premium quota polls every type at every run")
        .isEqualTo(report.finishedAt());
  }

  @Test
  void aBudgetBelowOneIsRefusedNamingTheSetting() {
    SyncSettingsException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> SyncSettings.builder()
        .connectionId("acme").synergyOrganisation("acme").dailySynergyCallBudget(0).build(),
        SyncSettingsException.class);

    assertThat(e.getMessage()).contains("dailySynergyCallBudget must be at least 1");
  }
}
