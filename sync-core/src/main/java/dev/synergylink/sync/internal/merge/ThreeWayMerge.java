package dev.synergylink.sync.internal.merge;

import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldConflict;
import dev.synergylink.sync.spi.FieldRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The three-way merge of a linked pair, field by field, against the pair's merge base: pure code, bases and values in,
 * a {@link MergePlan} out. A field unchanged on both sides stays as it is; one changed on one side goes to the other;
 * one changed on both to different values is a conflict the policy settles; a field one side owns follows its owner.
 * Not thread-safe (one instance per merge).
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
public final class ThreeWayMerge<S, T> {
  private final MergeInput<S, T> in;
  private final List<FieldRule<S, T>> rules;
  private final Map<FieldRule<S, T>, String> toTinyPlus = new LinkedHashMap<>();
  private final Map<FieldRule<S, T>, String> toSynergy = new LinkedHashMap<>();
  /** The value each rule (by its index in {@link #rules}) is agreed on. */
  private final String[] agreed;
  /** The rules whose state stays as it is (no change to send, or a change held back). */
  private final Set<FieldRule<S, T>> kept;
  private final Map<String, String> synergyValues;
  private final Map<String, String> tinyPlusValues;
  private final Map<String, ResolvedConflict> conflicts = new LinkedHashMap<>();
  /** The values of the field being merged, reused from field to field. */
  private final Normalised normalised = new Normalised();

  private ThreeWayMerge(MergeInput<S, T> in) {
    this.in = in;
    rules = new ArrayList<>(in.rules().size());
    for (FieldRule<S, T> rule : in.rules()) {
      if (rule.direction() != Direction.NONE) {
        rules.add(rule);
      }
    }
    // sized for every field: a map that grows while it is filled is copied on the way
    int capacity = rules.size() * 4 / 3 + 1;
    agreed = new String[rules.size()];
    kept = new HashSet<>(capacity);
    synergyValues = new HashMap<>(capacity);
    tinyPlusValues = new HashMap<>(capacity);
  }

  /**
   * Merges a pair.
   *
   * @param in the bases and values
   * @param <S> the Synergy record type
   * @param <T> the tiny+ record type
   * @return the plan
   * @throws NullPointerException when the conflict policy returns null
   */
  public static <S, T> MergePlan<S, T> merge(MergeInput<S, T> in) {
    return new ThreeWayMerge<>(in).plan();
  }

  /**
   * Whether Synergy's value of a field is the one both sides keep, whatever tiny+ holds.
   *
   * @param rule the rule
   * @param synergyWritable whether the type may be written to Synergy at all
   * @return true for the fields Synergy owns, and for two-way fields that cannot be written to Synergy
   */
  public static boolean ownedBySynergy(FieldRule<?, ?> rule, boolean synergyWritable) {
    Direction direction = rule.direction();
    return direction == Direction.TO_TINYPLUS || direction == Direction.SYNERGY_AFTER_CREATE
        || (direction == Direction.BOTH && !(synergyWritable && rule.canWriteSynergy()));
  }

  private MergePlan<S, T> plan() {
    for (int i = 0; i < rules.size(); i++) {
      mergeField(i, rules.get(i));
    }
    for (List<String> group : in.atLeastOneOf()) {
      settleAtLeastOneOf(group);
    }
    Map<String, FieldState> settled = new HashMap<>(rules.size() * 4 / 3 + 1);
    if (in.tinyPlusHeldBack()) {
      holdBack(settled);
    }
    for (int i = 0; i < rules.size(); i++) {
      FieldRule<S, T> rule = rules.get(i);
      if (!toTinyPlus.containsKey(rule) && !toSynergy.containsKey(rule) && !kept.contains(rule)) {
        String value = agreed[i];
        FieldState base = in.state().field(rule.name());
        // most fields are agreed on as they were: their base is kept, not made again
        settled.put(rule.name(), base.kind() == FieldState.Kind.AGREED && Objects.equals(base.agreed(), value) ? base
            : FieldState.agreed(value));
      }
    }
    return new MergePlan<>(toTinyPlus, toSynergy, settled, synergyValues, tinyPlusValues,
        new ArrayList<>(conflicts.values()));
  }

