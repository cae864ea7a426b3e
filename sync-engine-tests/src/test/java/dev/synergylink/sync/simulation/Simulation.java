package dev.synergylink.sync.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs one seeded world through a list of steps and checks the invariants after each; shrinks a failing run by
 * deleting steps, re-running every candidate from scratch in the same seed-derived world.
 */
final class Simulation {
  private Simulation() {}

  /** What one run did. */
  record Outcome(long seed, List<Integer> kept, String traceHash, InvariantViolation failure, List<String> trace,
      Exemption.Tally exemptions) {
    boolean failed() {
      return failure != null;
    }
  }

  /** Runs the steps at {@code kept} (indices into {@code steps}), then a final quiescence check. */
  static Outcome run(long seed, List<Step> steps, List<Integer> kept) {
    return run(seed, steps, kept, SimStore.IN_MEMORY);
  }

  /** Runs the steps at {@code kept} on a world whose state is kept in {@code stores}' kind of store. */
  static Outcome run(long seed, List<Step> steps, List<Integer> kept, SimStore stores) {
    SimStore.Opened opened = stores.open();
    try {
      return run(new World(seed, opened.store()), steps, kept);
    } finally {
      opened.close().run();
    }
  }

  private static Outcome run(World world, List<Step> steps, List<Integer> kept) {
    long seed = world.seed;
    try {
      world.setUp();
      for (int i : kept) {
        Step step = steps.get(i);
        world.trace("step " + i + ": " + step);
        step.run(world);
        world.afterStep();
        RefusedRequests.check(world);
      }
      world.trace("final quiescence");
      world.quiesce();
      world.afterStep();
      RefusedRequests.check(world);
      return new Outcome(seed, kept, world.traceHash(), null, world.trace, world.exemptions);
    } catch (InvariantViolation v) {
      return new Outcome(seed, kept, null, v, world.trace, world.exemptions);
    } catch (RuntimeException e) {
      return new Outcome(seed, kept, null, new InvariantViolation("harness-error", e.toString(), e), world.trace,
          world.exemptions);
    }
  }

  static List<Integer> all(int count) {
    return IntStream.range(0, count).boxed().collect(Collectors.toList());
  }

  /**
   * Deletes steps while the run still breaks the same invariant: chunks of half the list, then smaller ones, down
   * to single steps. Stops after {@code maxRuns} re-runs.
   */
  static Outcome shrink(Outcome failing, List<Step> steps, int maxRuns) {
    String invariant = failing.failure().invariant();
    Outcome best = failing;
    int runs = 0;
    int chunk = Math.max(1, best.kept().size() / 2);
    while (runs < maxRuns) {
      boolean progress = false;
      for (int start = 0; start < best.kept().size() && runs < maxRuns; ) {
        List<Integer> candidate = new ArrayList<>(best.kept());
        candidate.subList(start, Math.min(candidate.size(), start + chunk)).clear();
        Outcome outcome = run(best.seed(), steps, candidate);
        runs++;
        if (outcome.failed() && outcome.failure().invariant().equals(invariant)) {
          best = outcome;
          progress = true;
        } else {
          start += chunk;
        }
      }
      if (!progress) {
        if (chunk == 1) {
          break;
        }
        chunk = Math.max(1, chunk / 2);
      }
    }
    return best;
  }

  /** The failure report: seed, invariant, the shrunk steps and the command that replays them. */
  static String describe(Outcome original, Outcome shrunk, List<Step> steps, int stepCount) {
    StringBuilder s = new StringBuilder();
    s.append("Simulation seed ").append(original.seed()).append(" broke ").append(original.failure().invariant())
        .append(":\n  ").append(original.failure().getMessage()).append('\n');
    s.append("Replay the whole run:  mvn -o -pl sync-engine-tests -am verify -Dtest=SimulationTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dsim.seed=").append(original.seed()).append(" -Dsim.steps=")
        .append(stepCount).append('\n');
    s.append("Shrunk to ").append(shrunk.kept().size()).append(" of ").append(original.kept().size())
        .append(" steps (").append(shrunk.failure().getMessage()).append("):\n");
    for (int i : shrunk.kept()) {
      s.append("  ").append(i).append(": ").append(steps.get(i)).append('\n');
    }
    s.append("Replay the shrunk run: add -Dsim.keep=")
        .append(shrunk.kept().stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
    s.append("Trace of the shrunk run:\n");
    shrunk.trace().forEach(line -> s.append("  | ").append(line).append('\n'));
    return s.toString();
  }
}
