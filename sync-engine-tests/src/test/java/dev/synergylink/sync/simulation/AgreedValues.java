package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simulation's own model of what the two records of each linked pair last agreed on, per field and side, built
 * only from what the world saw through the fakes: what each side held when the pair was first seen linked, the values
 * each record holds right after the engine wrote a field of it (the engine has just settled that field of the pair),
 * and the values two records hold alike after an operation in which the engine read both as they are. A field left
 * apart (one side could not take the other's value) keeps each side's own value. It never reads the engine's stored
 * state, so a wrong snapshot in the engine cannot excuse a lost edit here.
 *
 * <p>It also keeps the values each record the engine created was created with, so that an edit of the original
 * before the pair is linked (a lost answer, a crash) can be compared with what the engine sent.
 *
 * <p>Which records are linked is read from the state store (links' ids and orphaned flags only). Not thread-safe.
 */
final class AgreedValues {
  /** A linked pair. */
  private record Pair(RecordType type, long synergyId, long tinyPlusId) {
    static Pair of(Link link) {
      return new Pair(link.recordType(), link.synergyId(), link.tinyPlusId());
    }
  }

  /**
   * What one field of a pair last agreed on, as each side holds it (equal unless the field was left apart); a tiny+
   * change held back in a locked status has no tiny+ value that is "no change" ({@code tinyPlusHeld}).
   */
  private record Base(String synergy, String tinyPlus, boolean tinyPlusHeld, Maybe maybe) {
    Base(String synergy, String tinyPlus) {
      this(synergy, tinyPlus, false, null);
    }

    Base(String synergy, String tinyPlus, boolean tinyPlusHeld) {
      this(synergy, tinyPlus, tinyPlusHeld, null);
    }

    boolean same(Side side, String value) {
      return side == Side.SYNERGY ? Objects.equals(synergy, value) : !tinyPlusHeld && Objects.equals(tinyPlus, value);
    }
  }

  /** A value both records held alike when an operation read them and stopped (the value itself may be null). */
  private record Maybe(String value) {}

  /** A record on one side. */
  private record Ref(RecordType type, Side side, long id) {}

  private final World world;
  private final Map<Pair, Map<String, Base>> bases = new HashMap<>();
  private final Map<Ref, Map<String, String>> created = new HashMap<>();
  /**
   * The records the engine read in the running operation, every version of each it read: a lagging Synergy list can
   * hand over an older version after a read by id gave the current one, and the engine ignores the older one.
   */
  private final Map<Ref, Set<Object>> read = new HashMap<>();
  private int synergySeen;
  private int tinyPlusSeen;

  AgreedValues(World world) {
    this.world = world;
  }

  /** After every API call: the engine's writes since the last look, read back from the records written. */
  void afterCall() {
    synergySeen = see(Side.SYNERGY, world.synergy.writes(), synergySeen);
    tinyPlusSeen = see(Side.TINYPLUS, world.tinyPlus.writes(), tinyPlusSeen);
  }

  private int see(Side side, List<FakeWrite> writes, int from) {
    for (int i = from; i < writes.size(); i++) {
      FakeWrite w = writes.get(i);
      if (w.source() == FakeWrite.Source.API) {
        RecordType type = World.typeOf(side, w.resource());
        if (type != null && world.views.containsKey(type)) {
          engineWrote(world.views.get(type), side, w);
        }
      }
    }
    return writes.size();
  }

  private <S, T extends SyncedRecord> void engineWrote(View<S, T> view, Side side,
      FakeWrite w) {
    if (w.action() == FakeWrite.Action.CREATE) {
      created.put(new Ref(view.type, side, w.id()), view.values(side, w.id()));
    }
    if (w.action() == FakeWrite.Action.DELETE) {
      return;
    }
    Link link = world.link(view.type, side, w.id());
    if (link == null || link.orphaned()) {
      return; // a copy not linked yet: the pair is first seen at the end of the operation
    }
    Map<String, Base> pair = bases.get(Pair.of(link));
    if (pair == null) {
      firstSeen(view, link); // linked in this operation: it starts from what each side holds now
      return;
    }
    for (FieldRule<S, T> rule : view.mapping.rules()) {
      if (w.members().containsKey(side == Side.SYNERGY ? rule.synergyField() : rule.tinyPlusField())) {
        pair.put(rule.name(), new Base(view.value(Side.SYNERGY, link.synergyId(), rule.name()),
            view.value(Side.TINYPLUS, link.tinyPlusId(), rule.name())));
      }
    }
  }

  /** After every API call: the records the call returned (a page of a list, or one record), as the engine saw them. */
  void engineRead(Side side, String resource, Object result) {
    RecordType type = World.typeOfResource(side, resource);
    View<?, ?> view = type == null ? null : world.views.get(type);
    if (view == null || result == null) {
      return;
    }
    List<?> records = result instanceof dev.synergylink.synergy.Page
        ? ((dev.synergylink.synergy.Page<?>) result).items()
        : result instanceof dev.synergylink.tinyplus.Page ? ((dev.synergylink.tinyplus.Page<?>) result).records()
        : List.of(result);
    for (Object record : records) {
      long id = side == Side.SYNERGY ? view.synergyIdOf(record) : ((SyncedRecord) record).id();
      read.computeIfAbsent(new Ref(type, side, id), k -> new HashSet<>()).add(record);
    }
  }

  /**
   * After every operation: a pair linked in it starts from what each side holds (the engine has just created or
   * matched it, and written whatever the other side lacked). A pair seen before changes through the engine's writes,
   * and where the engine read both its records in the operation as they still are: two sides that came to hold the
   * same value by people's edits agree once the engine has seen both edits (its change polls may not have yet), in an
   * operation that ran to its end: one that crashed or was aborted (a quota used up, a lease lost) may have stopped
   * after reading a pair and before merging it, and so may the sync of a record type that stopped (a list call that
   * failed after handing over a page).
   *
   * @param completed whether the operation ran to its end
   * @param stoppedTypes the record types whose sync stopped in it
   * @return the links of the records the engine read in the operation
   */
  List<Link> afterOperation(boolean completed, java.util.Set<RecordType> stoppedTypes) {
    afterCall();
    for (View<?, ?> view : world.views.values()) {
      for (Link link : world.store.links(World.CONNECTION, view.type)) {
        if (!bases.containsKey(Pair.of(link)) && world.livePair(view.type, link)) {
          firstSeen(view, link);
        }
      }
    }
    List<Link> readPairs = readPairs();
    for (Link link : readPairs) {
      View<?, ?> view = world.views.get(link.recordType());
      if (!bases.containsKey(Pair.of(link)) || !world.livePair(view.type, link)) {
        continue;
      }
      if (!completed || stoppedTypes.contains(link.recordType())) {
        if (!heldBackNow(view, link) && readAsTheyAre(view, link)) {
          maybeAgreeWhereEqual(view, link);
        }
      } else if (heldBackNow(view, link)) {
        holdBack(view, link);
      } else if (readAsTheyAre(view, link)) {
        agreeWhereEqual(view, link);
      }
    }
    read.clear();
    return readPairs;
  }

  /** The links (not orphaned) of the records the engine read in the operation, each once. */
  private List<Link> readPairs() {
    Map<Pair, Link> links = new LinkedHashMap<>();
    for (Ref ref : read.keySet()) {
      Link link = world.link(ref.type(), ref.side(), ref.id());
      if (link != null && !link.orphaned()) {
        links.putIfAbsent(Pair.of(link), link);
      }
    }
    return List.copyOf(links.values());
  }

  /**
   * Whether the engine read both records of the pair in the operation as they still are: it then merged what they
   * hold now (a list hidden by Synergy's replica lag gives an older version, and a person may have changed a record
   * since it was read).
   */
  private boolean readAsTheyAre(View<?, ?> view, Link link) {
    Set<Object> s = read.getOrDefault(new Ref(view.type, Side.SYNERGY, link.synergyId()), Set.of());
    Set<Object> t = read.getOrDefault(new Ref(view.type, Side.TINYPLUS, link.tinyPlusId()), Set.of());
    Object synergyNow = view.synergyGet.apply(link.synergyId());
    Object tinyPlusNow = view.tinyGet.apply(link.tinyPlusId());
    return synergyNow != null && tinyPlusNow != null && s.contains(synergyNow) && t.contains(tinyPlusNow);
  }

  /** Whether the pair's tiny+ project is in a locked status and the engine read it in the operation as it is. */
  private boolean heldBackNow(View<?, ?> view, Link link) {
    if (view.type != RecordType.PROJECT) {
      return false;
    }
    dev.synergylink.tinyplus.Project t = world.tinyPlusProject(link.tinyPlusId());
    return t != null && world.locked(t)
        && read.getOrDefault(new Ref(view.type, Side.TINYPLUS, link.tinyPlusId()), Set.of()).contains(t);
  }

  /**
   * A tiny+ project in a locked status sends nothing (the guide): a field it changed, or held back before, stays held
   * back (whatever tiny+ holds is the change to send once it is released, even a value equal to Synergy's, which a
   * lagging Synergy list may not show yet), and Synergy's value is taken as seen.
   */
  private <S, T extends SyncedRecord> void holdBack(View<S, T> view, Link link) {
    Map<String, Base> pair = bases.get(Pair.of(link));
    Map<String, String> synergy = view.values(Side.SYNERGY, link.synergyId());
    Map<String, String> tinyPlus = view.values(Side.TINYPLUS, link.tinyPlusId());
    for (FieldRule<S, T> rule : view.mapping.rules()) {
      String name = rule.name();
      Base base = pair.get(name);
      boolean sent = rule.direction() == Direction.BOTH || rule.direction() == Direction.TO_SYNERGY;
      boolean changed = base == null || base.tinyPlusHeld() || !Objects.equals(base.tinyPlus(), tinyPlus.get(name));
      if (sent && changed && (base != null && base.tinyPlusHeld()
          || !Objects.equals(synergy.get(name), tinyPlus.get(name)))) {
        pair.put(name, new Base(synergy.get(name), tinyPlus.get(name), true));
      } else if (Objects.equals(synergy.get(name), tinyPlus.get(name))) {
        pair.put(name, new Base(synergy.get(name), synergy.get(name)));
      }
    }
  }

  /** The engine merged both records as they are: where they hold the same value, that is what they agree on. */
  private void agreeWhereEqual(View<?, ?> view, Link link) {
    Map<String, Base> pair = bases.get(Pair.of(link));
    Map<String, String> tinyPlus = view.values(Side.TINYPLUS, link.tinyPlusId());
    view.values(Side.SYNERGY, link.synergyId()).forEach((rule, value) -> {
      if (Objects.equals(value, tinyPlus.get(rule))) {
        pair.put(rule, new Base(value, value));
      }
    });
  }

  /** The engine read both records as they are, then stopped: where they hold the same value, it may agree on it. */
  private void maybeAgreeWhereEqual(View<?, ?> view, Link link) {
    Map<String, Base> pair = bases.get(Pair.of(link));
    Map<String, String> tinyPlus = view.values(Side.TINYPLUS, link.tinyPlusId());
    view.values(Side.SYNERGY, link.synergyId()).forEach((rule, value) -> {
      Base base = pair.get(rule);
      if (base != null && Objects.equals(value, tinyPlus.get(rule)) && !base.same(Side.SYNERGY, value)) {
        pair.put(rule, new Base(base.synergy(), base.tinyPlus(), base.tinyPlusHeld(), new Maybe(value)));
      }
    });
  }

  private void firstSeen(View<?, ?> view, Link link) {
    Map<String, Base> pair = new HashMap<>();
    Map<String, String> synergy = view.values(Side.SYNERGY, link.synergyId());
    Map<String, String> tinyPlus = view.values(Side.TINYPLUS, link.tinyPlusId());
    synergy.forEach((rule, value) -> pair.put(rule, new Base(value, tinyPlus.get(rule))));
    bases.put(Pair.of(link), pair);
  }

  /** Whether {@code value} is what {@code side} of the pair last agreed on for the rule (false when not known). */
  boolean sameAsAgreed(Link link, Side side, String rule, String value) {
    Base base = base(link, rule);
    return base != null && base.same(side, value);
  }

  /**
   * Whether {@code value} is one both records of the pair held alike when an operation read them and then stopped
   * before its end (the engine may or may not have merged them).
   */
  boolean sameAsMaybeAgreed(Link link, String rule, String value) {
    Base base = base(link, rule);
    return base != null && base.maybe() != null && Objects.equals(base.maybe().value(), value);
  }

  /** The value both sides of the pair last agreed on for the rule, or null when they were left apart or unknown. */
  String agreed(Link link, String rule) {
    Base base = base(link, rule);
    return base != null && !base.tinyPlusHeld() && Objects.equals(base.synergy(), base.tinyPlus()) ? base.synergy()
        : null;
  }

  private Base base(Link link, String rule) {
    Map<String, Base> pair = bases.get(Pair.of(link));
    return pair == null ? null : pair.get(rule);
  }

  /**
   * Whether an edit of a record that is not linked sets the value its copy (made by the engine, found by its marker)
   * was created with: the engine merges the copy, once it links it, against what it sent.
   */
  boolean sameAsCreated(RecordType type, Side side, long id, String rule, String value) {
    Long copy = world.views.get(type).markedCopy(side, id);
    Map<String, String> sent = copy == null ? null : created.get(new Ref(type, side.other(), copy));
    return sent != null && !sent.isEmpty() && Objects.equals(sent.get(rule), value);
  }
}