  private void mergeField(int i, FieldRule<S, T> rule) {
    FieldState field = in.state().field(rule.name());
    if (in.tinyPlus() == null && field.heldBack()) {
      kept.add(rule); // a held-back tiny+ change not seen this time: nothing to merge it with until it is
      return;
    }
    String sRaw = in.synergy() != null ? in.synergy().get(rule.name()) : field.base(Side.SYNERGY);
    String tRaw = in.tinyPlus() != null ? in.tinyPlus().get(rule.name()) : field.base(Side.TINYPLUS);
    synergyValues.put(rule.name(), sRaw);
    tinyPlusValues.put(rule.name(), tRaw);
    Normalised values = normalised.of(rule, sRaw, tRaw, field.base(Side.SYNERGY), field.base(Side.TINYPLUS));
    boolean synergyChanged = field.open(Side.SYNERGY) || !values.same(Normalised.SYNERGY, Normalised.SYNERGY_BASE);
    boolean tinyPlusChanged = field.open(Side.TINYPLUS) || !values.same(Normalised.TINYPLUS, Normalised.TINYPLUS_BASE);
    boolean equal = values.same(Normalised.SYNERGY, Normalised.TINYPLUS);
    boolean synergyWritable = in.synergyWritable() && rule.canWriteSynergy();
    if (!synergyChanged && !tinyPlusChanged && !Objects.equals(field.base(Side.SYNERGY), field.base(Side.TINYPLUS))) {
      kept.add(rule); // left apart at an earlier sync (one side could not take the other's value), unchanged since
    } else if (ownedBySynergy(rule, in.synergyWritable())) {
      if (!equal) {
        toTinyPlus.put(rule, sRaw);
      }
      agreed[i] = sRaw;
    } else if (rule.direction() == Direction.TO_SYNERGY) {
      if (synergyWritable && !equal) {
        toSynergy.put(rule, tRaw);
      }
      agreed[i] = synergyWritable ? tRaw : sRaw;
    } else if (equal) {
      agreed[i] = sRaw;
    } else {
      Side winner;
      if (synergyChanged && tinyPlusChanged) {
        FieldConflict conflict = conflict(rule.name(), rule.direction(), field.agreed(), sRaw, tRaw);
        winner = resolve(conflict);
        conflicts.put(rule.name(), ResolvedConflict.builder().conflict(conflict).winner(winner).build());
      } else {
        winner = tinyPlusChanged ? Side.TINYPLUS : Side.SYNERGY;
      }
      (winner == Side.SYNERGY ? toTinyPlus : toSynergy).put(rule, winner == Side.SYNERGY ? sRaw : tRaw);
      agreed[i] = winner == Side.SYNERGY ? sRaw : tRaw;
    }
  }

  /**
   * A tiny+ record in a locked status sends nothing. Each held-back field keeps a tiny+ base that no value equals, so
   * that whatever tiny+ holds is the change to send when it is released, and so that a later Synergy change of the
   * field is merged with it (the tiny+ record is read when it is not listed), never written over it unseen; a Synergy
   * change it won over is taken as seen (so that it is not sent to tiny+ over the held-back change). A held-back field
   * whose tiny+ value now equals Synergy's stays held back too: Synergy's value may be one its lagging list does not
   * show yet, so the two are only taken to agree when the record is released.
   */
  private void holdBack(Map<String, FieldState> settled) {
    for (FieldRule<S, T> rule : rules) {
      FieldState field = in.state().field(rule.name());
      boolean held = toSynergy.containsKey(rule) || !toTinyPlus.containsKey(rule) && !kept.contains(rule)
          && !ownedBySynergy(rule, in.synergyWritable()) && field.heldBack();
      if (held) {
        settled.put(rule.name(), FieldState.heldBack(field.agreed(), synergyValues.get(rule.name())));
        kept.add(rule);
      }
    }
    toSynergy.clear();
  }

  /**
   * Settles a group of fields of which at least one must keep a value (a person's first and last name) as one unit,
   * where the field-by-field merge would leave a side with all of them empty although each side changed some of
   * them and that side's record did not have them all empty: one side cleared one name and the other side the
   * other. The winning side's values of the whole group are kept on both sides, the conflict policy deciding (asked
   * once for the group) unless only one side still holds a value in it; each field whose losing value differs is
   * reported as a conflict, so that nothing is lost.
   */
  private void settleAtLeastOneOf(List<String> names) {
    if (in.synergy() == null || in.tinyPlus() == null) {
      return;
    }
    List<FieldRule<S, T>> group = new ArrayList<>();
    for (String name : names) {
      FieldRule<S, T> rule = rule(name);
      if (rule == null || rule.direction() != Direction.BOTH || ownedBySynergy(rule, in.synergyWritable())
          || !synergyValues.containsKey(name)) {
        return; // the group is settled as one only while all of it syncs both ways
      }
      group.add(rule);
    }
    boolean synergyChanged = false;
    boolean tinyPlusChanged = false;
    boolean synergyEmptied = true;
    boolean tinyPlusEmptied = true;
    for (FieldRule<S, T> rule : group) {
      FieldState field = in.state().field(rule.name());
      String sRaw = synergyValues.get(rule.name());
      String tRaw = tinyPlusValues.get(rule.name());
      synergyChanged |= field.changed(Side.SYNERGY, rule::normalise, sRaw);
      tinyPlusChanged |= field.changed(Side.TINYPLUS, rule::normalise, tRaw);
      String synergyAfter = toSynergy.containsKey(rule) ? toSynergy.get(rule) : sRaw;
      String tinyPlusAfter = toTinyPlus.containsKey(rule) ? toTinyPlus.get(rule) : tRaw;
      synergyEmptied &= rule.normalise(synergyAfter) == null;
      tinyPlusEmptied &= rule.normalise(tinyPlusAfter) == null;
    }
    String synergyName = wholeValue(group, synergyValues);
    String tinyPlusName = wholeValue(group, tinyPlusValues);
    boolean emptiedByTheMerge = synergyEmptied && synergyName != null || tinyPlusEmptied && tinyPlusName != null;
    if (!synergyChanged || !tinyPlusChanged || !emptiedByTheMerge) {
      return;
    }
    Map<String, String> bases = new HashMap<>();
    for (FieldRule<S, T> rule : group) {
      bases.put(rule.name(), in.state().field(rule.name()).agreed());
    }
    Side winner;
    if (synergyName == null || tinyPlusName == null) {
      winner = synergyName == null ? Side.TINYPLUS : Side.SYNERGY;
    } else {
      winner = resolve(conflict(String.join("+", names), Direction.BOTH, wholeValue(group, bases), synergyName,
          tinyPlusName));
    }
    keepWhole(group, winner, bases);
  }

