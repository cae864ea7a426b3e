package dev.synergylink.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH: the time of one whole {@code syncOnce()} over the linked world of {@code n} companies, contacts and projects
 * (and 50 team members), with every type enabled. Included: the engine, the in-process fakes (zero latency: no HTTP,
 * no JSON, but each list call scans the fake's whole table, which grows with {@code n}) and the in-memory state
 * store. The engine's own share, without the clients and the store, is printed by {@link Benchmarks} beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CycleBenchmark {
  /** Records per type. */
  @Param({"10000", "100000"})
  public int n;

  private LinkedWorlds.Linked linked;

  /** Takes (or generates and links) the world of this size. */
  @Setup(Level.Trial)
  public void world() {
    linked = LinkedWorlds.of(n);
  }

  /** State for the churn benchmark: 1% of each type edited before each cycle. */
  @State(Scope.Thread)
  public static class Churn {
    /** The edits between two cycles, not timed. */
    @Setup(Level.Invocation)
    public void edit(CycleBenchmark benchmark) {
      benchmark.linked.world().churn(benchmark.linked.connection());
      benchmark.linked.connection().resetCounts();
    }
  }

  /** State for the idle benchmark: a minute passes before each cycle. */
  @State(Scope.Thread)
  public static class Idle {
    /** The minute between two cycles, not timed. */
    @Setup(Level.Invocation)
    public void pause(CycleBenchmark benchmark) {
      benchmark.linked.connection().clock.advance(Duration.ofMinutes(1));
      benchmark.linked.connection().resetCounts();
    }
  }

  /**
   * A cycle in which nothing changed since the last. JMH runs it after {@link #churnCycle} on the same world, so each
   * poll re-lists the last churn's edits within its look-back window (issue 17's look-back item).
   *
   * @param idle the pause before it
   * @param hole keeps the report
   */
  @Benchmark
  public void idleCycle(Idle idle, Blackhole hole) {
    hole.consume(linked.connection().engine().syncOnce());
  }

  /**
   * A cycle after 1% of each type was edited (half in Synergy, half in tiny+).
   *
   * @param churn the edits before it
   * @param hole keeps the report
   */
  @Benchmark
  public void churnCycle(Churn churn, Blackhole hole) {
    hole.consume(linked.connection().engine().syncOnce());
  }
}
