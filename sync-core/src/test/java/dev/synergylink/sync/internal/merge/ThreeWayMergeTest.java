package dev.synergylink.sync.internal.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.ConflictPolicy;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldRule;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The merge of one field by tables: each merge state (agreed, kept apart, held back, released from being held back),
 * each pair of edits (unchanged / changed on one side / changed on both / equal edits), each direction and each
 * built-in conflict policy.
 *
 * <p>Outcome tokens: {@code -} nothing written, both agree on the value; {@code k} kept apart as it was; {@code h}
 * held back (nothing written, tiny+'s change waits); {@code T} Synergy's value written to tiny+; {@code S} tiny+'s
 * value written to Synergy; {@code ?} a conflict, the winner's value written to the loser; {@code ?h} a conflict that
 * tiny+ winning holds back; {@code n} not synced at all.
 */
class ThreeWayMergeTest {
  private static final Instant EARLY = Instant.parse("2026-11-28T01:00:00Z");
  private static final Instant LATE = Instant.parse("2026-11-28T02:00:00Z");

  /** The edits, in table column order: UU, CU, UC, CC, EE (Synergy first). */
  private static final List<String> EDITS = List.of("UU", "CU", "UC", "CC", "EE");

  /** A merge state and how each side's value reads as unchanged. */
  private enum StateCase {
    AGREED(FieldState.agreed("b"), "b", "b", false),
    APART(FieldState.apart("b", "sb", "tb"), "sb", "tb", false),
    HELD_BACK(FieldState.heldBack("b", "b"), "b", "b", true),
    RELEASED(FieldState.heldBack("b", "b"), "b", "b", false);

    final FieldState state;
    final String synergyUnchanged;
    final String tinyPlusUnchanged;
    final boolean heldNow;

    StateCase(FieldState state, String synergyUnchanged, String tinyPlusUnchanged, boolean heldNow) {
      this.state = state;
      this.synergyUnchanged = synergyUnchanged;
      this.tinyPlusUnchanged = tinyPlusUnchanged;
      this.heldNow = heldNow;
    }
  }

  /** state, direction, outcomes for UU CU UC CC EE. */
  private static final Object[][] TABLE = {
      {StateCase.AGREED, Direction.BOTH, "- T S ? -"},
      {StateCase.AGREED, Direction.TO_TINYPLUS, "- T T T -"},
      {StateCase.AGREED, Direction.SYNERGY_AFTER_CREATE, "- T T T -"},
      {StateCase.AGREED, Direction.TO_SYNERGY, "- S S S -"},
      {StateCase.AGREED, Direction.NONE, "n n n n n"},
      {StateCase.APART, Direction.BOTH, "k T S ? -"},
      {StateCase.APART, Direction.TO_TINYPLUS, "k T T T -"},
      {StateCase.APART, Direction.SYNERGY_AFTER_CREATE, "k T T T -"},
      {StateCase.APART, Direction.TO_SYNERGY, "k S S S -"},
      {StateCase.APART, Direction.NONE, "n n n n n"},
      {StateCase.HELD_BACK, Direction.BOTH, "h ?h h ?h h"},
      {StateCase.HELD_BACK, Direction.TO_TINYPLUS, "- T T T -"},
      {StateCase.HELD_BACK, Direction.SYNERGY_AFTER_CREATE, "- T T T -"},
      {StateCase.HELD_BACK, Direction.TO_SYNERGY, "h h h h h"},
      {StateCase.HELD_BACK, Direction.NONE, "n n n n n"},
      {StateCase.RELEASED, Direction.BOTH, "- ? S ? -"},
      {StateCase.RELEASED, Direction.TO_TINYPLUS, "- T T T -"},
      {StateCase.RELEASED, Direction.SYNERGY_AFTER_CREATE, "- T T T -"},
      {StateCase.RELEASED, Direction.TO_SYNERGY, "- S S S -"},
      {StateCase.RELEASED, Direction.NONE, "n n n n n"},
  };

  /** The built-in policies and who wins a conflict of a two-way field under each, with the record times given. */
  private static final Object[][] POLICIES = {
      {"synergyWins", ConflictPolicy.synergyWins(), EARLY, LATE, Side.SYNERGY},
      {"tinyPlusWins", ConflictPolicy.tinyPlusWins(), LATE, EARLY, Side.TINYPLUS},
      {"newestWins, tiny+ later", ConflictPolicy.newestWins(), EARLY, LATE, Side.TINYPLUS},
      {"newestWins, Synergy later", ConflictPolicy.newestWins(), LATE, EARLY, Side.SYNERGY},
      {"ownerWinsElseNewest, tiny+ later", ConflictPolicy.ownerWinsElseNewest(), EARLY, LATE, Side.TINYPLUS},
      {"ownerWinsElseNewest, Synergy later", ConflictPolicy.ownerWinsElseNewest(), LATE, EARLY, Side.SYNERGY},
  };

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Object[] row : TABLE) {
      String[] outcomes = ((String) row[2]).split(" ");
      for (int e = 0; e < EDITS.size(); e++) {
        for (Object[] policy : POLICIES) {
          cases.add(Arguments.of(row[0], row[1], EDITS.get(e), outcomes[e], policy[0], policy[1], policy[2],
              policy[3], policy[4]));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} ({4})")
  @MethodSource("cases")
  void mergesOneFieldAsTheTableSays(StateCase stateCase, Direction direction, String edits, String outcome,
      String policyName, ConflictPolicy policy, Instant synergyModified, Instant tinyPlusModified, Side winner) {
    String s = value(edits.charAt(0), stateCase.synergyUnchanged, "s2");
    String t = value(edits.charAt(1), stateCase.tinyPlusUnchanged, "t2");
    FieldRule<Map<String, String>, Map<String, String>> rule = rule("f", direction);

    MergePlan<Map<String, String>, Map<String, String>> plan = ThreeWayMerge.merge(new MergeInput<>(List.of(rule),
        List.of(), PairState.of(Map.of("f", stateCase.state)), values("f", s), values("f", t), true,
        stateCase.heldNow, policy, facts(synergyModified, tinyPlusModified)));

    String expected = outcome.equals("?") ? (winner == Side.SYNERGY ? "T" : "S")
        : outcome.equals("?h") ? (winner == Side.SYNERGY ? "T" : "h") : outcome;
    assertThat(plan.conflicts()).as("conflicts").hasSize(outcome.startsWith("?") ? 1 : 0);
    if (outcome.startsWith("?")) {
      ResolvedConflict conflict = plan.conflicts().get(0);
      assertThat(conflict.winner()).isEqualTo(winner);
      assertThat(conflict.conflict().base()).isEqualTo("b");
      assertThat(conflict.conflict().synergyValue()).isEqualTo(s);
      assertThat(conflict.conflict().tinyPlusValue()).isEqualTo(t);
    }
    switch (expected) {
      case "T":
        assertThat(plan.toTinyPlus()).containsExactly(Map.entry(rule, s));
        assertThat(plan.toSynergy()).isEmpty();
        assertThat(plan.settled()).doesNotContainKey("f"); // settled by the writer, from the write's answer
        break;
      case "S":
        assertThat(plan.toSynergy()).containsExactly(Map.entry(rule, t));
        assertThat(plan.toTinyPlus()).isEmpty();
        assertThat(plan.settled()).doesNotContainKey("f");
        break;
      case "-":
        assertNothingWritten(plan);
        assertThat(plan.settled()).containsExactly(Map.entry("f", FieldState.agreed(s)));
        break;
      case "k":
        assertNothingWritten(plan);
        assertThat(plan.settled()).isEmpty();
        break;
      case "h":
        assertNothingWritten(plan);
        assertThat(plan.settled()).containsExactly(Map.entry("f", FieldState.heldBack("b", s)));
        break;
      case "n":
        assertNothingWritten(plan);
        assertThat(plan.settled()).isEmpty();
        assertThat(plan.synergyValues()).isEmpty();
        break;
      default:
        throw new AssertionError(expected);
    }
  }

  @Test
  void aRecordNotSeenMergesWithItsBase() {
    FieldRule<Map<String, String>, Map<String, String>> rule = rule("f", Direction.BOTH);

    MergePlan<Map<String, String>, Map<String, String>> plan = ThreeWayMerge.merge(new MergeInput<>(List.of(rule),
        List.of(), PairState.of(Map.of("f", FieldState.agreed("b"))), null, values("f", "t2"), true, false,
        ConflictPolicy.synergyWins(), facts(null, LATE)));

    assertThat(plan.toSynergy()).containsExactly(Map.entry(rule, "t2"));
    assertThat(plan.synergyValues()).containsEntry("f", "b");
  }

  @Test
  void aHeldBackChangeNotSeenIsKeptAndNothingIsRead() {
    FieldRule<Map<String, String>, Map<String, String>> rule = rule("f", Direction.BOTH);

    MergePlan<Map<String, String>, Map<String, String>> plan = ThreeWayMerge.merge(new MergeInput<>(List.of(rule),
        List.of(), PairState.of(Map.of("f", FieldState.heldBack("b", "b"))), values("f", "s2"), null, true, false,
        ConflictPolicy.synergyWins(), facts(LATE, null)));

    assertNothingWritten(plan);
    assertThat(plan.settled()).isEmpty();
    assertThat(plan.synergyValues()).doesNotContainKey("f");
  }

  @Test
  void aTypeNeverWrittenToSynergyLetsSynergyOwnItsTwoWayFields() {
    FieldRule<Map<String, String>, Map<String, String>> rule = rule("f", Direction.BOTH);

    MergePlan<Map<String, String>, Map<String, String>> plan = ThreeWayMerge.merge(new MergeInput<>(List.of(rule),
        List.of(), PairState.of(Map.of("f", FieldState.agreed("b"))), values("f", "b"), values("f", "t2"), false,
        false, ConflictPolicy.tinyPlusWins(), facts(EARLY, LATE)));

    assertThat(plan.toTinyPlus()).containsExactly(Map.entry(rule, "b"));
    assertThat(plan.conflicts()).isEmpty();
  }

  @Test
  void namesClearedOnePerSideAreSettledAsOneGroup() {
    FieldRule<Map<String, String>, Map<String, String>> first = rule("first", Direction.BOTH);
    FieldRule<Map<String, String>, Map<String, String>> last = rule("last", Direction.BOTH);
    Map<String, String> synergy = new HashMap<>();
    synergy.put("first", null);
    synergy.put("last", "Lee");
    Map<String, String> tinyPlus = new HashMap<>();
    tinyPlus.put("first", "Ann");
    tinyPlus.put("last", null);

    MergePlan<Map<String, String>, Map<String, String>> plan = ThreeWayMerge.merge(new MergeInput<>(
        List.of(first, last), List.of(List.of("first", "last")),
        PairState.of(Map.of("first", FieldState.agreed("Ann"), "last", FieldState.agreed("Lee"))), synergy, tinyPlus,
        true, false, ConflictPolicy.synergyWins(), facts(EARLY, LATE)));

    // field by field, Synergy's cleared first name and tiny+'s cleared last name would leave both sides nameless
    assertThat(plan.toTinyPlus()).containsExactly(new AbstractMap.SimpleEntry<>(first, null), Map.entry(last, "Lee"));
    assertThat(plan.toSynergy()).isEmpty();
    assertThat(plan.conflicts()).extracting(c -> c.conflict().field()).containsExactly("first", "last");
  }

  @Test
  void aPolicyThatAnswersNullIsNamed() {
    FieldRule<Map<String, String>, Map<String, String>> rule = rule("f", Direction.BOTH);

    assertThatThrownBy(() -> ThreeWayMerge.merge(new MergeInput<>(List.of(rule), List.of(),
        PairState.of(Map.of("f", FieldState.agreed("b"))), values("f", "s2"), values("f", "t2"), true, false,
        conflict -> null, facts(EARLY, LATE))))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("conflict policy returned null");
  }

  @Test
  void valuesEqualOnceNormalisedAreNoChange() {
    FieldRule<Map<String, String>, Map<String, String>> rule = rule("f", Direction.BOTH);

    MergePlan<Map<String, String>, Map<String, String>> plan = ThreeWayMerge.merge(new MergeInput<>(List.of(rule),
        List.of(), PairState.of(Map.of("f", FieldState.agreed("b"))), values("f", "  b "), values("f", "b"), true,
        false, ConflictPolicy.synergyWins(), facts(EARLY, LATE)));

    assertNothingWritten(plan);
  }

  /**
   * Two records linked and not merged yet, as each held the field then (Synergy, tiny+), what each holds now, and
   * the outcome ({@code ?}: a conflict, the newer record winning: tiny+ here).
   */
  static Stream<Arguments> unsettled() {
    return Stream.of(
        Arguments.of("sb", "tb", "sb", "tb", "?"),
        Arguments.of("sb", null, "sb", null, "T"),
        Arguments.of(null, "tb", null, "tb", "S"),
        Arguments.of("sb", "tb", "sb", null, "?"),
        Arguments.of("sb", null, "sb", "t2", "?"),
        Arguments.of("sb", "tb", "x", "x", "-"));
  }

  @ParameterizedTest(name = "linked holding ({0}, {1}), now ({2}, {3}) -> {4}")
  @MethodSource("unsettled")
  void anUnsettledFieldCountsEachValueASideHeldWhenLinkedAsItsOwnChange(String synergyThen, String tinyPlusThen,
      String s, String t, String outcome) {
    FieldRule<Map<String, String>, Map<String, String>> rule = rule("f", Direction.BOTH);

    MergePlan<Map<String, String>, Map<String, String>> plan = ThreeWayMerge.merge(new MergeInput<>(List.of(rule),
        List.of(), PairState.of(Map.of("f", FieldState.unsettled(synergyThen, tinyPlusThen))), values("f", s),
        values("f", t), true, false, ConflictPolicy.newestWins(), facts(EARLY, LATE)));

    assertThat(plan.conflicts()).hasSize(outcome.equals("?") ? 1 : 0);
    switch (outcome) {
      case "?":
      case "S":
        assertThat(plan.toSynergy()).containsOnlyKeys(rule);
        assertThat(plan.toSynergy().get(rule)).isEqualTo(t);
        assertThat(plan.toTinyPlus()).isEmpty();
        break;
      case "T":
        assertThat(plan.toTinyPlus()).containsExactly(Map.entry(rule, s));
        assertThat(plan.toSynergy()).isEmpty();
        break;
      default:
        assertNothingWritten(plan);
        assertThat(plan.settled()).containsExactly(Map.entry("f", FieldState.agreed(s)));
    }
  }

  private static void assertNothingWritten(MergePlan<?, ?> plan) {
    assertThat(plan.toTinyPlus()).as("to tiny+").isEmpty();
    assertThat(plan.toSynergy()).as("to Synergy").isEmpty();
  }

  private static String value(char edit, String unchanged, String changed) {
    return edit == 'U' ? unchanged : edit == 'C' ? changed : "same";
  }

  private static Map<String, String> values(String name, String value) {
    Map<String, String> values = new HashMap<>();
    values.put(name, value);
    return values;
  }

  private static PairFacts facts(Instant synergyModified, Instant tinyPlusModified) {
    return new PairFacts(RecordType.COMPANY, 1, 2, synergyModified, tinyPlusModified);
  }

  private static FieldRule<Map<String, String>, Map<String, String>> rule(String name, Direction direction) {
    return FieldRule.<Map<String, String>, Map<String, String>>builder(name)
        // the merge only reads: the rules write nothing
        .synergy(name, (m, context) -> m.get(name), (value, out, context) -> { })
        .tinyPlus(name, (m, context) -> m.get(name), (value, out, context) -> { })
        .direction(direction)
        .build();
  }
}
