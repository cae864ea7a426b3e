package dev.synergylink.sync.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.synergylink.sync.scheduler.internal.ConnectionData;
import dev.synergylink.sync.scheduler.internal.ConnectionRunner;
import dev.synergylink.sync.scheduler.internal.DataCodec;
import dev.synergylink.sync.scheduler.internal.Planner;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Builds a {@link SyncScheduler}: {@code SyncScheduler.builder()}. The data source and the engine factory are
 * required; everything else has a default, named on its setter. Not thread-safe.
 */
public final class SyncSchedulerBuilder {
  private DataSource dataSource;
  private EngineFactory factory;
  private String nodeName = ManagementFactory.getRuntimeMXBean().getName();
  private Duration interval = Duration.ofMinutes(1);
  private Duration jitter = Duration.ofSeconds(10);
  private Duration firstBackoff = Duration.ofMinutes(1);
  private Duration maxBackoff = Duration.ofMinutes(30);
  private Duration maxAdvisedWait = Duration.ofMinutes(15);
  private int threads = 4;
  private Duration pollingInterval = Duration.ofSeconds(10);
  private Duration heartbeatInterval = Duration.ofSeconds(30);
  private int missedHeartbeats = 4;
  private int synergyCallsPerSecond;
  private int synergyNodes = 1;
  private SettableClock manualClock;
  private SyncScheduler.Waiter waiter = d -> Thread.sleep(d.toMillis());

  SyncSchedulerBuilder() {}

