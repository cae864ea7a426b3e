package dev.synergylink.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The linked worlds of this JVM, one per size, built once: the command's tables and its JMH benchmarks (run in the
 * same JVM) measure the same generated world, and a 100,000-record world is generated once. Not thread-safe: the
 * benchmarks run one at a time.
 */
final class LinkedWorlds {
  /** A connection with its linked world. */
  record Linked(Connection connection, World world) {}

  private static final Map<Integer, Linked> WORLDS = new HashMap<>();

  private LinkedWorlds() {}

  /**
   * The linked world of a size, generated and linked on first use.
   *
   * @param n records per type
   * @return the connection and its world
   */
  static Linked of(int n) {
    return WORLDS.computeIfAbsent(n, size -> {
      Connection c = new Connection();
      return new Linked(c, World.linked(c, size));
    });
  }
}
