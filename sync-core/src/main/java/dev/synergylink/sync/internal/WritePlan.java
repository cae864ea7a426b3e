package dev.synergylink.sync.internal;

import dev.synergylink.sync.internal.merge.MergePlan;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.FieldRule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writer's working copy of a merge plan: a write built again (a gone reference) re-reads its values. Not
 * thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class WritePlan<S, T> {
  final Map<FieldRule<S, T>, String> toTinyPlus;
  final Map<FieldRule<S, T>, String> toSynergy;
  final Map<String, FieldState> settled;
  /** The sides' values as merged: the merge's own (unmodifiable) until a write built again re-reads them. */
  Map<String, String> synergyValues;
  Map<String, String> tinyPlusValues;
  private boolean valuesCopied;
  /** The pair's state the merge started from (with values sent earlier settled). */
  final PairState base;

  WritePlan(MergePlan<S, T> merged, PairState base) {
    this.base = base;
    toTinyPlus = new LinkedHashMap<>(merged.toTinyPlus());
    toSynergy = new LinkedHashMap<>(merged.toSynergy());
    settled = merged.settled();
    synergyValues = merged.synergyValues();
    tinyPlusValues = merged.tinyPlusValues();
  }

  /** The sides' values, copied to be changed (seldom: only a write built again re-reads its source). */
  WritePlan<S, T> copyValues() {
    if (!valuesCopied) {
      synergyValues = new HashMap<>(synergyValues);
      tinyPlusValues = new HashMap<>(tinyPlusValues);
      valuesCopied = true;
    }
    return this;
  }
}
