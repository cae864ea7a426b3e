package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.internal.merge.MergeInput;
import dev.synergylink.sync.internal.merge.MergePlan;
import dev.synergylink.sync.internal.merge.PairFacts;
import dev.synergylink.sync.internal.merge.ThreeWayMerge;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pair's values through the field rules, merges them with {@link ThreeWayMerge} against the link's state (its
 * values sent and not yet answered settled first), and reports the conflicts settled. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class PairMerger<S, T extends SyncedRecord> {
  private final Run run;
  private final TypeBinding<S, T> binding;
  private final List<FieldRule<S, T>> rules;
  private final PairWriter<S, T> writer;

  PairMerger(Run run, TypeBinding<S, T> binding, List<FieldRule<S, T>> rules, PairWriter<S, T> writer) {
    this.run = run;
    this.binding = binding;
    this.rules = rules;
    this.writer = writer;
  }

  /** Merges a pair (a null record: that side was not seen; its values are its bases). */
  WritePlan<S, T> merge(Link link, S s, T t) {
    PairState state = writer.stateOf(link);
    Map<String, String> synergyValues = s == null ? null : new HashMap<>(capacity(rules.size()));
    Map<String, String> tinyPlusValues = t == null ? null : new HashMap<>(capacity(rules.size()));
    for (FieldRule<S, T> rule : rules) {
      if (t == null && state.field(rule.name()).heldBack()) {
        continue; // not merged: nothing is read for it
      }
      if (s != null) {
        synergyValues.put(rule.name(), rule.readSynergy(s, run));
      }
      if (t != null) {
        tinyPlusValues.put(rule.name(), rule.readTinyPlus(t, run));
      }
    }
    // values sent by a run that stopped before it saved their answer are settled first (see SentWrite)
    state = state.settleSent(synergyValues, tinyPlusValues, side -> side == dev.synergylink.sync.Side.SYNERGY
        ? (s == null ? null : binding.synergy().modified(s)) : (t == null ? null : binding.tinyPlus().modified(t)),
        this::normaliser);
    MergePlan<S, T> merged = ThreeWayMerge.merge(new MergeInput<>(rules, binding.mapping().atLeastOneOf(), state,
        synergyValues, tinyPlusValues, binding.synergy().writable(), t != null && binding.heldBack().test(t),
        run.policy, new PairFacts(binding.type(), link.synergyId(), link.tinyPlusId(),
            s == null ? null : binding.synergy().modified(s), t == null ? null : binding.tinyPlus().modified(t))));
    for (ResolvedConflict conflict : merged.conflicts()) {
      run.conflict(binding.type(), Flow.into(conflict.winner().other()), conflict);
    }
    return new WritePlan<>(merged, state);
  }

  /** A HashMap's capacity that holds {@code n} entries without growing. */
  static int capacity(int n) {
    return n * 4 / 3 + 1;
  }

  private Normaliser normaliser(String name) {
    for (FieldRule<S, T> rule : rules) {
      if (rule.name().equals(name)) {
        return rule::normalise;
      }
    }
    return null;
  }
}
