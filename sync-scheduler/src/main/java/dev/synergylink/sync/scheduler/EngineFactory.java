package dev.synergylink.sync.scheduler;

import dev.synergylink.sync.SyncEngine;

/**
 * Builds a connection's engine on the node that runs it: the host's credentials and settings stay the host's. Every
 * node of a cluster has a factory that can build any connection the cluster runs. A node builds a connection's
 * engine on its first run there and keeps it until the connection is removed.
 *
 * <p>Called on the scheduler's threads; must be thread-safe.
 */
@FunctionalInterface
public interface EngineFactory {
  /**
   * The connection's engine; its settings' {@code connectionId()} must be {@code connectionId}.
   *
   * @param connectionId the connection
   * @return the engine
   */
  SyncEngine engine(String connectionId);
}
