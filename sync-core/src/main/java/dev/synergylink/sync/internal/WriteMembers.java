package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.InvalidValueException;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.sync.spi.SkipRecordException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the members of one write from a plan's values, each through its field rule's writer. A rule that cannot
 * write its value now (a skip) is left out of this write and out of the plan, so the snapshot keeps its old value and
 * the change is sent once the reason is gone; the skip's reason is kept against the side whose change it was. A rule
 * whose writer writes nothing leaves the target's value as it is by the field's own rule (it has said why): it is
 * left out of the write and kept apart. A value a writer refuses as invalid fails the write as a refusal would.
 */
final class WriteMembers {
  private WriteMembers() {}

  /** The members of a write to tiny+. */
  static <S, T> MemberValues<T> toTinyPlus(Map<FieldRule<S, T>, String> values, PairWriter.Written written,
      FieldContext ctx) {
    return members(values, Side.TINYPLUS, written, (rule, value, out) -> rule.writeTinyPlus(value, out, ctx));
  }

  /** The members of a write to Synergy. */
  static <S, T> MemberValues<S> toSynergy(Map<FieldRule<S, T>, String> values, PairWriter.Written written,
      FieldContext ctx) {
    return members(values, Side.SYNERGY, written, (rule, value, out) -> rule.writeSynergy(value, out, ctx));
  }

  private static <S, T, R> MemberValues<R> members(Map<FieldRule<S, T>, String> values, Side target,
      PairWriter.Written written, RuleWrite<S, T, R> write) {
    MemberValues<R> members = MemberValues.create();
    for (Iterator<Map.Entry<FieldRule<S, T>, String>> it = values.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<FieldRule<S, T>, String> entry = it.next();
      MemberValues<R> one = MemberValues.create();
      try {
        write.write(entry.getKey(), entry.getValue(), one);
        if (one.isEmpty()) {
          written.leftApart.put(entry.getKey(), target);
          it.remove();
        }
        members.setAll(one);
      } catch (SkipRecordException e) {
        written.skips.putIfAbsent(target.other(), e.getMessage());
        written.skipped.put(entry.getKey(), target);
        it.remove();
      } catch (InvalidValueException e) {
        throw RemoteFailure.refused(target, e);
      }
    }
    return members;
  }

  /** Writes one rule's value into one side's members. */
  @FunctionalInterface
  private interface RuleWrite<S, T, R> {
    void write(FieldRule<S, T> rule, String value, MemberValues<R> out);
  }

  /**
   * Reads a plan's values again from their source record (null: that record was not read; they stay), and keeps them
   * as the source's values as merged ({@code seen}): a field the target then leaves as it is is kept apart with the
   * value its source holds now (an assignee whose team member link was just orphaned), not the one read before.
   */
  static <S, T> void reread(Map<FieldRule<S, T>, String> values, Map<String, String> seen,
      Function<FieldRule<S, T>, String> read) {
    if (read != null) {
      values.replaceAll((rule, value) -> read.apply(rule));
      values.forEach((rule, value) -> seen.put(rule.name(), value));
    }
  }
}
