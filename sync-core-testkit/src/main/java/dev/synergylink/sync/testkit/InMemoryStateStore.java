package dev.synergylink.sync.testkit;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.LeaseLostException;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link StateStore} held in memory, for tests and demos. It keeps the state of any number of connections, so
 * a test can stop one engine mid-run and start a new engine on the same store, as a crashed worker's replacement
 * would. Its extra methods let a test look at everything stored.
 *
 * <pre>{@code
 * InMemoryStateStore store = InMemoryStateStore.create();
 * SyncEngine engine = SyncEngine.builder().stateStore(store)...build();
 * engine.syncOnce();
 * assertThat(store.links("acme", RecordType.COMPANY)).hasSize(3);
 * }</pre>
 *
 * <p>Thread-safe: every method is atomic.
 */
public final class InMemoryStateStore implements StateStore {
  private final Map<String, ConnectionState> connections = new HashMap<>();

  private InMemoryStateStore() {}

  /**
   * An empty store.
   *
   * @return the store
   */
  public static InMemoryStateStore create() {
    return new InMemoryStateStore();
  }

  private ConnectionState state(String connectionId) {
    Objects.requireNonNull(connectionId, "connectionId == null");
    return connections.computeIfAbsent(connectionId, id -> new ConnectionState());
  }

  private ConnectionState fenced(Lease lease) {
    Objects.requireNonNull(lease, "lease == null");
    ConnectionState state = state(lease.connectionId());
    if (state.lease == null || state.lease.fencingToken() != lease.fencingToken()) {
      throw new LeaseLostException("the lease of connection '" + lease.connectionId() + "' held by '"
          + lease.holder() + "' (token " + lease.fencingToken() + ") is no longer current"
          + (state.lease == null ? "" : ": '" + state.lease.holder() + "' holds token " + state.lease.fencingToken()));
    }
    return state;
  }

  // ---- lease ----

