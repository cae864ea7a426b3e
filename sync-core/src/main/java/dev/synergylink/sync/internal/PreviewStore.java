package dev.synergylink.sync.internal;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A preview's state store: a copy of one connection's state, read once from the host's store, that takes the
 * preview's changes in memory and forgets them with it. The host's store is only read, so a preview changes no link,
 * cursor, intent, quarantine or lease there. Not thread-safe: one preview runs on one thread.
 */
final class PreviewStore implements StateStore {
  private final String connectionId;
  private final Map<RecordType, Map<Long, Link>> bySynergy = new EnumMap<>(RecordType.class);
  private final Map<RecordType, Map<Long, Link>> byTinyPlus = new EnumMap<>(RecordType.class);
  private final Map<String, Cursor> cursors = new TreeMap<>();
  private final Map<String, PendingCreate> pending = new LinkedHashMap<>();
  private final Map<String, RecordFailure> failures = new TreeMap<>();

  private PreviewStore(String connectionId) {
    this.connectionId = connectionId;
  }

  /**
   * A copy of a connection's state as the host's store holds it now.
   *
   * @param store the host's store, only read
   * @param connectionId the connection
   * @return the copy
   */
  static PreviewStore copyOf(StateStore store, String connectionId) {
    PreviewStore copy = new PreviewStore(connectionId);
    for (RecordType type : RecordType.values()) {
      for (Link link : store.links(connectionId, type)) {
        copy.put(link);
      }
      for (PendingCreate intent : store.pendingCreates(connectionId, type)) {
        copy.pending.put(key(intent), intent);
      }
      for (Side side : Side.values()) {
        store.cursor(connectionId, type, side).ifPresent(c -> copy.cursors.put(key(type, side), c));
      }
    }
    for (RecordFailure failure : store.failures(connectionId)) {
      copy.failures.put(key(failure.recordType(), failure.side(), failure.recordId()), failure);
    }
    return copy;
  }

  @Override
  public Optional<Lease> acquireLease(String connection, String holder, Instant now, Duration ttl) {
    return Optional.of(Lease.builder().connectionId(connection).holder(holder).fencingToken(0)
        .expiresAt(now.plus(ttl)).build());
  }

  @Override
  public Optional<Lease> currentLease(String connection, Instant now) {
    return Optional.empty();
  }

  @Override
  public Lease renewLease(Lease lease, Instant now, Duration ttl) {
    return Lease.builder().from(lease).expiresAt(now.plus(ttl)).build();
  }

  @Override
  public void releaseLease(Lease lease) {
    // nothing is held in the host's store
  }

  @Override
  public Map<Long, Link> linksBySynergyId(String connection, RecordType type, Collection<Long> ids) {
    return pick(links(bySynergy, type), ids);
  }

  @Override
  public Map<Long, Link> linksByTinyPlusId(String connection, RecordType type, Collection<Long> ids) {
    return pick(links(byTinyPlus, type), ids);
  }

  @Override
  public List<Link> links(String connection, RecordType type) {
    return links(bySynergy, type).values().stream().sorted(Comparator.comparingLong(Link::synergyId))
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public void saveLink(Lease lease, Link link) {
    Link oldBySynergy = links(bySynergy, link.recordType()).remove(link.synergyId());
    if (oldBySynergy != null) {
      links(byTinyPlus, link.recordType()).remove(oldBySynergy.tinyPlusId());
    }
    Link oldByTinyPlus = links(byTinyPlus, link.recordType()).remove(link.tinyPlusId());
    if (oldByTinyPlus != null) {
      links(bySynergy, link.recordType()).remove(oldByTinyPlus.synergyId());
    }
    put(link);
  }

  @Override
  public void deleteLink(Lease lease, RecordType type, long synergyId) {
    Link old = links(bySynergy, type).remove(synergyId);
    if (old != null) {
      links(byTinyPlus, type).remove(old.tinyPlusId());
    }
  }

  @Override
  public Optional<Cursor> cursor(String connection, RecordType type, Side side) {
    return Optional.ofNullable(cursors.get(key(type, side)));
  }

  @Override
  public void saveCursor(Lease lease, RecordType type, Side side, Cursor cursor) {
    cursors.put(key(type, side), cursor);
  }

  @Override
  public void savePendingCreate(Lease lease, PendingCreate intent) {
    pending.put(key(intent), intent);
  }

  @Override
  public List<PendingCreate> pendingCreates(String connection, RecordType type) {
    return pending.values().stream().filter(p -> p.recordType() == type)
        .sorted(Comparator.comparing(PendingCreate::createdAt)).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public void completePendingCreate(Lease lease, PendingCreate intent) {
    pending.remove(key(intent));
  }

  @Override
  public void saveFailure(Lease lease, RecordFailure failure) {
    failures.put(key(failure.recordType(), failure.side(), failure.recordId()), failure);
  }

  @Override
  public void clearFailure(Lease lease, RecordType type, Side side, long recordId) {
    failures.remove(key(type, side, recordId));
  }

  @Override
  public Map<Long, RecordFailure> failures(String connection, RecordType type, Side side, Collection<Long> ids) {
    Map<Long, RecordFailure> found = new LinkedHashMap<>();
    for (Long id : ids) {
      RecordFailure failure = failures.get(key(type, side, id));
      if (failure != null) {
        found.put(id, failure);
      }
    }
    return found;
  }

  @Override
  public List<RecordFailure> dueFailures(String connection, RecordType type, Instant now, int limit) {
    return failures.values().stream().filter(f -> f.recordType() == type && !f.nextRetry().isAfter(now))
        .sorted(Comparator.comparing(RecordFailure::nextRetry)).limit(limit)
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public List<RecordFailure> failures(String connection) {
    return List.copyOf(failures.values());
  }

  private void put(Link link) {
    links(bySynergy, link.recordType()).put(link.synergyId(), link);
    links(byTinyPlus, link.recordType()).put(link.tinyPlusId(), link);
  }

  private static Map<Long, Link> links(Map<RecordType, Map<Long, Link>> index, RecordType type) {
    return index.computeIfAbsent(type, t -> new LinkedHashMap<>());
  }

  private static <V> Map<Long, V> pick(Map<Long, V> from, Collection<Long> ids) {
    Map<Long, V> found = new LinkedHashMap<>();
    for (Long id : ids) {
      V value = from.get(id);
      if (value != null) {
        found.put(id, value);
      }
    }
    return found;
  }

  private static String key(RecordType type, Side side) {
    return type + "/" + side;
  }

  private static String key(RecordType type, Side side, long id) {
    return type + "/" + side + "/" + String.format("%020d", id);
  }

  private static String key(PendingCreate intent) {
    return key(intent.recordType(), intent.target(), intent.sourceId());
  }

  @Override
  public String toString() {
    return "PreviewStore{" + connectionId + "}";
  }
}