  /** Keeps the winning side's values of a whole group on both sides, each losing value reported as a conflict. */
  private void keepWhole(List<FieldRule<S, T>> group, Side winner, Map<String, String> bases) {
    for (FieldRule<S, T> rule : group) {
      String sRaw = synergyValues.get(rule.name());
      String tRaw = tinyPlusValues.get(rule.name());
      String won = winner == Side.SYNERGY ? sRaw : tRaw;
      String lost = winner == Side.SYNERGY ? tRaw : sRaw;
      toSynergy.remove(rule);
      toTinyPlus.remove(rule);
      kept.remove(rule);
      conflicts.remove(rule.name());
      agreed[rules.indexOf(rule)] = won;
      if (!Objects.equals(rule.normalise(won), rule.normalise(lost))) {
        (winner == Side.SYNERGY ? toTinyPlus : toSynergy).put(rule, won);
        conflicts.put(rule.name(), ResolvedConflict.builder()
            .conflict(conflict(rule.name(), rule.direction(), bases.get(rule.name()), sRaw, tRaw))
            .winner(winner)
            .build());
      }
    }
  }

  private FieldRule<S, T> rule(String name) {
    for (FieldRule<S, T> rule : rules) {
      if (rule.name().equals(name)) {
        return rule;
      }
    }
    return null;
  }

  private Side resolve(FieldConflict conflict) {
    return Objects.requireNonNull(in.policy().resolve(conflict), "the conflict policy returned null");
  }

  /** A field on which both records of a pair changed since the merge base. */
  private FieldConflict conflict(String field, Direction direction, String base, String synergyValue,
      String tinyPlusValue) {
    PairFacts facts = in.facts();
    return FieldConflict.builder()
        .recordType(facts.type())
        .field(field)
        .direction(direction)
        .synergyId(facts.synergyId())
        .tinyPlusId(facts.tinyPlusId())
        .base(base)
        .synergyValue(synergyValue)
        .tinyPlusValue(tinyPlusValue)
        .synergyModified(facts.synergyModified())
        .tinyPlusModified(facts.tinyPlusModified())
        .build();
  }

  /**
   * One field's values (each side's and each side's base), each normalised at most once and only when two raw values
   * differ: equal raw values are equal normalised, and most fields of a pair are unchanged on both sides.
   */
  private static final class Normalised {
    static final int SYNERGY = 0;
    static final int TINYPLUS = 1;
    static final int SYNERGY_BASE = 2;
    static final int TINYPLUS_BASE = 3;

    private FieldRule<?, ?> rule;
    private final String[] raw = new String[4];
    private final String[] normalised = new String[4];
    private final boolean[] done = new boolean[4];

    Normalised of(FieldRule<?, ?> rule, String synergy, String tinyPlus, String synergyBase, String tinyPlusBase) {
      this.rule = rule;
      raw[SYNERGY] = synergy;
      raw[TINYPLUS] = tinyPlus;
      raw[SYNERGY_BASE] = synergyBase;
      raw[TINYPLUS_BASE] = tinyPlusBase;
      java.util.Arrays.fill(done, false);
      return this;
    }

    /** Whether two of the values are the same, normalised. */
    boolean same(int a, int b) {
      return Objects.equals(raw[a], raw[b]) || Objects.equals(normalised(a), normalised(b));
    }

    private String normalised(int i) {
      if (!done[i]) {
        normalised[i] = rule.normalise(raw[i]);
        done[i] = true;
      }
      return normalised[i];
    }
  }

  /** A side's values of a group of fields joined by a space, or null when all are empty. */
  private static <S, T> String wholeValue(List<FieldRule<S, T>> group, Map<String, String> values) {
    List<String> parts = new ArrayList<>();
    for (FieldRule<S, T> rule : group) {
      String value = values.get(rule.name());
      if (rule.normalise(value) != null) {
        parts.add(value.strip());
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }
}
