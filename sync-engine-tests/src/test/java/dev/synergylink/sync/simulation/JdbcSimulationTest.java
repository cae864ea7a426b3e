package dev.synergylink.sync.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A slice of the simulation with the engine's state in {@code JdbcStateStore} instead of the in-memory store: on H2
 * and on the embedded PostgreSQL, the same seeds, steps and invariants as {@link SimulationTest}, each world on empty
 * tables of its own. A seed listed in {@link KnownOpen} must fail as listed there, as in the in-memory run.
 *
 * <p>System properties: {@code sim.jdbc.h2Seeds} (default 150), {@code sim.jdbc.postgresSeeds} (default 60),
 * {@code sim.jdbc.steps} (default 15), {@code sim.jdbc.firstSeed} (default 1). More seeds:
 *
 * <pre>
 * mvn -o -pl sync-engine-tests -am verify -Dtest=JdbcSimulationTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsim.jdbc.h2Seeds=500 -Dsim.jdbc.postgresSeeds=200 -Dsim.jdbc.steps=50
 * </pre>
 */
class JdbcSimulationTest {
  private static final int H2_SEEDS = Integer.getInteger("sim.jdbc.h2Seeds", 150);
  private static final int POSTGRES_SEEDS = Integer.getInteger("sim.jdbc.postgresSeeds", 60);
  private static final int STEPS = Integer.getInteger("sim.jdbc.steps", 15);
  private static final long FIRST_SEED = Long.getLong("sim.jdbc.firstSeed", 1L);

  @Test
  void seededRunsOnH2KeepEveryInvariant() {
    runSeeds(SimStore.H2, H2_SEEDS);
  }

  @Test
  void seededRunsOnPostgresKeepEveryInvariant() {
    runSeeds(SimStore.POSTGRES, POSTGRES_SEEDS);
  }

  private static void runSeeds(SimStore stores, int seeds) {
    List<String> failures = new ArrayList<>();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + seeds; seed++) {
      List<Step> steps = StepGenerator.steps(seed, STEPS);
      Simulation.Outcome outcome = Simulation.run(seed, steps, Simulation.all(STEPS), stores);
      String known = STEPS == 50 ? KnownOpen.SEEDS.get(seed) : null;
      String invariant = outcome.failed() ? outcome.failure().invariant() : null;
      if (known != null ? !known.equals(invariant) : invariant != null) {
        failures.add("seed " + seed + " on " + stores + ": " + (outcome.failed()
            ? outcome.failure().getMessage().lines().findFirst().orElse("") : "passes, but is listed as " + known)
            + " (replay: -Dtest=JdbcSimulationTest -Dsim.jdbc.firstSeed=" + seed + " -Dsim.jdbc.steps=" + STEPS
            + "; in memory: -Dtest=SimulationTest -Dsim.seed=" + seed + " -Dsim.steps=" + STEPS + ")");
      }
    }
    assertThat(failures).as("failing seeds on %s", stores).isEmpty();
  }
}