  /**
   * The database holding {@code scheduled_tasks} (required): the nodes of a cluster share it, usually the same
   * PostgreSQL as the state store.
   *
   * @param dataSource a pooled data source
   * @return this builder
   */
  public SyncSchedulerBuilder dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
    return this;
  }

  /**
   * Builds a connection's engine on this node (required).
   *
   * @param factory the factory
   * @return this builder
   */
  public SyncSchedulerBuilder engineFactory(EngineFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory == null");
    return this;
  }

  /**
   * This node's name, unique in the cluster (at most 50 characters); default the JVM's {@code pid@host}.
   *
   * @param nodeName the name
   * @return this builder
   */
  public SyncSchedulerBuilder nodeName(String nodeName) {
    Objects.requireNonNull(nodeName, "nodeName == null");
    if (nodeName.isBlank() || nodeName.length() > 50) {
      throw new IllegalArgumentException("nodeName must be 1 to 50 characters (the picked_by column), was '"
          + nodeName + "'");
    }
    this.nodeName = nodeName;
    return this;
  }

  /**
   * The time from a finished run to the next; default 1 minute.
   *
   * @param interval the interval, positive
   * @return this builder
   */
  public SyncSchedulerBuilder interval(Duration interval) {
    this.interval = positive(interval, "interval");
    return this;
  }

  /**
   * At most this much random time is added to every next run, so that connections spread out; default 10 s.
   *
   * @param jitter the jitter, zero or more
   * @return this builder
   */
  public SyncSchedulerBuilder jitter(Duration jitter) {
    Objects.requireNonNull(jitter, "jitter == null");
    if (jitter.isNegative()) {
      throw new IllegalArgumentException("jitter must be zero or more, was " + jitter);
    }
    this.jitter = jitter;
    return this;
  }

  /**
   * The backoff after a rate limit, an outage, an unexpected answer or an exception: {@code first}, doubling with
   * each backoff in a row up to {@code max}; default 1 minute up to 30 minutes.
   *
   * @param first the first backoff, positive
   * @param max the longest, at least {@code first}
   * @return this builder
   */
  public SyncSchedulerBuilder backoff(Duration first, Duration max) {
    positive(first, "first");
    positive(max, "max");
    if (max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff max (" + max + ") must be at least first (" + first + ")");
    }
    this.firstBackoff = first;
    this.maxBackoff = max;
    return this;
  }

  /**
   * A run that finished is followed by the next after the {@link #interval}, or later when its report advises a later
   * run ({@code SyncReport.nextRunAdvisedAt()}: the connection's daily Synergy call budget is spread over the day), but
   * never later than this after it; default 15 minutes. A run before the advised time still brings tiny+ changes to
   * Synergy, so this bounds how long they wait.
   *
   * @param maxAdvisedWait the longest wait, positive
   * @return this builder
   */
  public SyncSchedulerBuilder maxAdvisedWait(Duration maxAdvisedWait) {
    this.maxAdvisedWait = positive(maxAdvisedWait, "maxAdvisedWait");
    return this;
  }

  /**
   * How many connections this node runs at once (db-scheduler's threads); default 4.
   *
   * @param threads at least 1
   * @return this builder
   */
  public SyncSchedulerBuilder threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
    return this;
  }

  /**
   * How often this node looks for due connections; default 10 s.
   *
   * @param pollingInterval the interval, positive
   * @return this builder
   */
  public SyncSchedulerBuilder pollingInterval(Duration pollingInterval) {
    this.pollingInterval = positive(pollingInterval, "pollingInterval");
    return this;
  }

  /**
   * How often a node marks its running connections alive, and how many missed heartbeats make a run dead so that
   * another node takes the connection over; default every 30 s, dead after 4 missed (about 2 minutes). The
   * connection's lease ({@code SyncSettings.leaseDuration()}) must also run out before another engine may run it.
   *
   * @param interval the heartbeat interval, positive
   * @param missedLimit missed heartbeats before a run is dead, at least 1
   * @return this builder
   */
  public SyncSchedulerBuilder heartbeat(Duration interval, int missedLimit) {
    this.heartbeatInterval = positive(interval, "interval");
    if (missedLimit < 1) {
      throw new IllegalArgumentException("missedLimit must be at least 1, was " + missedLimit);
    }
    this.missedHeartbeats = missedLimit;
    return this;
  }

  /**
   * A cap of Synergy calls a second per organisation on this node, shared by every connection of the
   * organisation through {@link SyncScheduler#synergyRateLimiter(String)}; default none. For a cap across a
   * cluster, use {@link #synergyCallsPerSecond(int, int)}.
   *
   * @param callsPerSecond at least 1
   * @return this builder
   */
  public SyncSchedulerBuilder synergyCallsPerSecond(int callsPerSecond) {
    return synergyCallsPerSecond(callsPerSecond, 1);
  }

  /**
   * A cap of Synergy calls a second per organisation across a cluster of at most {@code nodes} nodes: each node
   * allows its share, {@code callsPerSecond / nodes} a second (fractions kept: 10 over 4 nodes is one call every
   * 400 ms), shared by every connection of the organisation on the node through
   * {@link SyncScheduler#synergyRateLimiter(String)}; default none. Give every node the same two numbers.
   *
   * <p>Why a share per node and not one window in the database: the cap is checked before every API call, and a
   * shared window would put a database write in front of each of them (or a protocol for handing out batches of
   * calls) on the path of every sync. A fixed share needs no coordination and can never let the cluster exceed the
   * cap while at most {@code nodes} nodes run; the price is that a node alone cannot use the idle nodes' shares.
   * Count every node that may run at once, spares included. Synergy's own answer to too many calls (429 with
   * {@code Retry-After}) stays the backstop: the run backs off.
   *
   * @param callsPerSecond the organisation's calls a second across the cluster, at least {@code nodes}
   * @param nodes the most nodes that run at once, at least 1
   * @return this builder
   */
  public SyncSchedulerBuilder synergyCallsPerSecond(int callsPerSecond, int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, was " + nodes);
    }
    if (callsPerSecond < nodes) {
      throw new IllegalArgumentException("synergyCallsPerSecond must be at least 1 per node (" + nodes
          + " nodes), was " + callsPerSecond);
    }
    this.synergyCallsPerSecond = callsPerSecond;
    this.synergyNodes = nodes;
    return this;
  }

  /** For this package's tests: what a pause, resume or remove does while it waits for a run to end. */
  SyncSchedulerBuilder waiter(SyncScheduler.Waiter waiter) {
    this.waiter = waiter;
    return this;
  }

  /** For this package's tests: a db-scheduler whose executions run only when the test asks, on its thread. */
  SyncSchedulerBuilder manualClock(SettableClock clock) {
    this.manualClock = clock;
    return this;
  }

  /**
   * The scheduler; call {@link SyncScheduler#start()} to run connections.
   *
   * @return the scheduler
   * @throws IllegalStateException naming what is missing
   */
  public SyncScheduler build() {
    List<String> missing = new ArrayList<>();
    if (dataSource == null) {
      missing.add("dataSource(DataSource)");
    }
    if (factory == null) {
      missing.add("engineFactory(EngineFactory)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("SyncScheduler.builder() is missing " + String.join(", ", missing));
    }
    Supplier<Instant> now = manualClock != null ? manualClock::now : new SystemClock()::now;
    Planner planner = new Planner(interval, jitter, firstBackoff, maxBackoff, maxAdvisedWait,
        bound -> ThreadLocalRandom.current().nextLong(bound));
    ConnectionRunner runner = new ConnectionRunner(factory, planner, now, nodeName);
    CustomTask<ConnectionData> task = Tasks.custom(SyncScheduler.TASK_NAME, ConnectionData.class)
        .onDeadExecutionRevive()
        .onFailureReschedule(Schedules.fixedDelay(firstBackoff))
        .execute((instance, context) -> {
          ConnectionData previous = instance.getData() != null ? instance.getData() : ConnectionData.fresh();
          Planner.Plan plan = runner.run(instance.getId(), previous);
          return (CompletionHandler<ConnectionData>) (complete, operations) ->
              operations.reschedule(complete, plan.nextRunAt(), plan.data());
        });
    Scheduler scheduler;
    if (manualClock != null) {
      TestHelper.ManualSchedulerBuilder manual = TestHelper.createManualScheduler(dataSource, task)
          .clock(manualClock);
      manual.serializer(new DataCodec());
      scheduler = manual.build();
    } else {
      SchedulerBuilder b = Scheduler.create(dataSource, task)
          .serializer(new DataCodec())
          .schedulerName(new SchedulerName.Fixed(nodeName))
          .threads(threads)
          .pollingInterval(pollingInterval)
          .heartbeatInterval(heartbeatInterval)
          .missedHeartbeatsLimit(missedHeartbeats)
          .failureLogging(LogLevel.DEBUG, false)
          .shutdownMaxWait(Duration.ofMinutes(1));
      scheduler = b.build();
    }
    return new SyncScheduler(scheduler, task, runner, planner, now, dataSource, nodeName,
        synergyCallsPerSecond <= 0 ? null : Duration.ofSeconds(synergyNodes).dividedBy(synergyCallsPerSecond), waiter);
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }
}
