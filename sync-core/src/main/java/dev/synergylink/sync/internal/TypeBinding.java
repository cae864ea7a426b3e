package dev.synergylink.sync.internal;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.Member;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.List;
import java.util.function.Function;

/**
 * Everything the engine knows about one record type: its two sides, its field mapping, the natural keys that match
 * existing records, and whether new tiny+ records are sent to Synergy.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 * @param type the record type
 * @param synergy the Synergy side
 * @param tinyPlus the tiny+ side
 * @param mapping the field rules
 * @param naturalKeys the keys that match an unlinked record with an existing one, strongest first
 * @param sendsNewTinyPlusRecords whether a new tiny+ record is created in Synergy
 * @param cycleMatchesByFirstKey whether the cycle matches by one key only (every key otherwise), linking a record that
 *     shares its first natural key (team members by email), instead of creating a second one
 * @param heldBack the tiny+ records whose changes are not sent to Synergy for now (projects in a locked status):
 *     they are not created there, and a linked one sends nothing until it is released
 * @param references the request members that name a linked record of another type, so that a write refused because
 *     that record is gone orphans its link and is sent again without it
 * @param waitsFor the record type whose new pairs release this type's records left out for one (projects wait for
 *     their client company), or null
 * @param notTakenReasons by rule name, why tiny+ keeps its own value of a field Synergy owns and what to do (where the
 *     general sentence does not say it)
 */
public record TypeBinding<S, T extends SyncedRecord>(
    RecordType type,
    SideAccess<S> synergy,
    SideAccess<T> tinyPlus,
    FieldMapping<S, T> mapping,
    List<NaturalKey<S, T>> naturalKeys,
    boolean sendsNewTinyPlusRecords,
    boolean cycleMatchesByFirstKey,
    java.util.function.Predicate<T> heldBack,
    List<Reference> references,
    RecordType waitsFor,
    java.util.Map<String, String> notTakenReasons) {

  /**
   * A binding whose records wait for no other type and whose fields need no reason of their own.
   *
   * @param type the record type
   * @param synergy the Synergy side
   * @param tinyPlus the tiny+ side
   * @param mapping the field rules
   * @param naturalKeys the natural keys
   * @param sendsNewTinyPlusRecords whether a new tiny+ record is created in Synergy
   * @param cycleMatchesByFirstKey whether the cycle links new Synergy records by the first key
   * @param heldBack the tiny+ records whose changes are not sent to Synergy for now
   * @param references the request members that name a linked record of another type
   */
  public TypeBinding(RecordType type, SideAccess<S> synergy, SideAccess<T> tinyPlus, FieldMapping<S, T> mapping,
      List<NaturalKey<S, T>> naturalKeys, boolean sendsNewTinyPlusRecords, boolean cycleMatchesByFirstKey,
      java.util.function.Predicate<T> heldBack, List<Reference> references) {
    this(type, synergy, tinyPlus, mapping, naturalKeys, sendsNewTinyPlusRecords, cycleMatchesByFirstKey, heldBack,
        references, null, java.util.Map.of());
  }

  /**
   * This binding with its records left out for a record of another type tried again once a pair of that type is made.
   *
   * @param type the type waited for
   * @return the binding
   */
  public TypeBinding<S, T> waitingFor(RecordType type) {
    return new TypeBinding<>(this.type, synergy, tinyPlus, mapping, naturalKeys, sendsNewTinyPlusRecords,
        cycleMatchesByFirstKey, heldBack, references, type, notTakenReasons);
  }

  /**
   * This binding with a reason of its own for a field whose value tiny+ keeps.
   *
   * @param rule the rule name
   * @param reason why, and what to do
   * @return the binding
   */
  public TypeBinding<S, T> withNotTakenReason(String rule, String reason) {
    java.util.Map<String, String> reasons = new java.util.HashMap<>(notTakenReasons);
    reasons.put(rule, reason);
    return new TypeBinding<>(type, synergy, tinyPlus, mapping, naturalKeys, sendsNewTinyPlusRecords,
        cycleMatchesByFirstKey, heldBack, references, waitsFor, java.util.Map.copyOf(reasons));
  }

  /**
   * A binding whose writes name no record of another type.
   *
   * @param type the record type
   * @param synergy the Synergy side
   * @param tinyPlus the tiny+ side
   * @param mapping the field rules
   * @param naturalKeys the natural keys
   * @param sendsNewTinyPlusRecords whether a new tiny+ record is created in Synergy
   * @param cycleMatchesByFirstKey whether the cycle links new Synergy records by the first key
   * @param heldBack the tiny+ records whose changes are not sent to Synergy for now
   */
  public TypeBinding(RecordType type, SideAccess<S> synergy, SideAccess<T> tinyPlus, FieldMapping<S, T> mapping,
      List<NaturalKey<S, T>> naturalKeys, boolean sendsNewTinyPlusRecords, boolean cycleMatchesByFirstKey,
      java.util.function.Predicate<T> heldBack) {
    this(type, synergy, tinyPlus, mapping, naturalKeys, sendsNewTinyPlusRecords, cycleMatchesByFirstKey, heldBack,
        List.of());
  }

  /**
   * A binding whose tiny+ records are never held back.
   *
   * @param type the record type
   * @param synergy the Synergy side
   * @param tinyPlus the tiny+ side
   * @param mapping the field rules
   * @param naturalKeys the natural keys
   * @param sendsNewTinyPlusRecords whether a new tiny+ record is created in Synergy
   * @param cycleMatchesByFirstKey whether the cycle links new Synergy records by the first key
   */
  public TypeBinding(RecordType type, SideAccess<S> synergy, SideAccess<T> tinyPlus, FieldMapping<S, T> mapping,
      List<NaturalKey<S, T>> naturalKeys, boolean sendsNewTinyPlusRecords, boolean cycleMatchesByFirstKey) {
    this(type, synergy, tinyPlus, mapping, naturalKeys, sendsNewTinyPlusRecords, cycleMatchesByFirstKey, t -> false);
  }

  /**
   * A request member that names a linked record of another type (a project's manager, a project's client company).
   * When the system written to refuses a write naming that member and the named record is gone there (read again
   * by id: not found, or deleted), the record's link is orphaned and the write is built again, now without the
   * link, so the field rules follow the guide for an unlinked record instead of sending the gone record forever.
   *
   * @param side the system the member is written to
   * @param member the request member (a refusal names it by its {@link Member#name()})
   * @param type the type of the record it names
   * @param records that type's records on {@code side}
   */
  public record Reference(Side side, Member<?, Long> member, RecordType type, SideAccess<?> records) {}

  /**
   * A natural key: a value both sides hold that names the same real thing (an ABN, an email, a name).
   *
   * @param <S> the Synergy record type
   * @param <T> the tiny+ record type
   * @param name the key's name, for reasons in reports
   * @param synergy reads the key from a Synergy record
   * @param tinyPlus reads the key from a tiny+ record
   * @param normaliser compares keys
   */
  public record NaturalKey<S, T>(
      String name, Function<S, String> synergy, Function<T, String> tinyPlus, Normaliser normaliser) {

    String ofSynergy(S record) {
      return normaliser.normalise(synergy.apply(record));
    }

    String ofTinyPlus(T record) {
      return normaliser.normalise(tinyPlus.apply(record));
    }
  }
}
