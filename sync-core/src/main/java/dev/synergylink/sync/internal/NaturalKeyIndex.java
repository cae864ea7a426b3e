package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.tinyplus.SyncedRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Natural-key matching, and the copies a transfer learns of, one piece for the cycle and the manual controls. The
 * other side's unlinked records are listed once per run, when the first record that needs them comes, and shared by
 * every record of the run: a run in which every record is linked or found by its marker lists nothing (so an idle
 * cycle stays at one list call per type and side). Neither API filters by ABN, email or name, and keys are compared
 * normalised, so a look-up per record would cost a listing per record.
 *
 * <p>What is listed: the whole side until a transfer has gone through it (then every record of it is linked, in
 * quarantine, or new); after that, in the cycle, only its records changed since its cursor (what its poll returns)
 * and its unlinked records in quarantine. A transfer lists the whole side, and with it the copies its marker names,
 * deleted ones included, so that no record costs a marker look-up of its own.
 *
 * <p>The index keeps ids and hashed keys only, never records (100,000 records are a few megabytes): a record matched
 * is read by id, and its key compared in full, before it is linked. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class NaturalKeyIndex<S, T extends SyncedRecord> {
  private static final long NONE = Long.MIN_VALUE;
  private static final long AMBIGUOUS = Long.MIN_VALUE + 1;

  /**
   * A copy a listing showed: a record marked as the copy of a record of the other side.
   *
   * @param id the copy's id
   * @param deleted whether it was deleted (tiny+ keeps deleted records)
   */
  record ListedCopy(long id, boolean deleted) {}

  private final Run run;
  private final TypeBinding<S, T> binding;
  private final Mode mode;
  /** Whether a record's copy may exist (an open or unsettled create of it): it is not offered. */
  private final Predicate<RecordRef> awaitingCreate;
  private Listed<T> tinyPlusListed;
  private Listed<S> synergyListed;
  /** The records linked (or taken by a match) in this run: the indexes, listed earlier, must not offer them. */
  private final IdMap claimedSynergy = new IdMap();
  private final IdMap claimedTinyPlus = new IdMap();

  NaturalKeyIndex(Run run, TypeBinding<S, T> binding, Mode mode, Predicate<RecordRef> awaitingCreate) {
    this.run = run;
    this.binding = binding;
    this.mode = mode;
    this.awaitingCreate = awaitingCreate;
  }

  /** Remembers that a pair's records are linked now, so that an index listed before never offers them. */
  void noteLinked(Link link) {
    claimedSynergy.put(link.synergyId(), 1);
    claimedTinyPlus.put(link.tinyPlusId(), 1);
  }

  /**
   * Matches an unlinked Synergy record with the one unlinked tiny+ record that shares a natural key with it.
   *
   * @param keyCount how many natural keys to try, strongest first
   */
  Function<S, T> tinyPlusMatch(int keyCount) {
    return s -> {
      List<String> keys = keys(keyCount, key -> key.ofSynergy(s));
      return keys == null ? null : tinyPlus().take(keys);
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
      return keys == null ? null : synergy().take(keys);
    };
  }

  /**
   * In a transfer: the tiny+ copy of a Synergy record, as the tiny+ listing showed it (a live copy first).
   *
   * @return the copy, or null when the listing held none
   */
  ListedCopy copyOfSynergy(long synergyId) {
    return tinyPlus().copyOf(synergyId);
  }

  /**
   * In a transfer: the Synergy copy of a tiny+ record, as the Synergy listing showed it.
   *
   * @return the copy, or null when the listing held none
   */
  ListedCopy copyOfTinyPlus(long tinyPlusId) {
    return synergy().copyOf(tinyPlusId);
  }

  private Listed<T> tinyPlus() {
    if (tinyPlusListed == null) {
      tinyPlusListed = new Listed<>(binding.tinyPlus(), claimedTinyPlus,
          t -> keys(Integer.MAX_VALUE, key -> key.ofTinyPlus(t)));
      tinyPlusListed.list();
    }
    return tinyPlusListed;
  }

  private Listed<S> synergy() {
    if (synergyListed == null) {
      synergyListed = new Listed<>(binding.synergy(), claimedSynergy,
          s -> keys(Integer.MAX_VALUE, key -> key.ofSynergy(s)));
      synergyListed.list();
    }
    return synergyListed;
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

  /** One side's unlinked records by hashed natural key, and (in a transfer) the copies its markers name. */
  private final class Listed<R> {
    private final SideAccess<R> side;
    private final IdMap claimed;
    private final Function<R, List<String>> keysOf;
    private final List<IdMap> byKey = new ArrayList<>();
    private final IdMap copies = new IdMap();
    private final IdMap deletedCopies = new IdMap();

    Listed(SideAccess<R> side, IdMap claimed, Function<R, List<String>> keysOf) {
      this.side = side;
      this.claimed = claimed;
      this.keysOf = keysOf;
      for (int i = 0; i < binding.naturalKeys().size(); i++) {
        byKey.add(new IdMap());
      }
    }

    /** Lists the side: in full, or (a cycle after a transfer went through it) what is new and what waits. */
    void list() {
      if (!mode.transferring() && run.store.transferred(run.connectionId(), binding.type(), side.side())) {
        Optional<Instant> since = run.store.cursor(run.connectionId(), binding.type(), side.side())
            .map(c -> c.modified().minus(run.settings.lookback()).truncatedTo(ChronoUnit.SECONDS));
        if (since.isPresent() && addQuarantined()) {
          listPages((offset, size) -> side.listChanged(since.get(), offset, size), false);
          return;
        }
      }
      listPages(side::listAll, true);
      if (mode.transferring()) {
        listPages(side::listDeletedCopies, true);
      }
    }

    private void listPages(PageSource<R> source, boolean forwardOnly) {
      int pageSize = run.settings.pageSize();
      ListingGuard guard = new ListingGuard(side.side(), pageSize, forwardOnly);
      for (int offset = 0; ; offset += pageSize) {
        ListPage<R> page = source.page(offset, pageSize);
        guard.check(page, side);
        add(page.items());
        run.checkpoint();
        if (page.received() < pageSize) {
          return;
        }
      }
    }

    /**
     * Adds this side's unlinked records in quarantine (excluded, failing), read by id: after a transfer went through
     * the side they are the only old records not linked. Past a page of them a full listing is cheaper.
     *
     * @return false when there are too many to read one by one
     */
    private boolean addQuarantined() {
      List<Long> ids = new ArrayList<>();
      for (RecordFailure failure : run.store.failures(run.connectionId())) {
        if (failure.recordType() == binding.type() && failure.side() == side.side()) {
          ids.add(failure.recordId());
        }
      }
      if (ids.size() > run.settings.pageSize()) {
        return false;
      }
      ids.removeAll(links(ids).keySet());
      List<R> records = new ArrayList<>();
      for (long id : ids) {
        R record = read(id);
        if (record != null) {
          records.add(record);
        }
      }
      add(records);
      return true;
    }

    private Map<Long, Link> links(List<Long> ids) {
      return side.side() == Side.SYNERGY
          ? run.store.linksBySynergyId(run.connectionId(), binding.type(), ids)
          : run.store.linksByTinyPlusId(run.connectionId(), binding.type(), ids);
    }

    private void add(List<R> records) {
      List<Long> ids = new ArrayList<>(records.size());
      for (R record : records) {
        ids.add(side.id(record));
      }
      Map<Long, Link> links = links(ids);
      for (R record : records) {
        long id = side.id(record);
        Long partner = side.markedPartner(record);
        if (partner != null) {
          // a marked record is its original's copy: only the marker links it, never a key
          (side.deleted(record) ? deletedCopies : copies).putIfAbsent(partner, id);
          continue;
        }
        if (links.containsKey(id) || side.deleted(record)) {
          continue;
        }
        List<String> values = keysOf.apply(record);
        for (int i = 0; values != null && i < values.size(); i++) {
          if (values.get(i) != null) {
            long hash = IdMap.hash(values.get(i));
            long known = byKey.get(i).get(hash, NONE);
            byKey.get(i).put(hash, known == NONE || known == id ? id : AMBIGUOUS);
          }
        }
      }
    }

    ListedCopy copyOf(long partner) {
      long id = copies.get(partner, NONE);
      if (id != NONE) {
        return new ListedCopy(id, false);
      }
      id = deletedCopies.get(partner, NONE);
      return id == NONE ? null : new ListedCopy(id, true);
    }

    /**
     * The one record the strongest key that names any names, read by id, or null when none or several do (better a
     * new record than the wrong link), or when the record read no longer holds that key, or is gone.
     */
    R take(List<String> keys) {
      for (int i = 0; i < keys.size() && i < byKey.size(); i++) {
        String key = keys.get(i);
        if (key == null) {
          continue;
        }
        long id = byKey.get(i).get(IdMap.hash(key), NONE);
        if (id == AMBIGUOUS) {
          return null;
        }
        if (id == NONE || claimed.contains(id) || awaitingCreate.test(new RecordRef(side.side(), id))) {
          continue;
        }
        claimed.put(id, 1);
        R record = read(id);
        List<String> now = record == null || side.markedPartner(record) != null ? null : keysOf.apply(record);
        return now != null && key.equals(now.get(i)) ? record : null;
      }
      return null;
    }

    /** A record by id, or null when it is gone (not found, or deleted). */
    private R read(long id) {
      try {
        R record = side.get(id);
        return side.deleted(record) ? null : record;
      } catch (RemoteFailure e) {
        if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
          throw e;
        }
        return null;
      }
    }
  }

  /** One page of a listing. */
  @FunctionalInterface
  private interface PageSource<R> {
    ListPage<R> page(int offset, int pageSize);
  }
}
