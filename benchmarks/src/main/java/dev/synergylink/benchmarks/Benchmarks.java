package dev.synergylink.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command of the benchmarks: prints the machine, the API calls of this SDK beside a naive full-scan poller's
 * (idle cycle, 1%-churn cycle, Download all and Upload all per record), the engine's own time per cycle with the state
 * store calls, and then runs the JMH benchmarks ({@link CycleBenchmark}) in this JVM, on the same generated worlds.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx6g mvn -q -pl benchmarks -am compile exec:java
 * MAVEN_OPTS=-Xmx6g mvn -q -pl benchmarks -am compile exec:java -Dexec.args="sizes=1000 jmh=false"
 * </pre>
 *
 * <p>Arguments ({@code name=value}): {@code calls} records per type of the calls table (10000); {@code transfer}
 * records per type of the Download all / Upload all worlds (2000); {@code sizes} the sizes of the engine time table
 * and of the JMH benchmarks (10000,100000); {@code rounds} cycles per measured window (20); {@code windows} the
 * measured windows (3); {@code warmUp} the warm-up cycles before them (20); {@code jmh} whether to run JMH (true);
 * {@code jmhIterations} JMH's warm-up and measured iterations (3).
 *
 * <p>JMH runs without forking (its {@code -f 0}) so that its benchmarks share the worlds generated for the tables: a
 * world of 100,000 records per type takes minutes to generate. The figures are less isolated than a forked run's;
 * the engine-own table is the one the targets are checked against.
 */
public final class Benchmarks {
  private Benchmarks() {}

  /**
   * Runs everything.
   *
   * @param args {@code name=value} arguments, see the class
   * @throws RunnerException when JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    // the engine logs expected conditions at DEBUG; a warning is worth seeing beside the figures
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are name=value (calls, transfer, sizes, rounds, windows,"
            + " warmUp, jmh, jmhIterations), was '" + arg + "'");
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int calls = Integer.parseInt(options.getOrDefault("calls", "10000"));
    int transfer = Integer.parseInt(options.getOrDefault("transfer", "2000"));
    List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "10000,100000").split(","))
        .map(Integer::valueOf).collect(Collectors.toList());
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
    int windows = Integer.parseInt(options.getOrDefault("windows", "3"));
    int warmUp = Integer.parseInt(options.getOrDefault("warmUp", "20"));
    boolean jmh = Boolean.parseBoolean(options.getOrDefault("jmh", "true"));
    int iterations = Integer.parseInt(options.getOrDefault("jmhIterations", "3"));
    PrintStream out = System.out;

    machine(out);
    EngineTime time = new EngineTime(out, rounds, warmUp, windows);
    // Measured before anything is edited: after a bulk edit, every poll re-lists the edits of its look-back window
    // (issue 17), which the idle rows after the churn show.
    Map<Integer, EngineTime.Figures> idle = new HashMap<>();
    idle.put(sizes.get(0), time.idle(sizes.get(0)));
    new CallsComparison(out).run(calls, transfer);
    time.heading();
    for (int size : sizes) {
      time.row("idle cycle", size, idle.computeIfAbsent(size, time::idle));
      time.row("1%-churn cycle", size, time.churn(size));
      time.row("idle cycle after the churn", size, time.idle(size));
    }
    if (jmh) {
      ChainedOptionsBuilder run = new OptionsBuilder()
          .include(CycleBenchmark.class.getSimpleName())
          .param("n", sizes.stream().map(String::valueOf).toArray(String[]::new))
          .forks(0)
          .warmupIterations(iterations)
          .measurementIterations(iterations)
          .warmupTime(TimeValue.seconds(2))
          .measurementTime(TimeValue.seconds(2));
      new Runner(run.build()).run();
    }
  }

  private static void machine(PrintStream out) {
    out.printf(Locale.ROOT, "Machine: %d CPUs (%s), Java %s (%s), max heap %,d MB, load average %s%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    } catch (IOException | RuntimeException e) {
      return "unknown CPU";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
