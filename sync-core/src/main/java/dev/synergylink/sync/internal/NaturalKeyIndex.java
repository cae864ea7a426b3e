package dev.synergylink.sync.internal;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Natural-key matching, one piece for the cycle and the manual controls. The other side's unlinked records are
 * listed once per run, when the first record that carries no marker needs them, and shared by every record of the
 * run: ceil(records / page size) list calls on that side, at most once per run, type and direction. A run in which
 * every record is linked or found by its marker lists nothing (so an idle cycle stays at one list call per type and
 * side). Neither API filters by ABN, email or name, and keys are compared normalised, so a look-up per record would
 * cost a listing per record. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class NaturalKeyIndex<S, T extends SyncedRecord> {
  private final Run run;
  private final TypeBinding<S, T> binding;
  /** Whether a record's copy may exist (an open or unsettled create of it): it is not offered. */
  private final Predicate<RecordRef> awaitingCreate;
  private Index<T> tinyPlusIndex;
  private Index<S> synergyIndex;
  /** The records linked in this run: the indexes, listed earlier, must not offer them. */
  private final Set<RecordRef> linkedInRun = new HashSet<>();

  NaturalKeyIndex(Run run, TypeBinding<S, T> binding, Predicate<RecordRef> awaitingCreate) {
    this.run = run;
    this.binding = binding;
    this.awaitingCreate = awaitingCreate;
  }

  /** Remembers that a pair's records are linked now, so that an index listed before never offers them. */
  void noteLinked(Link link) {
    linkedInRun.add(new RecordRef(Side.SYNERGY, link.synergyId()));
    linkedInRun.add(new RecordRef(Side.TINYPLUS, link.tinyPlusId()));
  }

  /**
   * Matches an unlinked Synergy record with the one unlinked tiny+ record that shares a natural key with it.
   *
   * @param keyCount how many natural keys to try, strongest first
   */
  Function<S, T> tinyPlusMatch(int keyCount) {
    return s -> {
      List<String> keys = keys(keyCount, key -> key.ofSynergy(s));
      if (keys == null) {
        return null;
      }
      if (tinyPlusIndex == null) {
        tinyPlusIndex = index(binding.tinyPlus(), t -> keys(Integer.MAX_VALUE, key -> key.ofTinyPlus(t)));
      }
      return tinyPlusIndex.take(keys);
    };
  }

  /**
   * Matches an unlinked tiny+ record with the one unlinked Synergy record that shares a natural key with it.
   *
   * @param keyCount how many natural keys to try, strongest first
   */
  Function<T, S> synergyMatch(int keyCount) {
    return t -> {
      List<String> keys = keys(keyCount, key -> key.ofTinyPlus(t));
      if (keys == null) {
        return null;
      }
      if (synergyIndex == null) {
        synergyIndex = index(binding.synergy(), s -> keys(Integer.MAX_VALUE, key -> key.ofSynergy(s)));
      }
      return synergyIndex.take(keys);
    };
  }

  /** A record's first natural key values (null where it has none), or null when it has none at all. */
  private List<String> keys(int keyCount, Function<TypeBinding.NaturalKey<S, T>, String> read) {
    List<String> keys = new ArrayList<>();
    boolean any = false;
    for (TypeBinding.NaturalKey<S, T> key : binding.naturalKeys()) {
      if (keys.size() == keyCount) {
        break;
      }
      String value = read.apply(key);
      keys.add(value);
      any |= value != null;
    }
    return any ? keys : null;
  }

  /**
   * Whether a record listed into an index is still free to match: not linked in this run since, and not the source
   * of a create whose outcome is not known yet (its copy may exist), open or not settled this run.
   */
  private boolean unclaimed(RecordRef record) {
    return !linkedInRun.contains(record) && !awaitingCreate.test(record);
  }

  /** Lists one side's records that are neither linked nor marked as some record's copy, by natural key. */
  private <R> Index<R> index(SideAccess<R> side, Function<R, List<String>> keys) {
    RecordType type = binding.type();
    Index<R> index = new Index<>(side);
    for (int i = 0; i < binding.naturalKeys().size(); i++) {
      index.byKey.add(new HashMap<>());
    }
    int pageSize = run.settings.pageSize();
    ListingGuard guard = new ListingGuard(side.side(), pageSize, true);
    for (int offset = 0; ; offset += pageSize) {
      ListPage<R> page = side.listAll(offset, pageSize);
      guard.check(page, side);
      List<Long> ids = new ArrayList<>();
      for (R record : page.items()) {
        ids.add(side.id(record));
      }
      Map<Long, Link> links = side.side() == Side.SYNERGY
          ? run.store.linksBySynergyId(run.connectionId(), type, ids)
          : run.store.linksByTinyPlusId(run.connectionId(), type, ids);
      for (R record : page.items()) {
        if (links.containsKey(side.id(record)) || side.markedPartner(record) != null) {
          continue; // a marked record is its original's copy: only the marker links it
        }
        List<String> values = keys.apply(record);
        for (int i = 0; values != null && i < values.size(); i++) {
          if (values.get(i) != null) {
            index.byKey.get(i).computeIfAbsent(values.get(i), k -> new ArrayList<>()).add(record);
          }
        }
      }
      run.checkpoint();
      if (page.received() < pageSize) {
        return index;
      }
    }
  }

  /** The unlinked records of one side by natural key, each taken at most once. */
  private final class Index<R> {
    private final SideAccess<R> side;
    private final List<Map<String, List<R>>> byKey = new ArrayList<>();
    private final Map<R, Boolean> taken = new IdentityHashMap<>();

    Index(SideAccess<R> side) {
      this.side = side;
    }

    /** The one record the strongest key that names any names, or null when none or several do. */
    R take(List<String> keys) {
      for (int i = 0; i < keys.size() && i < byKey.size(); i++) {
        String key = keys.get(i);
        if (key == null) {
          continue;
        }
        List<R> candidates = new ArrayList<>(byKey.get(i).getOrDefault(key, List.of()));
        candidates.removeIf(r -> taken.containsKey(r) || !unclaimed(new RecordRef(side.side(), side.id(r))));
        if (candidates.size() == 1) {
          taken.put(candidates.get(0), true);
          return candidates.get(0);
        }
        if (candidates.size() > 1) {
          return null; // ambiguous: better a new record than the wrong link
        }
      }
      return null;
    }
  }
}
