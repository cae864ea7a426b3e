package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import java.util.Map;
import java.util.Set;

/**
 * What a pair's sync (or the linking of a record) left undone: by the side the change came from, a reason it was
 * skipped (the record is excluded until it changes) or the failed write (the record is retried); and the sides whose
 * records were part of the merge. The other side's write was still sent. Immutable.
 */
final class PairResult {
  /** Nothing left undone, and no record of a pair merged. */
  private static final Set<Side> BOTH = Set.of(Side.SYNERGY, Side.TINYPLUS);
  private static final Set<Side> SYNERGY_ONLY = Set.of(Side.SYNERGY);
  private static final Set<Side> TINYPLUS_ONLY = Set.of(Side.TINYPLUS);
  static final PairResult DONE = new PairResult(Map.of(), Map.of(), Set.of());

  final Map<Side, String> skips;
  final Map<Side, RemoteFailure> failures;
  /**
   * The sides whose records were part of the merge: a side with neither a reason nor a failure had its change
   * written in full.
   */
  final Set<Side> considered;

  private PairResult(Map<Side, String> skips, Map<Side, RemoteFailure> failures, Set<Side> considered) {
    this.skips = Map.copyOf(skips);
    this.failures = Map.copyOf(failures);
    this.considered = copy(considered);
  }

  /** An unmodifiable copy of a set of sides: one of four, made once (a copy per pair made a set each time). */
  private static Set<Side> copy(Set<Side> sides) {
    boolean synergy = sides.contains(Side.SYNERGY);
    boolean tinyPlus = sides.contains(Side.TINYPLUS);
    return synergy ? (tinyPlus ? BOTH : SYNERGY_ONLY) : (tinyPlus ? TINYPLUS_ONLY : Set.of());
  }

  /** Every change of the sides considered was written. */
  static PairResult done(Set<Side> considered) {
    return new PairResult(Map.of(), Map.of(), considered);
  }

  /** Some change could not be written in full. */
  static PairResult partly(Map<Side, String> skips, Map<Side, RemoteFailure> failures, Set<Side> considered) {
    return new PairResult(skips, failures, considered);
  }

  /** Whether every change was written. */
  boolean complete() {
    return skips.isEmpty() && failures.isEmpty();
  }

  /** A failed write of the pair, or null when its changes were only skipped. */
  RemoteFailure failure() {
    return failures.isEmpty() ? null : failures.values().iterator().next();
  }

  /** Why the pair is not done: the first failure's message, else the first reason. */
  String message() {
    return failures.isEmpty() ? skips.values().iterator().next() : failure().getMessage();
  }
}
