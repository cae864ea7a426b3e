package dev.synergylink.sync.internal;

import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.FieldRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields two records of a pair hold alike, agreed on when the pair's sync fails. Two people may have made the same
 * edit on both sides; were the old base kept, a later edit back to it would read as no change at all, and the other
 * side's value would be written over it. A field held back, or with a value sent and not yet answered, keeps its state
 * for the next merge to settle.
 */
final class AlikeFields {
  private AlikeFields() {}

  /**
   * A pair's fields after its writes failed: the fields as last saved, with the merge's agreed fields whose two values
   * are alike.
   *
   * @param saved the fields as last saved (the base, or what a write's answer settled since)
   * @return the fields, by rule name
   */
  static <S, T> Map<String, FieldState> settledAlike(List<FieldRule<S, T>> rules, WritePlan<S, T> plan,
      Map<String, FieldState> saved) {
    Map<String, FieldState> fields = new HashMap<>(saved);
    for (FieldRule<S, T> rule : rules) {
      FieldState settled = plan.settled.get(rule.name());
      if (settled != null && settled.kind() == FieldState.Kind.AGREED && Objects.equals(
          rule.normalise(plan.synergyValues.get(rule.name())), rule.normalise(plan.tinyPlusValues.get(rule.name())))) {
        fields.put(rule.name(), settled);
      }
    }
    return fields;
  }

  /**
   * A pair's fields after a read failed before its merge, both records in hand: each field they hold alike is agreed.
   *
   * @return the fields, by rule name
   */
  static <S, T> Map<String, FieldState> agreedWhereAlike(List<FieldRule<S, T>> rules, FieldContext ctx,
      PairState state, S s, T t) {
    Map<String, FieldState> fields = new HashMap<>(state.fields());
    for (FieldRule<S, T> rule : rules) {
      FieldState field = state.field(rule.name());
      String value = rule.readSynergy(s, ctx);
      String normalised = rule.normalise(value);
      if (field.heldBack() || state.sent().containsKey(rule.name())
          || !Objects.equals(normalised, rule.normalise(rule.readTinyPlus(t, ctx)))
          || field.kind() == FieldState.Kind.AGREED && Objects.equals(normalised, rule.normalise(field.agreed()))) {
        continue;
      }
      fields.put(rule.name(), FieldState.agreed(value));
    }
    return fields;
  }
}
