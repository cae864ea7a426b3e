package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One record type seen through both web apps' back doors, with its field rules: how the simulation reads a record's
 * values, which records must be synced, and which record is the engine's copy of another (by the marker it carries).
 */
final class View<S, T extends SyncedRecord> {
  final World world;
  final RecordType type;
  final FieldMapping<S, T> mapping;
  final Supplier<List<S>> synergyAll;
  final ToLongFunction<S> synergyId;
  final LongFunction<S> synergyGet;
  final Supplier<List<T>> tinyAll;
  final LongFunction<T> tinyGet;
  final Predicate<T> tinyDeleted;
  final Predicate<S> synergyMustLink;
  final Predicate<T> tinyMustLink;
  /** Readers that replace a rule's own (rules that read through the engine's run). */
  final Map<String, Function<S, String>> synergyReaders = new HashMap<>();
  final Map<String, Function<T, String>> tinyReaders = new HashMap<>();

  View(World world, RecordType type, FieldMapping<S, T> mapping, Supplier<List<S>> synergyAll,
      ToLongFunction<S> synergyId, LongFunction<S> synergyGet, Supplier<List<T>> tinyAll, LongFunction<T> tinyGet,
      Predicate<T> tinyDeleted, Predicate<S> synergyMustLink, Predicate<T> tinyMustLink) {
    this.world = world;
    this.type = type;
    this.mapping = mapping;
    this.synergyAll = synergyAll;
    this.synergyId = synergyId;
    this.synergyGet = synergyGet;
    this.tinyAll = tinyAll;
    this.tinyGet = tinyGet;
    this.tinyDeleted = tinyDeleted;
    this.synergyMustLink = synergyMustLink;
    this.tinyMustLink = tinyMustLink;
  }

  String readSynergy(FieldRule<S, T> rule, S s) {
    Function<S, String> reader = synergyReaders.get(rule.name());
    return rule.normalise(reader != null ? reader.apply(s) : rule.readSynergy(s, world.context));
  }

  String readTinyPlus(FieldRule<S, T> rule, T t) {
    Function<T, String> reader = tinyReaders.get(rule.name());
    return rule.normalise(reader != null ? reader.apply(t) : rule.readTinyPlus(t, world.context));
  }

  /** Whether both records of a live pair must be synced (a contact's company is synced on both sides). */
  boolean eligible(Link link) {
    S s = synergyGet.apply(link.synergyId());
    T t = tinyGet.apply(link.tinyPlusId());
    return s != null && t != null && synergyMustLink.test(s) && tinyMustLink.test(t);
  }

  /** Whether the record a failure is about exists and must be synced. */
  boolean mustLink(RecordFailure failure) {
    if (failure.side() == Side.SYNERGY) {
      S s = synergyGet.apply(failure.recordId());
      return s != null && synergyMustLink.test(s);
    }
    T t = tinyGet.apply(failure.recordId());
    return t != null && !tinyDeleted.test(t) && (type != RecordType.TEAM_MEMBER && tinyMustLink.test(t));
  }

  @SuppressWarnings("unchecked")
  boolean tinyDeletedUnchecked(SyncedRecord record) {
    return tinyDeleted.test((T) record);
  }

  /** The id of a Synergy record of this type. */
  @SuppressWarnings("unchecked")
  long synergyIdOf(Object record) {
    return synergyId.applyAsLong((S) record);
  }

  /** Whether a tiny+ record exists and is not (soft) deleted. */
  boolean tinyLive(long id) {
    T t = tinyGet.apply(id);
    return t != null && !tinyDeleted.test(t);
  }

  Long pickSynergy(int pick) {
    S s = World.pick(synergyAll.get(), pick);
    return s == null ? null : synergyId.applyAsLong(s);
  }

  Long pickTinyPlus(int pick) {
    List<T> live = new ArrayList<>();
    for (T t : tinyAll.get()) {
      if (!tinyDeleted.test(t)) {
        live.add(t);
      }
    }
    T t = World.pick(live, pick);
    return t == null ? null : t.id();
  }

  /** The normalised value of a rule on one record, or null when the record is gone. */
  String value(Side side, long id, String ruleName) {
    FieldRule<S, T> rule = mapping.rule(ruleName).orElseThrow();
    if (side == Side.SYNERGY) {
      S s = synergyGet.apply(id);
      return s == null ? null : readSynergy(rule, s);
    }
    T t = tinyGet.apply(id);
    return t == null ? null : readTinyPlus(rule, t);
  }

  /** Every rule's normalised value on one record (empty when the record is gone). */
  Map<String, String> values(Side side, long id) {
    Map<String, String> values = new LinkedHashMap<>();
    S s = side == Side.SYNERGY ? synergyGet.apply(id) : null;
    T t = side == Side.TINYPLUS ? tinyGet.apply(id) : null;
    if (s == null && t == null) {
      return values;
    }
    for (FieldRule<S, T> rule : mapping.rules()) {
      values.put(rule.name(), s != null ? readSynergy(rule, s) : readTinyPlus(rule, t));
    }
    return values;
  }

  /**
   * The id of the engine's copy of a record, found by the marker the copy carries (its link may not be saved yet: a
   * crash or a lost answer after the create), or null.
   */
  Long markedCopy(Side originalSide, long originalId) {
    if (originalSide == Side.SYNERGY) {
      for (T t : tinyAll.get()) {
        if (!tinyDeleted.test(t) && world.settings.syncOrigin().equals(t.syncOrigin())
            && Long.toString(originalId).equals(t.remoteId())) {
          return t.id();
        }
      }
      return null;
    }
    for (S s : synergyAll.get()) {
      if (("tinyplus:" + originalId).equals(externalReference(s))) {
        return synergyId.applyAsLong(s);
      }
    }
    return null;
  }

  /** The marker a Synergy record carries (its {@code externalReference}), or null. */
  private String externalReference(S s) {
    return s instanceof Contact ? ((Contact) s).externalReference()
        : s instanceof Project ? ((Project) s).externalReference()
        : s instanceof Personnel ? ((Personnel) s).externalReference() : null;
  }

  void checkNoDuplicates() {
    Map<String, List<Long>> byRemote = new HashMap<>();
    for (T t : tinyAll.get()) {
      if (!tinyDeleted.test(t) && world.settings.syncOrigin().equals(t.syncOrigin()) && t.remoteId() != null) {
        byRemote.computeIfAbsent(t.remoteId(), k -> new ArrayList<>()).add(t.id());
      }
    }
    byRemote.forEach((remote, ids) -> {
      if (ids.size() > 1) {
        throw new InvariantViolation("duplicate", "tiny+ " + type + " records " + ids + " are all copies of"
            + " Synergy record " + remote);
      }
    });
    if (type == RecordType.TEAM_MEMBER) {
      return;
    }
    Map<String, List<Long>> byReference = new HashMap<>();
    for (S s : synergyAll.get()) {
      String reference = externalReference(s);
      if (reference != null && reference.startsWith("tinyplus:")) {
        byReference.computeIfAbsent(reference, k -> new ArrayList<>()).add(synergyId.applyAsLong(s));
      }
    }
    byReference.forEach((reference, ids) -> {
      if (ids.size() > 1) {
        throw new InvariantViolation("duplicate", "Synergy " + type + " records " + ids + " all carry " + reference);
      }
    });
  }
}
