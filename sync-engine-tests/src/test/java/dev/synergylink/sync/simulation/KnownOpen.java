package dev.synergylink.sync.simulation;

import java.util.Map;

/**
 * The seeds of the CI range (1..500, 50 steps, projects on) that break an invariant through an engine bug in the
 * projects sync not fixed yet, with that invariant; {@link SimulationTest} checks that each still fails that way.
 * Found when projects joined the simulation; the causes, each reproduced:
 *
 * <ul>
 *   <li>convergence: a tiny+ project assigned to the team member of a staff member deleted in Synergy is sent with
 *       that staff member as manager; Synergy refuses it on every retry. Once: a Synergy project whose client's tiny+
 *       company is gone is sent with that company.
 *   <li>lost-edit (seed 37): a tiny+ status edit of a linked project neither lands nor is kept as a lost conflict.
 * </ul>
 *
 * <p>Replay one with {@code -Dsim.seed=N}; list them all with {@code -Dsim.survey=true}. Never add a seed here to make
 * a new failure go away unexamined.
 */
final class KnownOpen {
  private KnownOpen() {}

  /** Seed to invariant, for the runs with projects; none without them. */
  static final Map<Long, String> SEEDS = World.PROJECTS ? Map.ofEntries(
      Map.entry(37L, "lost-edit"),
      Map.entry(80L, "convergence"),
      Map.entry(116L, "convergence"),
      Map.entry(165L, "convergence"),
      Map.entry(171L, "convergence"),
      Map.entry(244L, "convergence"),
      Map.entry(430L, "convergence"),
      Map.entry(437L, "convergence"),
      Map.entry(487L, "convergence")) : Map.of();
}
