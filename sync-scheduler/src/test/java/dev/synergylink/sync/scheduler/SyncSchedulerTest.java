package dev.synergylink.sync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.tinyplus.CompanyCreate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule a run's outcome leads to, on H2 with db-scheduler's manual scheduler: executions run only when the
 * test asks, on the test's thread, at the test's time. Engines on the in-process fakes.
 */
class SyncSchedulerTest {
  private static final Instant START = Instant.parse("2026-11-28T01:00:00Z");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final ManualClock clock = ManualClock.at(START);
  private final SettableClock schedulerClock = new SettableClock();
  private final Map<String, SynergyFake> synergy = new ConcurrentHashMap<>();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final AtomicInteger enginesBuilt = new AtomicInteger();
  private JdbcStateStore store;
  private SyncScheduler scheduler;
  /** What a pause, resume or remove does while it waits for a run to end; by default time passes. */
  private SyncScheduler.Waiter waiter = this::advance;
  /** When set, building an engine (inside a run, the connection picked) waits for it. */
  private volatile CountDownLatch engineGate;
  private final CountDownLatch engineWaiting = new CountDownLatch(1);

  @BeforeEach
  void start() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:scheduler" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    store = JdbcStateStore.builder().dataSource(dataSource).build();
    store.createSchemaIfMissing();
    schedulerClock.set(START);
    scheduler = SyncScheduler.builder()
        .dataSource(dataSource)
        .engineFactory(this::engine)
        .nodeName("node-a")
        .interval(Duration.ofMinutes(1))
        .jitter(Duration.ZERO)
        .backoff(Duration.ofMinutes(2), Duration.ofMinutes(5))
        .manualClock(schedulerClock)
        .waiter(d -> waiter.pause(d))
        .build();
    scheduler.createTableIfMissing();
    scheduler.createTableIfMissing(); // twice: every node runs it on start
  }

  private SyncEngine engine(String connectionId) {
    CountDownLatch gate = engineGate;
    if (gate != null) {
      engineWaiting.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    enginesBuilt.incrementAndGet();
    SynergyFake fake = synergy.computeIfAbsent(connectionId,
        id -> SynergyFake.builder(clock).organisation(id).dailyQuota(5).build());
    return SyncEngine.builder().synergy(fake).tinyPlus(tinyPlus).stateStore(store).clock(clock)
        .settings(SyncSettings.builder().connectionId(connectionId).synergyOrganisation(connectionId)
            .masterSwitch(true).addEnabledTypes(RecordType.COMPANY).build())
        .build();
  }

  private void advance(Duration d) {
    clock.advance(d);
    schedulerClock.tick(d);
  }

  private ConnectionStatus status(String id) {
    return scheduler.status(id).orElseThrow();
  }

  @Test
  void aFinishedRunIsScheduledAgainAfterTheInterval() {
    assertThat(scheduler.add("acme")).isTrue();
    assertThat(scheduler.add("acme")).as("added twice").isFalse();

    scheduler.runDue();

    ConnectionStatus acme = status("acme");
    assertThat(acme.state()).isEqualTo(ConnectionState.SCHEDULED);
    assertThat(acme.lastOutcome()).isEqualTo(RunOutcome.OK);
    assertThat(acme.lastRunOn()).isEqualTo("node-a");
    assertThat(acme.nextRunAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(scheduler.connections()).extracting(ConnectionStatus::connectionId).containsExactly("acme");
  }

  @Test
  void refusedCredentialsPauseTheConnectionUntilItIsResumed() {
    scheduler.add("acme");
    scheduler.runDue();
    synergy.get("acme").faults().onEveryOperation().answer(Fault.unauthorized());
    advance(Duration.ofMinutes(1));

    scheduler.runDue();

    ConnectionStatus acme = status("acme");
    assertThat(acme.state()).isEqualTo(ConnectionState.NEEDS_REAUTHORISATION);
    assertThat(acme.lastOutcome()).isEqualTo(RunOutcome.AUTHENTICATION);
    assertThat(acme.nextRunAt()).isNull();
    int built = enginesBuilt.get();
    advance(Duration.ofDays(1));
    scheduler.runDue();
    assertThat(enginesBuilt.get()).as("no retry storm: nothing ran").isEqualTo(built);

    synergy.get("acme").faults().clear();
    scheduler.resume("acme");
    scheduler.runDue();
    assertThat(status("acme").lastOutcome()).isEqualTo(RunOutcome.OK);
    assertThat(enginesBuilt.get()).as("the engine is built anew, with the new credentials").isEqualTo(built + 1);
  }

  @Test
  void aSpentQuotaRunsAgainAtTheReset() {
    // Given a Synergy organisation on a daily quota of five calls
    scheduler.add("acme");
    scheduler.runDue();
    // When runs go on, each when the schedule has it due (the engine spreads a small budget out) and each with a new
    // tiny+ company to create in Synergy (a write the budget does not put off, as it may a poll), until the quota
    // stops one
    for (int i = 0; i < 10 && status("acme").lastOutcome() != RunOutcome.QUOTA_SPENT; i++) {
      tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Firm " + i).build());
      advance(Duration.between(schedulerClock.now(), status("acme").nextRunAt()).plusSeconds(1));
      scheduler.runDue();
    }
    // Then the next run is at the quota's reset

    assertThat(status("acme").lastOutcome()).isEqualTo(RunOutcome.QUOTA_SPENT);
    assertThat(status("acme").nextRunAt()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
  }

  @Test
  void anOutageBacksOffDoublingUpToTheLongest() {
    scheduler.add("acme");
    scheduler.runDue();
    synergy.get("acme").faults().onEveryOperation().answer(Fault.unavailable());

    Duration[] backoffs = {Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(5)};
    for (int i = 0; i < backoffs.length; i++) {
      Instant due = status("acme").nextRunAt();
      advance(Duration.between(schedulerClock.now(), due));
      scheduler.runDue();
      assertThat(status("acme").lastOutcome()).isEqualTo(RunOutcome.SERVICE_UNAVAILABLE);
      assertThat(status("acme").nextRunAt()).as("backoff %s", i + 1)
          .isEqualTo(schedulerClock.now().plus(backoffs[i]));
    }
    assertThat(status("acme").consecutiveBackoffs()).isEqualTo(3);
  }

  @Test
  void aPausedConnectionDoesNotRunAndAnUnknownOneSaysHowToAddIt() {
    scheduler.add("acme");
    scheduler.pause("acme");
    advance(Duration.ofHours(1));

    scheduler.runDue();

    assertThat(status("acme").state()).isEqualTo(ConnectionState.PAUSED);
    assertThat(enginesBuilt.get()).isZero();
    assertThatThrownBy(() -> scheduler.pause("nobody")).isInstanceOf(SyncSchedulerException.class)
        .hasMessageContaining("add(\"nobody\") first");
    assertThat(scheduler.remove("acme")).isTrue();
    assertThat(scheduler.connections()).isEmpty();
  }

  @Test
  void connectionsOfOneOrganisationShareOneLimiter() {
    SyncScheduler capped = SyncScheduler.builder().dataSource(new JdbcDataSource()).engineFactory(this::engine)
        .synergyCallsPerSecond(5).build();

    assertThat(capped.synergyRateLimiter("Acme")).isSameAs(capped.synergyRateLimiter("acme"))
        .isNotSameAs(capped.synergyRateLimiter("other"));
    assertThatThrownBy(() -> scheduler.synergyRateLimiter("acme")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("synergyCallsPerSecond");
  }

  @Test
  void aClusterCapIsSharedOutSoThatTheNodesTogetherKeepToIt() {
    // Given a cap of 10 Synergy calls a second per organisation over a cluster of at most 4 nodes
    SyncScheduler node = SyncScheduler.builder().dataSource(new JdbcDataSource()).engineFactory(this::engine)
        .synergyCallsPerSecond(10, 4).build();

    // Then each node allows one call every 400 ms: 2.5 a second, 10 for the four
    assertThat(node.synergyRateLimiter("acme").getConfig().getMaxRate()).isEqualTo(Duration.ofMillis(400));
    assertThat(SyncScheduler.builder().dataSource(new JdbcDataSource()).engineFactory(this::engine)
        .synergyCallsPerSecond(5).build().synergyRateLimiter("acme").getConfig().getMaxRate())
        .as("one node alone").isEqualTo(Duration.ofMillis(200));
    assertThatThrownBy(() -> SyncScheduler.builder().synergyCallsPerSecond(3, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 per node (4 nodes)");
  }

  /** Starts a run of the due connections on another thread, held while it builds its engine (the run picked). */
  private Thread runHeldOpen() throws InterruptedException {
    engineGate = new CountDownLatch(1);
    Thread run = new Thread(scheduler::runDue, "run");
    run.start();
    engineWaiting.await();
    return run;
  }

  private void endRun(Thread run) throws InterruptedException {
    engineGate.countDown();
    run.join();
  }

  @Test
  void pausingARunningConnectionWaitsForItsRunToEndThenPausesIt() throws Exception {
    // Given a connection running on this node
    scheduler.add("acme");
    Thread run = runHeldOpen();
    assertThat(status("acme").state()).isEqualTo(ConnectionState.RUNNING);
    List<Duration> waits = new ArrayList<>();
    waiter = d -> {
      waits.add(d);
      endRun(run);   // the run ends while the pause waits
    };

    // When it is paused
    scheduler.pause("acme", Duration.ofMinutes(1));

    // Then the pause waited for the run, which finished, and the connection is paused
    assertThat(waits).isNotEmpty();
    ConnectionStatus acme = status("acme");
    assertThat(acme.state()).isEqualTo(ConnectionState.PAUSED);
    assertThat(acme.lastOutcome()).as("the run was not cut short").isEqualTo(RunOutcome.OK);
    assertThat(acme.nextRunAt()).isNull();
  }

  @Test
  void removingARunningConnectionWaitsForItsRunToEndThenRemovesIt() throws Exception {
    scheduler.add("acme");
    Thread run = runHeldOpen();
    waiter = d -> endRun(run);

    assertThat(scheduler.remove("acme", Duration.ofMinutes(1))).isTrue();

    assertThat(enginesBuilt.get()).as("the run went on to the end").isEqualTo(1);
    assertThat(scheduler.connections()).isEmpty();
  }

  @Test
  void aRunLongerThanTheTimeoutLeavesTheConnectionAsItWasAndSaysSo() throws Exception {
    scheduler.add("acme");
    Thread run = runHeldOpen();

    assertThatThrownBy(() -> scheduler.pause("acme", Duration.ofSeconds(5)))
        .isInstanceOf(SyncSchedulerException.class)
        .hasMessageContaining("is still running on ").hasMessageContaining("after waiting PT5S, so it was not paused");
    assertThatThrownBy(() -> scheduler.remove("acme", Duration.ZERO))
        .isInstanceOf(SyncSchedulerException.class).hasMessageContaining("was not removed");

    endRun(run);
    assertThat(status("acme").state()).isEqualTo(ConnectionState.SCHEDULED);
    assertThat(status("acme").lastOutcome()).isEqualTo(RunOutcome.OK);
  }
}
