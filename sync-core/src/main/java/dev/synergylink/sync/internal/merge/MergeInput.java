package dev.synergylink.sync.internal.merge;

import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.ConflictPolicy;
import dev.synergylink.sync.spi.FieldRule;
import java.util.List;
import java.util.Map;

/**
 * Everything one merge of a pair needs, read beforehand.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 * @param rules the field rules, in order (rules of direction NONE are left out of the merge)
 * @param atLeastOneOf groups of rule names of which at least one must keep a value (settled as one)
 * @param state the pair's merge base
 * @param synergy the Synergy record's values by rule name, or null when it was not seen (its values are its bases)
 * @param tinyPlus the tiny+ record's values by rule name, or null when it was not seen
 * @param synergyWritable whether the engine may write this type to Synergy at all (not staff)
 * @param tinyPlusHeldBack whether the tiny+ record is seen and its changes are held back (a locked status)
 * @param policy settles a field changed on both sides to different values
 * @param facts the pair, for the conflicts
 */
public record MergeInput<S, T>(
    List<FieldRule<S, T>> rules,
    List<List<String>> atLeastOneOf,
    PairState state,
    Map<String, String> synergy,
    Map<String, String> tinyPlus,
    boolean synergyWritable,
    boolean tinyPlusHeldBack,
    ConflictPolicy policy,
    PairFacts facts) {}
