package dev.synergylink.sync.internal.merge;

import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.spi.FieldRule;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a merge decided: the values to write to each side (by rule, in rule order), the new state of every field that
 * is not written (a field written is settled by the writer, from what the write answered), each side's values as
 * merged, and the conflicts settled. Immutable.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
public final class MergePlan<S, T> {
  private final Map<FieldRule<S, T>, String> toTinyPlus;
  private final Map<FieldRule<S, T>, String> toSynergy;
  private final Map<String, FieldState> settled;
  private final Map<String, String> synergyValues;
  private final Map<String, String> tinyPlusValues;
  private final List<ResolvedConflict> conflicts;

  MergePlan(Map<FieldRule<S, T>, String> toTinyPlus, Map<FieldRule<S, T>, String> toSynergy,
      Map<String, FieldState> settled, Map<String, String> synergyValues, Map<String, String> tinyPlusValues,
      List<ResolvedConflict> conflicts) {
    this.toTinyPlus = Collections.unmodifiableMap(toTinyPlus);
    this.toSynergy = Collections.unmodifiableMap(toSynergy);
    this.settled = Collections.unmodifiableMap(settled);
    this.synergyValues = Collections.unmodifiableMap(synergyValues);
    this.tinyPlusValues = Collections.unmodifiableMap(tinyPlusValues);
    this.conflicts = List.copyOf(conflicts);
  }

  /**
   * The values to write to tiny+.
   *
   * @return by rule, in write order
   */
  public Map<FieldRule<S, T>, String> toTinyPlus() {
    return toTinyPlus;
  }

  /**
   * The values to write to Synergy.
   *
   * @return by rule, in write order
   */
  public Map<FieldRule<S, T>, String> toSynergy() {
    return toSynergy;
  }

  /**
   * The new state of each field the merge settled without a write (agreed, held back); a field neither written nor
   * named here keeps its state.
   *
   * @return by rule name
   */
  public Map<String, FieldState> settled() {
    return settled;
  }

  /**
   * Synergy's value of each field as merged (its base where the record was not seen).
   *
   * @return by rule name
   */
  public Map<String, String> synergyValues() {
    return synergyValues;
  }

  /**
   * tiny+'s value of each field as merged (its base where the record was not seen).
   *
   * @return by rule name
   */
  public Map<String, String> tinyPlusValues() {
    return tinyPlusValues;
  }

  /**
   * The conflicts settled, in field order.
   *
   * @return the conflicts
   */
  public List<ResolvedConflict> conflicts() {
    return conflicts;
  }
}
