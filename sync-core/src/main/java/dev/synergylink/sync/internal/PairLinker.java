package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.merge.ThreeWayMerge;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links two records as a pair: saves the link with a merge base that says how they stand, then aligns them through
 * the merge and the writer. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class PairLinker<S, T extends SyncedRecord> {
  private final Run run;
  private final RecordType type;
  private final SideAccess<S> synergy;
  private final SideAccess<T> tinyPlus;
  private final List<FieldRule<S, T>> rules;
  private final NaturalKeyIndex<S, T> keys;
  private final PairMerger<S, T> merger;
  private final PairWriter<S, T> writer;

  PairLinker(Run run, TypeBinding<S, T> binding, List<FieldRule<S, T>> rules, NaturalKeyIndex<S, T> keys,
      PairMerger<S, T> merger, PairWriter<S, T> writer) {
    this.run = run;
    this.type = binding.type();
    this.synergy = binding.synergy();
    this.tinyPlus = binding.tinyPlus();
    this.rules = rules;
    this.keys = keys;
    this.merger = merger;
    this.writer = writer;
  }

  /**
   * Links two records and aligns them: where both hold a value, the winner's is kept (with no winner, two records
   * made apart, the conflict policy settles each such field and the losing value is kept in the report); where only
   * one does, it fills the other; Synergy-owned fields follow Synergy.
   *
   * @return what was left undone
   */
  PairResult link(S s, T t, Side winner, RecordOutcome outcome, Flow flow) {
    return link(s, t, winner, outcome, flow, Map.of());
  }

  /**
   * Links two records and aligns them, the loser being the copy a create sent {@code sent} to (an intent's values;
   * empty when unknown). A copy edited since it was made is merged with its original against what the create sent:
   * an edit of either record since (a field emptied included) is kept, and where both changed a field the conflict
   * policy settles it.
   *
   * @return what was left undone
   */
  PairResult link(S s, T t, Side winner, RecordOutcome outcome, Flow flow, Map<String, String> sent) {
    Link link = Link.builder()
        .recordType(type)
        .synergyId(synergy.id(s))
        .tinyPlusId(tinyPlus.id(t))
        .state((winner == null ? unsettled(s, t) : agreedOn(base(s, t, winner, sent))).encode())
        .syncedAt(run.now())
        .build();
    keys.noteLinked(link);
    // Saved before anything is written: a write that marks the records as a pair (or copies a value) and is then
    // followed by a crash, a lost lease or a write whose answer is lost must never leave the pair unlinked. Linked
    // again later, the pair would be aligned afresh, the winner's values over an edit made since to the other record;
    // or a record of the pair would be matched by key to a third one. Saved, the next cycle merges against this base.
    run.saveLink(link);
    PairWriter.Written written = writer.apply(link, s, t, merger.merge(link, s, t));
    if (written != null) {
      List<String> fields = new ArrayList<>(written.tinyPlusFields);
      fields.addAll(written.synergyFields);
      if (written.saved) {
        run.event(Run.eventBuilder(type, flow, outcome).synergyId(link.synergyId()).tinyPlusId(link.tinyPlusId())
            .fields(fields).build());
      }
      if (!written.skips.isEmpty() || !written.failures.isEmpty()) {
        return PairResult.partly(written.skips, written.failures, Set.of());
      }
    }
    return PairResult.DONE;
  }

  /** The merge base a new pair starts from, by rule name: the loser's values where the winner holds one. */
  private Map<String, String> base(S s, T t, Side winner, Map<String, String> sent) {
    // The loser may be the engine's own copy of the winner (a create whose link was never saved), untouched since:
    // then its values are what the winner held when it was copied, and a field the winner emptied since is emptied
    // in the copy too. A copy someone has edited since is aligned like two unrelated records.
    boolean copyOfWinner = winner == Side.SYNERGY
        ? Long.valueOf(synergy.id(s)).equals(tinyPlus.markedPartner(t))
            && tinyPlus.created(t).equals(tinyPlus.modified(t))
        : Long.valueOf(tinyPlus.id(t)).equals(synergy.markedPartner(s))
            && synergy.created(s).equals(synergy.modified(s));
    Map<String, String> base = new HashMap<>();
    for (FieldRule<S, T> rule : rules) {
      String sRaw = rule.readSynergy(s, run);
      String tRaw = rule.readTinyPlus(t, run);
      String winnerValue = winner == Side.SYNERGY ? sRaw : tRaw;
      String loserValue = winner == Side.SYNERGY ? tRaw : sRaw;
      if (copyOfWinner || rule.normalise(winnerValue) != null) {
        put(base, rule.name(), loserValue);
      }
    }
    if (winner != null && !copyOfWinner && !sent.isEmpty()) {
      for (FieldRule<S, T> rule : rules) {
        if (writtenOnCreate(rule, winner.other())) {
          put(base, rule.name(), sent.get(rule.name()));
        }
      }
    }
    return base;
  }

  /**
   * The merge base of two records made apart: each side's value of a shared field is its own change, until the pair's
   * first merge settles it (a value emptied before then is a change too); a field Synergy owns has Synergy's value as
   * its base, as after any sync: a cycle that does not see the Synergy record (or cannot write the field to tiny+
   * yet) never takes an empty base for Synergy's value and writes it to tiny+.
   */
  private PairState unsettled(S s, T t) {
    Map<String, FieldState> fields = new HashMap<>();
    for (FieldRule<S, T> rule : rules) {
      String sRaw = rule.readSynergy(s, run);
      FieldState field = ThreeWayMerge.ownedBySynergy(rule, synergy.writable()) ? FieldState.agreed(sRaw)
          : FieldState.unsettled(valueOrNone(rule, sRaw), valueOrNone(rule, rule.readTinyPlus(t, run)));
      if (!field.equals(FieldState.agreed(null))) {
        fields.put(rule.name(), field);
      }
    }
    return PairState.of(fields);
  }

  private static String valueOrNone(FieldRule<?, ?> rule, String raw) {
    return rule.normalise(raw) == null ? null : raw;
  }

  /**
   * One of two records that belong together (a copy and its original) was deleted before they were linked: they
   * are linked as orphaned, so that the survivor is never copied back.
   */
  void orphaned(long synergyId, long tinyPlusId, Flow flow, String reason) {
    Link link = Link.builder()
        .recordType(type)
        .synergyId(synergyId)
        .tinyPlusId(tinyPlusId)
        .state(PairState.empty().encode())
        .orphaned(true)
        .syncedAt(run.now())
        .build();
    keys.noteLinked(link);
    run.saveLink(link);
    run.event(Run.eventBuilder(type, flow, RecordOutcome.ORPHANED).synergyId(synergyId).tinyPlusId(tinyPlusId)
        .message(reason + ": nothing is recreated or deleted; the link is orphaned").build());
  }

  /** Whether two records are linked to each other now. */
  boolean linked(long synergyId, long tinyPlusId) {
    Link link = run.linkOf(type, Side.SYNERGY, synergyId);
    return link != null && !link.orphaned() && link.tinyPlusId() == tinyPlusId;
  }

  /** Whether a create on {@code target} writes the field. */
  static boolean writtenOnCreate(FieldRule<?, ?> rule, Side target) {
    return target == Side.TINYPLUS ? rule.direction().writesTinyPlus()
        : rule.direction().writesSynergyOnCreate() && rule.canWriteSynergy();
  }

  /** A state in which both sides agree on the given values. */
  private static PairState agreedOn(Map<String, String> values) {
    Map<String, FieldState> fields = new HashMap<>();
    values.forEach((name, value) -> fields.put(name, FieldState.agreed(value)));
    return PairState.of(fields);
  }

  static void put(Map<String, String> values, String name, String value) {
    if (value == null) {
      values.remove(name);
    } else {
      values.put(name, value);
    }
  }
}