  @Override
  public synchronized Optional<Lease> acquireLease(String connectionId, String holder, Instant now, Duration ttl) {
    Objects.requireNonNull(holder, "holder == null");
    Objects.requireNonNull(now, "now == null");
    Objects.requireNonNull(ttl, "ttl == null");
    ConnectionState state = state(connectionId);
    if (state.lease != null && state.lease.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    state.lastToken++;
    state.lease = Lease.builder()
        .connectionId(connectionId)
        .holder(holder)
        .fencingToken(state.lastToken)
        .expiresAt(now.plus(ttl))
        .build();
    return Optional.of(state.lease);
  }

  @Override
  public synchronized Optional<Lease> currentLease(String connectionId, Instant now) {
    Lease lease = state(connectionId).lease;
    return lease != null && lease.expiresAt().isAfter(now) ? Optional.of(lease) : Optional.empty();
  }

  @Override
  public synchronized Lease renewLease(Lease lease, Instant now, Duration ttl) {
    ConnectionState state = fenced(lease);
    state.lease = Lease.builder().from(state.lease).expiresAt(now.plus(ttl)).build();
    return state.lease;
  }

  @Override
  public synchronized void releaseLease(Lease lease) {
    Objects.requireNonNull(lease, "lease == null");
    ConnectionState state = state(lease.connectionId());
    if (state.lease != null && state.lease.fencingToken() == lease.fencingToken()) {
      state.lease = null;
    }
  }

  @Override
  public synchronized boolean releaseLease(Lease lease, Map<String, String> bookkeeping) {
    Objects.requireNonNull(lease, "lease == null");
    Objects.requireNonNull(bookkeeping, "bookkeeping == null");
    ConnectionState state = state(lease.connectionId());
    if (state.lease == null || state.lease.fencingToken() != lease.fencingToken()) {
      return false;
    }
    bookkeeping.forEach((key, value) -> state.bookkeeping.put(Objects.requireNonNull(key, "key == null"),
        Objects.requireNonNull(value, "value == null")));
    state.lease = null;
    return true;
  }

  /** Holds the store's lock throughout, and puts the connection's state back as it was when the changes throw. */
  @Override
  public synchronized <T> T atomically(Lease lease, Supplier<T> changes) {
    Objects.requireNonNull(changes, "changes == null");
    ConnectionState before = fenced(lease).copy();
    try {
      return changes.get();
    } catch (RuntimeException | Error e) {
      connections.put(lease.connectionId(), before);
      throw e;
    }
  }

  // ---- links ----

  @Override
  public synchronized Map<Long, Link> linksBySynergyId(String connectionId, RecordType type, Collection<Long> ids) {
    return pick(state(connectionId).bySynergy(type), ids);
  }

  @Override
  public synchronized Map<Long, Link> linksByTinyPlusId(String connectionId, RecordType type, Collection<Long> ids) {
    return pick(state(connectionId).byTinyPlus(type), ids);
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

  @Override
  public synchronized List<Link> links(String connectionId, RecordType type) {
    return List.copyOf(state(connectionId).bySynergy(type).values());
  }

  @Override
  public synchronized void saveLink(Lease lease, Link link) {
    Objects.requireNonNull(link, "link == null");
    ConnectionState state = fenced(lease);
    Map<Long, Link> bySynergy = state.bySynergy(link.recordType());
    Map<Long, Link> byTinyPlus = state.byTinyPlus(link.recordType());
    Link oldBySynergy = bySynergy.remove(link.synergyId());
    if (oldBySynergy != null) {
      byTinyPlus.remove(oldBySynergy.tinyPlusId());
    }
    Link oldByTinyPlus = byTinyPlus.remove(link.tinyPlusId());
    if (oldByTinyPlus != null) {
      bySynergy.remove(oldByTinyPlus.synergyId());
    }
    bySynergy.put(link.synergyId(), link);
    byTinyPlus.put(link.tinyPlusId(), link);
  }

  @Override
  public synchronized void deleteLink(Lease lease, RecordType type, long synergyId) {
    ConnectionState state = fenced(lease);
    Link old = state.bySynergy(type).remove(synergyId);
    if (old != null) {
      state.byTinyPlus(type).remove(old.tinyPlusId());
    }
  }

  // ---- cursors ----

  @Override
  public synchronized Optional<Cursor> cursor(String connectionId, RecordType type, Side side) {
    return Optional.ofNullable(state(connectionId).cursors.get(key(type, side)));
  }

  @Override
  public synchronized void saveCursor(Lease lease, RecordType type, Side side, Cursor cursor) {
    Objects.requireNonNull(cursor, "cursor == null");
    fenced(lease).cursors.put(key(type, side), cursor);
  }

  // ---- transfers ----

  @Override
  public synchronized boolean transferred(String connectionId, RecordType type, Side side) {
    return state(connectionId).transferred.contains(key(type, side));
  }

  @Override
  public synchronized void saveTransferred(Lease lease, RecordType type, Side side) {
    fenced(lease).transferred.add(key(type, side));
  }

  // ---- pending creates ----

  @Override
  public synchronized void savePendingCreate(Lease lease, PendingCreate intent) {
    Objects.requireNonNull(intent, "intent == null");
    fenced(lease).pending.put(key(intent), intent);
  }

  @Override
  public synchronized List<PendingCreate> pendingCreates(String connectionId, RecordType type) {
    return state(connectionId).pending.values().stream()
        .filter(p -> p.recordType() == type)
        .sorted(Comparator.comparing(PendingCreate::createdAt))
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public synchronized void completePendingCreate(Lease lease, PendingCreate intent) {
    Objects.requireNonNull(intent, "intent == null");
    fenced(lease).pending.remove(key(intent));
  }

  // ---- quarantine ----

  @Override
  public synchronized void saveFailure(Lease lease, RecordFailure failure) {
    Objects.requireNonNull(failure, "failure == null");
    fenced(lease).failures.put(key(failure.recordType(), failure.side(), failure.recordId()), failure);
  }

  @Override
  public synchronized void clearFailure(Lease lease, RecordType type, Side side, long recordId) {
    fenced(lease).failures.remove(key(type, side, recordId));
  }

  @Override
  public synchronized Map<Long, RecordFailure> failures(
      String connectionId, RecordType type, Side side, Collection<Long> recordIds) {
    ConnectionState state = state(connectionId);
    Map<Long, RecordFailure> found = new LinkedHashMap<>();
    for (Long id : recordIds) {
      RecordFailure failure = state.failures.get(key(type, side, id));
      if (failure != null) {
        found.put(id, failure);
      }
    }
    return found;
  }

  @Override
  public synchronized List<RecordFailure> dueFailures(String connectionId, RecordType type, Instant now, int limit) {
    return state(connectionId).failures.values().stream()
        .filter(f -> f.recordType() == type && !f.nextRetry().isAfter(now))
        .sorted(Comparator.comparing(RecordFailure::nextRetry))
        .limit(limit)
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public synchronized List<RecordFailure> failures(String connectionId) {
    return List.copyOf(state(connectionId).failures.values());
  }

  // ---- run history ----

  @Override
  public synchronized void saveReport(String connectionId, EncodedState report, int keep) {
    Objects.requireNonNull(report, "report == null");
    java.util.Deque<EncodedState> reports = state(connectionId).reports;
    reports.addFirst(report);
    while (reports.size() > Math.max(1, keep)) {
      reports.removeLast();
    }
  }

  @Override
  public synchronized List<EncodedState> reports(String connectionId, int limit) {
    return state(connectionId).reports.stream().limit(limit).collect(Collectors.toUnmodifiableList());
  }

  // ---- for tests ----

  /**
   * Every pending create of a connection, of every type.
   *
   * @param connectionId the connection
   * @return the intents
   */
  public synchronized List<PendingCreate> pendingCreates(String connectionId) {
    return List.copyOf(state(connectionId).pending.values());
  }

  /**
   * Every cursor of a connection, keyed {@code TYPE/SIDE} (for example {@code COMPANY/SYNERGY}).
   *
   * @param connectionId the connection
   * @return the cursors
   */
  public synchronized Map<String, Cursor> cursors(String connectionId) {
    return Map.copyOf(state(connectionId).cursors);
  }

  /**
   * Drops the lease of a connection as if it had expired, like a crashed worker's lease would.
   *
   * @param connectionId the connection
   */
  public synchronized void expireLease(String connectionId) {
    state(connectionId).lease = null;
  }

  // ---- connection bookkeeping ----

  @Override
  public synchronized Optional<String> bookkeeping(String connectionId, String key) {
    Objects.requireNonNull(key, "key == null");
    return Optional.ofNullable(state(connectionId).bookkeeping.get(key));
  }

  @Override
  public synchronized void saveBookkeeping(Lease lease, String key, String value) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(value, "value == null");
    fenced(lease).bookkeeping.put(key, value);
  }

  @Override
  public synchronized String toString() {
    return "InMemoryStateStore" + connections.keySet();
  }

  private static String key(RecordType type, Side side) {
    return type + "/" + side;
  }

  private static String key(RecordType type, Side side, long id) {
    return type + "/" + side + "/" + id;
  }

  private static String key(PendingCreate intent) {
    return key(intent.recordType(), intent.target(), intent.sourceId());
  }

  private static final class ConnectionState {
    private final Map<RecordType, Map<Long, Link>> bySynergy = new HashMap<>();
    private final Map<RecordType, Map<Long, Link>> byTinyPlus = new HashMap<>();
    private final Map<String, Cursor> cursors = new TreeMap<>();
    private final java.util.Set<String> transferred = new java.util.TreeSet<>();
    private final Map<String, PendingCreate> pending = new LinkedHashMap<>();
    private final Map<String, RecordFailure> failures = new TreeMap<>();
    private final java.util.Deque<EncodedState> reports = new java.util.ArrayDeque<>();

    private final Map<String, String> bookkeeping = new TreeMap<>();
    private Lease lease;
    private long lastToken;

    ConnectionState copy() {
      ConnectionState copy = new ConnectionState();
      bySynergy.forEach((type, links) -> copy.bySynergy.put(type, new TreeMap<>(links)));
      byTinyPlus.forEach((type, links) -> copy.byTinyPlus.put(type, new TreeMap<>(links)));
      copy.cursors.putAll(cursors);
      copy.pending.putAll(pending);
      copy.failures.putAll(failures);
      copy.reports.addAll(reports);

      copy.bookkeeping.putAll(bookkeeping);
      copy.lease = lease;
      copy.lastToken = lastToken;
      return copy;
    }

    Map<Long, Link> bySynergy(RecordType type) {
      return bySynergy.computeIfAbsent(type, t -> new TreeMap<>());
    }

    Map<Long, Link> byTinyPlus(RecordType type) {
      return byTinyPlus.computeIfAbsent(type, t -> new TreeMap<>());
    }
  }
}
