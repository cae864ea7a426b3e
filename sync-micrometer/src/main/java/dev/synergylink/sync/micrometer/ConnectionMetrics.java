package dev.synergylink.sync.micrometer;

import dev.synergylink.sync.HealthCounts;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncHealth;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.SynergyClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The meters of one connection: a {@link SyncListener} to add to the connection's engine (see {@link SyncMetrics} for
 * the meters and their tags). Made by {@link SyncMetrics#connection(String)}.
 *
 * <p><b>Freshness.</b> {@value #UNSYNCED_AGE} is how long ago the last {@code syncOnce()} that finished without a
 * stop cause started, by the clock given to {@link SyncMetrics#create(MeterRegistry, Clock)}. A cycle that finishes
 * has picked up every change made before it started (its cursors moved past them), so no change older than this
 * gauge is still waiting, except the records counted failing or excluded, and except what a system's list lag
 * (Synergy's read replica) hid from the cycle. The events carry no edit time, so this is an upper bound on the age
 * of the oldest unsynced change, not its exact age: it grows while runs keep stopping (quota, outage, revoked
 * credentials) and drops to the cycle's length after each finished cycle. NaN until this node sees a finished
 * cycle of the connection; a connection run by another node shows this node's last cycle only.
 *
 * <p>Thread-safe.
 */
public final class ConnectionMetrics implements SyncListener {
  /** The run timer's name. */
  public static final String RUNS = "synergylink.runs";
  /** The API calls counter's name. */
  public static final String API_CALLS = "synergylink.api.calls";
  /** The per-record outcome counter's name. */
  public static final String RECORDS = "synergylink.records";
  /** The writes counter's name. */
  public static final String WRITES = "synergylink.writes";
  /** The conflicts counter's name. */
  public static final String CONFLICTS = "synergylink.conflicts";
  /** The failing records gauge's name. */
  public static final String FAILING = "synergylink.records.failing";
  /** The excluded records gauge's name. */
  public static final String EXCLUDED = "synergylink.records.excluded";
  /** The orphaned links gauge's name. */
  public static final String ORPHANED = "synergylink.records.orphaned";
  /** The pairs-in-sync gauge's name. */
  public static final String IN_SYNC = "synergylink.records.in.sync";
  /** The daily quota gauge's name. */
  public static final String QUOTA_LIMIT = "synergylink.quota.limit";
  /** The calls-left gauge's name. */
  public static final String QUOTA_REMAINING = "synergylink.quota.remaining";
  /** The calls-spent-today gauge's name. */
  public static final String QUOTA_SPENT = "synergylink.quota.spent";
  /** The freshness gauge's name. */
  public static final String UNSYNCED_AGE = "synergylink.unsynced.age.max";

  static final String TAG_CONNECTION = "connection";

  private final MeterRegistry registry;
  private final Clock clock;
  private final String connectionId;
  private final Tags tags;
  private final AtomicReference<Instant> lastFinishedCycleStart = new AtomicReference<>();
  private final Map<RecordType, AtomicInteger[]> health = new EnumMap<>(RecordType.class);
  private volatile Supplier<SyncHealth> healthSource;

  ConnectionMetrics(MeterRegistry registry, Clock clock, String connectionId) {
    this.registry = registry;
    this.clock = clock;
    this.connectionId = connectionId;
    this.tags = Tags.of(TAG_CONNECTION, connectionId);
    TimeGauge.builder(UNSYNCED_AGE, this, TimeUnit.SECONDS, ConnectionMetrics::unsyncedAgeSeconds)
        .tags(tags)
        .description("Upper bound on the age of the oldest change not yet synced: time since the start of the"
            + " last cycle that finished")
        .register(registry);
  }

  /**
   * The connection id these meters carry.
   *
   * @return the id
   */
  public String connectionId() {
    return connectionId;
  }

  /**
   * Reports Synergy's daily quota from this client's last answer ({@link SynergyClient#lastQuota()}) as gauges.
   *
   * @param synergy the connection's Synergy client
   * @return this
   */
  public ConnectionMetrics synergy(SynergyClient synergy) {
    Objects.requireNonNull(synergy, "synergy == null");
    Tags quotaTags = tags.and("system", "synergy");
    quotaGauge(QUOTA_LIMIT, synergy, quotaTags, Quota::limit, "Synergy's daily call quota");
    quotaGauge(QUOTA_REMAINING, synergy, quotaTags, Quota::remaining, "Synergy calls left until the reset");
    quotaGauge(QUOTA_SPENT, synergy, quotaTags, q -> q.limit() - q.remaining(), "Synergy calls spent today");
    return this;
  }

  /**
   * Reads the connection's health after each run for the failing, excluded, orphaned and in-sync gauges; usually
   * {@code engine::health} (one read of the state store per run, no API call).
   *
   * @param source the health source
   * @return this
   */
  public ConnectionMetrics health(Supplier<SyncHealth> source) {
    this.healthSource = Objects.requireNonNull(source, "source == null");
    return this;
  }

  @Override
  public void onRecord(RecordEvent event) {
    Tags recordTags = tags.and("type", name(event.recordType()), "system", name(event.flow().target()),
        "outcome", name(event.outcome()));
    Counter.builder(RECORDS).tags(recordTags).description("Records by outcome").register(registry).increment();
    if (event.outcome() == RecordOutcome.CREATED || event.outcome() == RecordOutcome.LINKED
        || event.outcome() == RecordOutcome.UPDATED) {
      Counter.builder(WRITES).tags(recordTags).description("Records created, linked or updated")
          .register(registry).increment();
    }
  }

  @Override
  public void onConflict(ResolvedConflict conflict) {
    Counter.builder(CONFLICTS)
        .tags(tags.and("type", name(conflict.conflict().recordType()), "winner", name(conflict.winner())))
        .description("Field conflicts settled")
        .register(registry)
        .increment();
  }

  @Override
  public void onRunFinished(SyncReport report) {
    String outcome = report.stopCause() != null ? name(report.stopCause().kind())
        : report.masterSwitchOff() ? "master_switch_off" : "ok";
    Timer.builder(RUNS)
        .tags(tags.and("operation", name(report.operation()), "outcome", outcome))
        .description("Runs and their duration")
        .register(registry)
        .record(Duration.between(report.startedAt(), report.finishedAt()));
    for (Side side : Side.values()) {
      Counter.builder(API_CALLS).tags(tags.and("system", name(side))).description("The engine's own API calls")
          .register(registry).increment(report.apiCalls(side));
    }
    if (report.operation() == SyncReport.Operation.SYNC && !report.aborted() && !report.masterSwitchOff()) {
      lastFinishedCycleStart.accumulateAndGet(report.startedAt(),
          (old, now) -> old == null || now.isAfter(old) ? now : old);
    }
    Supplier<SyncHealth> source = healthSource;
    if (source != null) {
      updateHealth(source.get());
    }
  }

  private void updateHealth(SyncHealth survey) {
    for (Map.Entry<RecordType, HealthCounts> entry : survey.counts().entrySet()) {
      AtomicInteger[] values = healthGauges(entry.getKey());
      HealthCounts counts = entry.getValue();
      values[0].set(counts.failing());
      values[1].set(counts.excluded());
      values[2].set(counts.orphaned());
      values[3].set(counts.inSync());
    }
  }

  private synchronized AtomicInteger[] healthGauges(RecordType type) {
    return health.computeIfAbsent(type, t -> {
      Tags typeTags = tags.and("type", name(t));
      AtomicInteger[] values = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
      String[] names = {FAILING, EXCLUDED, ORPHANED, IN_SYNC};
      String[] descriptions = {"Records in quarantine", "Records that cannot be sent yet", "Links orphaned",
          "Linked pairs in sync"};
      for (int i = 0; i < names.length; i++) {
        Gauge.builder(names[i], values[i], AtomicInteger::get).tags(typeTags).description(descriptions[i])
            .register(registry);
      }
      return values;
    });
  }

  private void quotaGauge(String name, SynergyClient synergy, Tags quotaTags, ToLong value, String description) {
    Gauge.builder(name, synergy, s -> quotaValue(s.lastQuota(), value)).tags(quotaTags).description(description)
        .register(registry);
  }

  private static double quotaValue(Optional<Quota> quota, ToLong value) {
    return quota.map(q -> (double) value.apply(q)).orElse(Double.NaN);
  }

  private double unsyncedAgeSeconds() {
    Instant start = lastFinishedCycleStart.get();
    return start == null ? Double.NaN : Math.max(0, Duration.between(start, clock.instant()).toMillis() / 1000.0);
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** A quota's number. */
  @FunctionalInterface
  private interface ToLong {
    long apply(Quota quota);
  }
}
