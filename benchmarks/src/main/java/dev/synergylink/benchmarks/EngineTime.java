package dev.synergylink.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The engine's own CPU time per cycle (of the thread running it, so that other processes on a shared machine do not
 * count): the cycle's CPU time less the time spent in the clients (the in-process fakes) and
 * the state store, both timed at their interfaces by a {@link Stopwatch}, and less the stopwatch's own clock readings
 * ({@link Stopwatch#overheadNanos()}), with the state store calls per cycle. After a garbage collection and a number
 * of warm-up cycles, the cycles are measured in windows, and the medians of the quietest window are given, beside
 * each window's engine-own median: on a shared virtual machine, spells of minutes make every cycle up to twice as
 * slow, the clients' time too.
 */
final class EngineTime {
  private final PrintStream out;
  private final int rounds;
  private final int warmUp;
  private final int windows;

  EngineTime(PrintStream out, int rounds, int warmUp, int windows) {
    this.out = out;
    this.rounds = rounds;
    this.warmUp = warmUp;
    this.windows = windows;
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
    StringBuilder each = new StringBuilder();
    for (double own : f.windowsOwn) {
      each.append(each.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.1f", own));
    }
    out.printf(Locale.ROOT, "%-30s %,9d %12.2f %12.2f %12.2f %12d %12.0f   %s%n", what, n, f.own, f.clients, f.store,
        f.storeCalls, f.ownKb, each);
  }

  /** Prints the table's heading. */
  void heading() {
    out.printf(Locale.ROOT, "%nCPU time per cycle (ms) after %d warm-up cycles, the median of the quietest of %d"
        + " windows of %d cycles (each window's engine-own median last); the stopwatch's own clock readings (%,d ns"
        + " each) left out%n", warmUp, windows, rounds, Stopwatch.CLOCK_NANOS);
    out.printf(Locale.ROOT, "%-30s %9s %12s %12s %12s %12s %12s   %s%n", "", "per type", "engine own", "in clients",
        "in store", "store calls", "engine KB", "engine own per window");
  }

  /** The medians of one kind of cycle, from its quietest window, and each window's median of the engine's own time. */
  record Figures(double own, double clients, double store, long storeCalls, double ownKb, List<Double> windowsOwn) {}

  private Figures measure(Connection c, Runnable before) {
    // the generated world's garbage is collected first, so that the warm-up cycles do not pay for it
    System.gc();
    for (int round = 0; round < warmUp; round++) {
      before.run();
      c.timedEngine().syncOnce();
    }
    Figures quietest = null;
    List<Double> owns = new ArrayList<>();
    for (int window = 0; window < windows; window++) {
      Figures figures = window(c, before);
      owns.add(figures.own);
      quietest = quietest == null || figures.own < quietest.own ? figures : quietest;
    }
    return new Figures(quietest.own, quietest.clients, quietest.store, quietest.storeCalls, quietest.ownKb, owns);
  }

  /** The medians of one window of cycles. */
  private Figures window(Connection c, Runnable before) {
    double[] own = new double[rounds];
    double[] clients = new double[rounds];
    double[] store = new double[rounds];
    double[] storeCalls = new double[rounds];
    double[] ownKb = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      before.run();
      c.resetCounts();
      long bytes = Stopwatch.allocatedBytes();
      long start = Stopwatch.cpuNanos();
      c.timedEngine().syncOnce();
      long total = Stopwatch.cpuNanos() - start;
      long allocated = Stopwatch.allocatedBytes() - bytes;
      own[round] = (total - c.stopwatch.clientNanos() - c.stopwatch.storeNanos() - c.stopwatch.overheadNanos()) / 1e6;
      clients[round] = c.stopwatch.clientNanos() / 1e6;
      store[round] = c.stopwatch.storeNanos() / 1e6;
      storeCalls[round] = c.stopwatch.storeCalls();
      ownKb[round] = (allocated - c.stopwatch.outsideBytes()) / 1024.0;
    }
    return new Figures(median(own), median(clients), median(store), (long) median(storeCalls), median(ownKb),
        List.of(median(own)));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
