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
import java.util.function.Function;
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
  /** The time between two Synergy calls of one organisation on this node, or null for no cap. */
  private final Duration callSpacing;
  private final Map<String, RateLimiter<Object>> limiters = new ConcurrentHashMap<>();
  private final Waiter waiter;

  /** How long {@link #pause(String)}, {@link #resume(String)} and {@link #remove(String)} wait for a run to end. */
  public static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

  /** How often a pause, resume or remove that waits for a run checks whether it ended. */
  static final Duration RUNNING_CHECK = Duration.ofMillis(200);

  /** Waits between two checks of a running connection; the tests' waiter moves their clock instead. */
  interface Waiter {
    void pause(Duration duration) throws InterruptedException;
  }

  SyncScheduler(Scheduler scheduler, CustomTask<ConnectionData> task, ConnectionRunner runner, Planner planner,
      Supplier<Instant> now, DataSource dataSource, String nodeName, Duration callSpacing, Waiter waiter) {
    this.waiter = waiter;
    this.scheduler = scheduler;
    this.task = task;
    this.runner = runner;
    this.planner = planner;
    this.now = now;
    this.dataSource = dataSource;
    this.nodeName = nodeName;
    this.callSpacing = callSpacing;
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
   * Removes a connection from the schedule, waiting up to {@link #DEFAULT_WAIT} for a run going on to end (see
   * {@link #remove(String, Duration)}).
   *
   * @param connectionId the connection
   * @return true when it was scheduled
   * @throws SyncSchedulerException when it is still running after the wait
   */
  public boolean remove(String connectionId) {
    return remove(connectionId, DEFAULT_WAIT);
  }

  /**
   * Removes a connection from the schedule. When it is running now, on any node, this waits for the run to end (the
   * run is not interrupted), up to {@code timeout}, then removes it. The connection's state store rows stay.
   *
   * @param connectionId the connection
   * @param timeout how long to wait for a run going on; zero to not wait
   * @return true when it was scheduled
   * @throws SyncSchedulerException when it is still running after {@code timeout} (nothing was changed: try again
   *     later, or with a longer timeout), or the thread was interrupted while waiting
   */
  public boolean remove(String connectionId, Duration timeout) {
    return whenNotRunning(connectionId, timeout, "removed", e -> {
      if (e == null) {
        return false;
      }
      scheduler.cancel(task.instance(connectionId));
      runner.forget(connectionId);
      return true;
    });
  }

  /**
   * Pauses a connection, waiting up to {@link #DEFAULT_WAIT} for a run going on to end (see
   * {@link #pause(String, Duration)}).
   *
   * @param connectionId the connection
   * @throws SyncSchedulerException when the connection is not scheduled, or still running after the wait
   */
  public void pause(String connectionId) {
    pause(connectionId, DEFAULT_WAIT);
  }

  /**
   * Pauses a connection: it runs no more until {@link #resume(String)}. When it is running now, on any node, this
   * waits for the run to end (the run is not interrupted), up to {@code timeout}, then pauses it.
   *
   * @param connectionId the connection
   * @param timeout how long to wait for a run going on; zero to not wait
   * @throws SyncSchedulerException when the connection is not scheduled, or still running after {@code timeout}
   *     (nothing was changed: try again later, or with a longer timeout), or the thread was interrupted while waiting
   */
  public void pause(String connectionId, Duration timeout) {
    whenNotRunning(connectionId, timeout, "paused", e -> {
      reschedule(connectionId, Planner.PAUSED_UNTIL, dataOf(connectionId, e, "paused")
          .withState(ConnectionState.PAUSED));
      return null;
    });
  }

  /**
   * Resumes a paused connection, or one that needed re-authorisation (once the user connected again), waiting up to
   * {@link #DEFAULT_WAIT} for a run going on to end (see {@link #resume(String, Duration)}).
   *
   * @param connectionId the connection
   * @throws SyncSchedulerException when the connection is not scheduled, or still running after the wait
   */
  public void resume(String connectionId) {
    resume(connectionId, DEFAULT_WAIT);
  }

  /**
   * Resumes a paused connection, or one that needed re-authorisation (once the user connected again): its next
   * run is due within the jitter, with an engine built anew by the factory. When it is running now, this waits for
   * the run to end, up to {@code timeout}.
   *
   * @param connectionId the connection
   * @param timeout how long to wait for a run going on; zero to not wait
   * @throws SyncSchedulerException when the connection is not scheduled, or still running after {@code timeout}, or
   *     the thread was interrupted while waiting
   */
  public void resume(String connectionId, Duration timeout) {
    whenNotRunning(connectionId, timeout, "resumed", e -> {
      ConnectionData data = dataOf(connectionId, e, "resumed");
      runner.forget(connectionId);
      reschedule(connectionId, planner.firstRun(now.get()), data.withState(ConnectionState.SCHEDULED));
      return null;
    });
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
   * clients the {@link EngineFactory} builds ({@code SynergyClient.builder().rateLimiter(...)}). It allows this
   * node's share of {@link SyncSchedulerBuilder#synergyCallsPerSecond(int, int)} a second per organisation, so that
   * the nodes together keep to the cluster's cap; a call waits for its turn (up to a minute).
   *
   * @param organisation the Synergy organisation
   * @return the limiter, the same one for the same organisation (case-insensitive)
   * @throws IllegalStateException when no cap was configured
   */
  public RateLimiter<Object> synergyRateLimiter(String organisation) {
    Objects.requireNonNull(organisation, "organisation == null");
    if (callSpacing == null) {
      throw new IllegalStateException("no Synergy call cap configured: set SyncScheduler.builder()"
          + ".synergyCallsPerSecond(callsPerSecond, nodes) to share a limiter per organisation");
    }
    return limiters.computeIfAbsent(organisation.toLowerCase(java.util.Locale.ROOT),
        o -> RateLimiter.<Object>smoothBuilder(callSpacing)
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

  /**
   * Runs {@code action} on the connection's execution (null when it is not scheduled) once no node runs it, checking
   * again every {@link #RUNNING_CHECK} until {@code timeout}: db-scheduler refuses to change a picked execution, and
   * a run may end on another node, so only the database can tell.
   */
  private <T> T whenNotRunning(String connectionId, Duration timeout, String what,
      Function<ScheduledExecution<Object>, T> action) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or more, was " + timeout);
    }
    Instant deadline = now.get().plus(timeout);
    while (true) {
      Optional<ScheduledExecution<Object>> execution = execution(connectionId);
      if (execution.isEmpty() || !execution.get().isPicked()) {
        try {
          return action.apply(execution.orElse(null));
        } catch (TaskInstanceCurrentlyExecutingException pickedMeanwhile) {
          continue;   // a node picked it between the read and the change: wait for that run too
        }
      }
      Duration left = Duration.between(now.get(), deadline);
      if (left.isZero() || left.isNegative()) {
        throw new SyncSchedulerException("connection '" + connectionId + "' is still running on "
            + execution.get().getPickedBy() + " after waiting " + timeout + ", so it was not " + what
            + ": try again when the run ends, or wait longer");
      }
      try {
        waiter.pause(left.compareTo(RUNNING_CHECK) < 0 ? left : RUNNING_CHECK);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncSchedulerException("interrupted while waiting for connection '" + connectionId
            + "' to finish its run, so it was not " + what, e);
      }
    }
  }

  private static ConnectionData dataOf(String connectionId, ScheduledExecution<Object> e, String what) {
    if (e == null) {
      throw new SyncSchedulerException("connection '" + connectionId + "' is not scheduled, so it cannot be " + what
          + ": add(\"" + connectionId + "\") first");
    }
    return e.getData() != null ? (ConnectionData) e.getData() : ConnectionData.fresh();
  }

  private void reschedule(String connectionId, Instant at, ConnectionData data) {
    scheduler.reschedule(task.instance(connectionId), at, data);
  }
}
