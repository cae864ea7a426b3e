package dev.synergylink.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The engine's own CPU time per cycle (of the thread running it, so that other processes on a shared machine do not
 * count): the cycle's CPU time less the time spent in the clients (the in-process fakes) and
 * the state store, both timed at their interfaces by a {@link Stopwatch}, and less the stopwatch's own clock readings
 * ({@link Stopwatch#overheadNanos()}). The median of a number of cycles after a number of warm-up cycles (and a
 * garbage collection), with the state store calls per cycle. At 100,000 records per type the first twenty or so
 * 1%-churn cycles of a new world take about twice as long as the ones after them, the clients' time too.
 */
final class EngineTime {
  private final PrintStream out;
  private final int rounds;
  private final int warmUp;

  EngineTime(PrintStream out, int rounds, int warmUp) {
    this.out = out;
    this.rounds = rounds;
    this.warmUp = warmUp;
  }

  /**
   * Measures idle cycles of one size: a minute passes before each, nothing changed.
   *
   * @param n records per type
   * @return the medians
   */
  Figures idle(int n) {
    Connection c = LinkedWorlds.of(n).connection();
    return measure(c, () -> c.clock.advance(Duration.ofMinutes(1)));
  }

  /**
   * Measures 1%-churn cycles of one size: 1% of each type edited before each.
   *
   * @param n records per type
   * @return the medians
   */
  Figures churn(int n) {
    LinkedWorlds.Linked linked = LinkedWorlds.of(n);
    Connection c = linked.connection();
    return measure(c, () -> linked.world().churn(c));
  }

  /**
   * Prints one row.
   *
   * @param what the cycle
   * @param n records per type
   * @param f its figures
   */
  void row(String what, int n, Figures f) {
    out.printf(Locale.ROOT, "%-30s %,9d %12.2f %12.2f %12.2f %12d %12.0f%n", what, n, f.own, f.clients, f.store,
        f.storeCalls, f.ownKb);
  }

  /** Prints the table's heading. */
  void heading() {
    out.printf(Locale.ROOT, "%nCPU time per cycle, median of %d cycles after %d warm-up cycles (ms); the stopwatch's"
        + " own clock readings (%,d ns each) left out%n", rounds, warmUp, Stopwatch.CLOCK_NANOS);
    out.printf(Locale.ROOT, "%-30s %9s %12s %12s %12s %12s %12s%n", "", "per type", "engine own", "in clients",
        "in store", "store calls", "engine KB");
  }

  /** The medians of one kind of cycle. */
  record Figures(double own, double clients, double store, long storeCalls, double ownKb) {}

  private Figures measure(Connection c, Runnable before) {
    double[] own = new double[rounds];
    double[] clients = new double[rounds];
    double[] store = new double[rounds];
    long[] storeCalls = new long[rounds];
    double[] ownKb = new double[rounds];
    // the generated world's garbage is collected first, so that the warm-up cycles do not pay for it
    System.gc();
    for (int round = -warmUp; round < rounds; round++) {
      before.run();
      c.resetCounts();
      long bytes = Stopwatch.allocatedBytes();
      long start = Stopwatch.cpuNanos();
      c.timedEngine().syncOnce();
      long total = Stopwatch.cpuNanos() - start;
      long allocated = Stopwatch.allocatedBytes() - bytes;
      if (round >= 0) {
        own[round] = (total - c.stopwatch.clientNanos() - c.stopwatch.storeNanos() - c.stopwatch.overheadNanos())
            / 1e6;
        clients[round] = c.stopwatch.clientNanos() / 1e6;
        store[round] = c.stopwatch.storeNanos() / 1e6;
        storeCalls[round] = c.stopwatch.storeCalls();
        ownKb[round] = (allocated - c.stopwatch.outsideBytes()) / 1024.0;
      }
    }
    return new Figures(median(own), median(clients), median(store), (long) median(
        Arrays.stream(storeCalls).asDoubleStream().toArray()), median(ownKb));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
