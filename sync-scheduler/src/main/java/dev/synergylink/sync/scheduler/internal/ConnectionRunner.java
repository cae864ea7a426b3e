package dev.synergylink.sync.scheduler.internal;

import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.scheduler.EngineFactory;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one connection's cycle on this node and plans its next run; keeps the engines this node built. */
public final class ConnectionRunner {
  private static final Logger log = LoggerFactory.getLogger("dev.synergylink.sync.scheduler");

  private final EngineFactory factory;
  private final Planner planner;
  private final Supplier<Instant> now;
  private final String node;
  private final Map<String, SyncEngine> engines = new ConcurrentHashMap<>();

  /**
   * A runner.
   *
   * @param factory builds engines
   * @param planner plans next runs
   * @param now the scheduler's clock
   * @param node this node's name
   */
  public ConnectionRunner(EngineFactory factory, Planner planner, Supplier<Instant> now, String node) {
    this.factory = factory;
    this.planner = planner;
    this.now = now;
    this.node = node;
  }

  /**
   * Runs a cycle and plans the next run; never throws.
   *
   * @param connectionId the connection
   * @param previous its stored data
   * @return the plan
   */
  public Planner.Plan run(String connectionId, ConnectionData previous) {
    try {
      SyncEngine engine = engines.computeIfAbsent(connectionId, factory::engine);
      SyncReport report = engine.syncOnce();
      StopCause cause = report.stopCause();
      if (cause != null && (cause.kind() == StopCause.Kind.AUTHENTICATION
          || cause.kind() == StopCause.Kind.AUTHORISATION)) {
        // the user connects again with new credentials: the next run builds the engine anew
        engines.remove(connectionId);
      }
      log.debug("connection {} ran on {}: {}", connectionId, node,
          cause == null ? "finished" : cause.kind());
      return planner.after(previous, report, now.get(), node);
    } catch (RuntimeException e) {
      if (!(e instanceof dev.synergylink.sync.LeaseHeldException)) {
        engines.remove(connectionId);
      }
      log.debug("connection {} threw on {}", connectionId, node, e);
      return planner.after(previous, e, now.get(), node);
    }
  }

  /**
   * Forgets a connection's engine (removed or resumed with new credentials).
   *
   * @param connectionId the connection
   */
  public void forget(String connectionId) {
    engines.remove(connectionId);
  }
}
