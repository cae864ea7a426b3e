package dev.synergylink.sync.scheduler;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.failsafe.RateLimiter;
import dev.synergylink.sync.scheduler.internal.ConnectionData;
import dev.synergylink.sync.scheduler.internal.ConnectionRunner;
import dev.synergylink.sync.scheduler.internal.Planner;
import dev.synergylink.sync.scheduler.internal.SchemaScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs many connections on one or several nodes (machines or JVMs) sharing one database, on
 * <a href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a>: each connection is one scheduled execution
 * in the {@code scheduled_tasks} table; whichever node picks it runs the connection's {@code syncOnce()} and plans
 * the next run from the outcome. A node that dies stops sending heartbeats; after the missed-heartbeat limit another
 * node takes its connections over (the engine's lease keeps two runs of one connection from overlapping even then).
 *
 * <pre>{@code
 * SyncScheduler scheduler = SyncScheduler.builder()
 *     .dataSource(dataSource)                       // the same PostgreSQL as the JdbcStateStore
 *     .engineFactory(connectionId -> buildEngine(connectionId))
 *     .nodeName("worker-1")
 *     .interval(Duration.ofMinutes(1))
 *     .threads(8)
 *     .build();
 * scheduler.createTableIfMissing();
 * scheduler.start();
 * scheduler.add("acme");                          // once, from any node: the database remembers it
 * }</pre>
 *
 * <p>What a run's {@link dev.synergylink.sync.SyncReport#stopCause()} does to the schedule:
 * <ul>
 *   <li>none (finished): next run after the interval;
 *   <li>AUTHENTICATION, AUTHORISATION: the connection is paused as {@link ConnectionState#NEEDS_REAUTHORISATION}
 *       (no retries) until the host calls {@link #resume(String)} after the user connected again;
 *   <li>QUOTA_SPENT: next run at the quota's reset ({@code retryAt()});
 *   <li>RATE_LIMITED, SERVICE_UNAVAILABLE, UNEXPECTED, or an exception: a backoff doubling from
 *       {@link SyncSchedulerBuilder#backoff(Duration, Duration) the first backoff} up to the longest, never earlier than
 *       the system's {@code retryAt()};
 *   <li>LEASE_LOST, or a {@link dev.synergylink.sync.LeaseHeldException}: skipped quietly, next run after the
 *       interval; SETTINGS: next run after the interval (the message says what to fix).
 * </ul>
 * Every next run gets a random jitter added, so that thousands of connections do not poll in the same second.
 *
 * <p>Thread-safe.
 */
public final class SyncScheduler implements AutoCloseable {
  /** The db-scheduler task name of the connections' executions. */
  public static final String TASK_NAME = "synergylink-sync";

  private final Scheduler scheduler;
  private final CustomTask<ConnectionData> task;
  private final ConnectionRunner runner;
  private final Planner planner;
  private final Supplier<Instant> now;
  private final DataSource dataSource;
  private final String nodeName;
  private final int callsPerSecond;
  private final Map<String, RateLimiter<Object>> limiters = new ConcurrentHashMap<>();

  SyncScheduler(Scheduler scheduler, CustomTask<ConnectionData> task, ConnectionRunner runner, Planner planner,
      Supplier<Instant> now, DataSource dataSource, String nodeName, int callsPerSecond) {
    this.scheduler = scheduler;
    this.task = task;
    this.runner = runner;
    this.planner = planner;
    this.now = now;
    this.dataSource = dataSource;
    this.nodeName = nodeName;
    this.callsPerSecond = callsPerSecond;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static SyncSchedulerBuilder builder() {
    return new SyncSchedulerBuilder();
  }

  /**
   * Creates db-scheduler's {@code scheduled_tasks} table and its indexes when missing (PostgreSQL or H2). Safe to
   * call on every start from every node. Hosts that manage their schema with Flyway or Liquibase run the script
   * {@code db/scheduler/synergylink_scheduled_tasks.sql} from this jar instead.
   *
   * @throws SyncSchedulerException when the database refuses
   */
  public void createTableIfMissing() {
    SchemaScript.run(dataSource);
  }

  /** Starts picking due connections on this node's threads. */
  public void start() {
    scheduler.start();
  }

  /**
   * Stops this node: no new run starts; runs going on finish first (up to db-scheduler's shutdown wait). The other
   * nodes take over this node's connections as they come due.
   */
  public void stop() {
    scheduler.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * This node's name, as {@link ConnectionStatus#runningOn()} shows it.
   *
   * @return the name
   */
  public String nodeName() {
    return nodeName;
  }

  /**
   * Adds a connection to the schedule (cluster-wide: once, from any node); its first run is due within the jitter.
   * Adding a connection that is already scheduled changes nothing.
   *
   * @param connectionId the connection; every node's {@link EngineFactory} must be able to build its engine
   * @return true when added, false when it was already scheduled
   */
  public boolean add(String connectionId) {
    Objects.requireNonNull(connectionId, "connectionId == null");
    return scheduler.scheduleIfNotExists(task.instance(connectionId, ConnectionData.fresh()),
        planner.firstRun(now.get()));
  }

  /**
   * Removes a connection from the schedule. A run going on finishes; the connection's state store rows stay.
   *
   * @param connectionId the connection
   * @return true when it was scheduled
   * @throws SyncSchedulerException when it is running now: try again when the run ends
   */
  public boolean remove(String connectionId) {
    Optional<ScheduledExecution<Object>> execution = execution(connectionId);
    if (execution.isEmpty()) {
      return false;
    }
    if (execution.get().isPicked()) {
      throw running(connectionId, execution.get(), "removed");
    }
    scheduler.cancel(task.instance(connectionId));
    runner.forget(connectionId);
    return true;
  }

  /**
   * Pauses a connection: it runs no more until {@link #resume(String)}.
   *
   * @param connectionId the connection
   * @throws SyncSchedulerException when the connection is not scheduled, or is running now (try again when the
   *     run ends)
   */
  public void pause(String connectionId) {
    ConnectionData data = dataOf(connectionId, "paused");
    reschedule(connectionId, Planner.PAUSED_UNTIL, data.withState(ConnectionState.PAUSED), "paused");
  }

  /**
   * Resumes a paused connection, or one that needed re-authorisation (once the user connected again): its next
   * run is due within the jitter, with an engine built anew by the factory.
   *
   * @param connectionId the connection
   * @throws SyncSchedulerException when the connection is not scheduled, or is running now
   */
  public void resume(String connectionId) {
    ConnectionData data = dataOf(connectionId, "resumed");
    runner.forget(connectionId);
    reschedule(connectionId, planner.firstRun(now.get()), data.withState(ConnectionState.SCHEDULED), "resumed");
  }

  /**
   * Every scheduled connection with its state, next run and last outcome, by connection id. Reads the database.
   *
   * @return the connections
   */
  public List<ConnectionStatus> connections() {
    List<ConnectionStatus> all = new ArrayList<>();
    scheduler.fetchScheduledExecutionsForTask(TASK_NAME, ConnectionData.class, ScheduledExecutionsFilter.all(),
        e -> all.add(status(e.getTaskInstance().getId(), e.isPicked(), e.getPickedBy(), e.getExecutionTime(),
            e.getData())));
    all.sort(Comparator.comparing(ConnectionStatus::connectionId));
    return all;
  }

  /**
   * One connection's status.
   *
   * @param connectionId the connection
   * @return the status, empty when it is not scheduled
   */
  public Optional<ConnectionStatus> status(String connectionId) {
    return execution(connectionId).map(e -> status(connectionId, e.isPicked(), e.getPickedBy(),
        e.getExecutionTime(), (ConnectionData) e.getData()));
  }

  /**
   * The rate limiter this node shares among the connections of one Synergy organisation: hand it to the Synergy
   * clients the {@link EngineFactory} builds ({@code SynergyClient.builder().rateLimiter(...)}). It allows
   * {@link SyncSchedulerBuilder#synergyCallsPerSecond(int)} calls a second per organisation on this node; for a
   * cluster-wide cap of N a second over k nodes, give each node N / k.
   *
   * @param organisation the Synergy organisation
   * @return the limiter, the same one for the same organisation (case-insensitive)
   * @throws IllegalStateException when no cap was configured
   */
  public RateLimiter<Object> synergyRateLimiter(String organisation) {
    Objects.requireNonNull(organisation, "organisation == null");
    if (callsPerSecond <= 0) {
      throw new IllegalStateException("no Synergy call cap configured: set SyncScheduler.builder()"
          + ".synergyCallsPerSecond(n) to share a limiter per organisation");
    }
    return limiters.computeIfAbsent(organisation.toLowerCase(java.util.Locale.ROOT),
        o -> RateLimiter.<Object>smoothBuilder(callsPerSecond, Duration.ofSeconds(1))
            .withMaxWaitTime(Duration.ofMinutes(1))
            .build());
  }

  /** For this package's tests, on a scheduler built with a manual clock: runs the due connections now. */
  void runDue() {
    ((com.github.kagkarlsson.scheduler.testhelper.ManualScheduler) scheduler).runAnyDueExecutions();
  }

  private ConnectionStatus status(String id, boolean picked, String pickedBy, Instant at, ConnectionData stored) {
    ConnectionData data = stored != null ? stored : ConnectionData.fresh();
    ConnectionState state = picked ? ConnectionState.RUNNING : data.state();
    return ConnectionStatus.builder()
        .connectionId(id)
        .state(state)
        .nextRunAt(state == ConnectionState.PAUSED || state == ConnectionState.NEEDS_REAUTHORISATION ? null : at)
        .runningOn(picked ? pickedBy : null)
        .lastOutcome(data.lastOutcome())
        .lastMessage(data.lastMessage())
        .lastRunAt(data.lastRunAt())
        .lastRunOn(data.lastRunOn())
        .consecutiveBackoffs(data.consecutiveBackoffs())
        .build();
  }

  private Optional<ScheduledExecution<Object>> execution(String connectionId) {
    Objects.requireNonNull(connectionId, "connectionId == null");
    return scheduler.getScheduledExecution(TaskInstanceId.of(TASK_NAME, connectionId));
  }

  private ConnectionData dataOf(String connectionId, String what) {
    ScheduledExecution<Object> e = execution(connectionId).orElseThrow(() -> new SyncSchedulerException(
        "connection '" + connectionId + "' is not scheduled, so it cannot be " + what + ": add(\"" + connectionId
            + "\") first"));
    if (e.isPicked()) {
      throw running(connectionId, e, what);
    }
    return e.getData() != null ? (ConnectionData) e.getData() : ConnectionData.fresh();
  }

  private void reschedule(String connectionId, Instant at, ConnectionData data, String what) {
    try {
      scheduler.reschedule(task.instance(connectionId), at, data);
    } catch (TaskInstanceCurrentlyExecutingException e) {
      throw new SyncSchedulerException("connection '" + connectionId + "' started running, so it cannot be " + what
          + " now: try again when the run ends", e);
    }
  }

  private static SyncSchedulerException running(String id, ScheduledExecution<Object> e, String what) {
    return new SyncSchedulerException("connection '" + id + "' is running now on " + e.getPickedBy()
        + ", so it cannot be " + what + " now: try again when the run ends");
  }
}
