package dev.synergylink.sync.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Meters for every connection a process runs, on one Micrometer registry. Each connection gets its own
 * {@link ConnectionMetrics}, a {@link dev.synergylink.sync.spi.SyncListener} to add to that connection's engine; every
 * meter carries the tag {@code connection} with the connection id.
 *
 * <pre>{@code
 * SyncMetrics metrics = SyncMetrics.create(registry);
 * ConnectionMetrics acme = metrics.connection("acme").synergy(synergyClient);
 * SyncEngine engine = SyncEngine.builder()...addListener(acme).build();
 * acme.health(engine::health);   // optional: the failing / excluded / orphaned gauges
 * }</pre>
 *
 * <p>The meters (names as Micrometer writes them; a Prometheus registry turns dots into underscores):
 * <ul>
 *   <li>{@value ConnectionMetrics#RUNS} (timer): each finished run and its duration; tags {@code operation}
 *       ({@code sync}, {@code download_all}, {@code upload_all}, {@code team_member_linking}) and {@code outcome}
 *       ({@code ok}, {@code master_switch_off}, or the stop cause kind in lower case, such as {@code quota_spent}).
 *   <li>{@value ConnectionMetrics#API_CALLS} (counter): the engine's own API calls ({@link
 *       dev.synergylink.sync.SyncReport#apiCalls()}); tag {@code system} ({@code synergy}, {@code tinyplus}).
 *   <li>{@value ConnectionMetrics#RECORDS} (counter): records by {@code type}, {@code system} (the system written
 *       to) and {@code outcome} ({@code created}, {@code linked}, {@code updated}, {@code unchanged},
 *       {@code skipped}, {@code failed}, {@code orphaned}, {@code field_not_synced}).
 *   <li>{@value ConnectionMetrics#WRITES} (counter): the records created, linked or updated, by {@code type},
 *       {@code system} (the system written to) and {@code outcome}.
 *   <li>{@value ConnectionMetrics#CONFLICTS} (counter): settled field conflicts by {@code type} and {@code winner}
 *       (the system whose value won).
 *   <li>{@value ConnectionMetrics#FAILING}, {@value ConnectionMetrics#EXCLUDED}, {@value ConnectionMetrics#ORPHANED}
 *       and {@value ConnectionMetrics#IN_SYNC} (gauges, by {@code type}): the connection's health, read after each
 *       run from {@link ConnectionMetrics#health}; absent without it.
 *   <li>{@value ConnectionMetrics#QUOTA_LIMIT}, {@value ConnectionMetrics#QUOTA_REMAINING} and
 *       {@value ConnectionMetrics#QUOTA_SPENT} (gauges, {@code system=synergy}): Synergy's daily quota as its last
 *       answer reported it ({@link dev.synergylink.synergy.SynergyClient#lastQuota()}), counting every caller of
 *       that organisation; absent without {@link ConnectionMetrics#synergy}. Without them, the engine's own share
 *       is {@value ConnectionMetrics#API_CALLS} with {@code system=synergy}.
 *   <li>{@value ConnectionMetrics#UNSYNCED_AGE} (time gauge, seconds): see {@link ConnectionMetrics}.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class SyncMetrics {
  private final MeterRegistry registry;
  private final Clock clock;
  private final ConcurrentMap<String, ConnectionMetrics> connections = new ConcurrentHashMap<>();

  private SyncMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Meters on a registry, with the system UTC clock for the freshness gauge.
   *
   * @param registry the registry
   * @return the metrics
   */
  public static SyncMetrics create(MeterRegistry registry) {
    return create(registry, Clock.systemUTC());
  }

  /**
   * Meters on a registry, with the clock the freshness gauge reads (give it the engines' clock).
   *
   * @param registry the registry
   * @param clock the clock
   * @return the metrics
   */
  public static SyncMetrics create(MeterRegistry registry, Clock clock) {
    return new SyncMetrics(Objects.requireNonNull(registry, "registry == null"),
        Objects.requireNonNull(clock, "clock == null"));
  }

  /**
   * The meters of one connection, made on first use: the same object for the same id.
   *
   * @param connectionId the connection id ({@link dev.synergylink.sync.SyncSettings#connectionId()})
   * @return the connection's meters, a listener to add to its engine
   */
  public ConnectionMetrics connection(String connectionId) {
    Objects.requireNonNull(connectionId, "connectionId == null");
    return connections.computeIfAbsent(connectionId, id -> new ConnectionMetrics(registry, clock, id));
  }

  /**
   * Removes a connection's meters from the registry (when the connection is deleted or moved away).
   *
   * @param connectionId the connection id
   */
  public void remove(String connectionId) {
    ConnectionMetrics removed = connections.remove(Objects.requireNonNull(connectionId, "connectionId == null"));
    if (removed != null) {
      List<Meter> meters = registry.getMeters().stream()
          .filter(m -> connectionId.equals(m.getId().getTag(ConnectionMetrics.TAG_CONNECTION)))
          .toList();
      meters.forEach(registry::remove);
    }
  }
}
