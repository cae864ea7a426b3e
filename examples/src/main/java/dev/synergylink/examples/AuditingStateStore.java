package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A host's own {@link StateStore}: it keeps the state in another store (a database-backed one in production; the
 * recipe passes the testkit's in-memory store) and writes an audit line for every link made and every record put
 * into quarantine, which is what a support team wants to read. Every change still goes through the lease the engine
 * holds, so the delegate's fencing keeps two workers apart. Thread-safe when the delegate and the audit sink are.
 */
public final class AuditingStateStore implements StateStore {
  private final StateStore delegate;
  private final Consumer<String> audit;

  /**
   * A store that audits another.
   *
   * @param delegate where the state is kept
   * @param audit where audit lines go
   */
  public AuditingStateStore(StateStore delegate, Consumer<String> audit) {
    this.delegate = Objects.requireNonNull(delegate, "delegate == null");
    this.audit = Objects.requireNonNull(audit, "audit == null");
  }

  @Override
  public Optional<Lease> acquireLease(String connectionId, String holder, Instant now, Duration ttl) {
    return delegate.acquireLease(connectionId, holder, now, ttl);
  }

  @Override
  public Optional<Lease> currentLease(String connectionId, Instant now) {
    return delegate.currentLease(connectionId, now);
  }

  @Override
  public Lease renewLease(Lease lease, Instant now, Duration ttl) {
    return delegate.renewLease(lease, now, ttl);
  }

  @Override
  public void releaseLease(Lease lease) {
    delegate.releaseLease(lease);
  }

  @Override
  public Map<Long, Link> linksBySynergyId(String connectionId, RecordType type, Collection<Long> synergyIds) {
    return delegate.linksBySynergyId(connectionId, type, synergyIds);
  }

  @Override
  public Map<Long, Link> linksByTinyPlusId(String connectionId, RecordType type, Collection<Long> tinyPlusIds) {
    return delegate.linksByTinyPlusId(connectionId, type, tinyPlusIds);
  }

  @Override
  public List<Link> links(String connectionId, RecordType type) {
    return delegate.links(connectionId, type);
  }

  @Override
  public void saveLink(Lease lease, Link link) {
    boolean isNew = delegate.linksBySynergyId(lease.connectionId(), link.recordType(), List.of(link.synergyId()))
        .isEmpty();
    delegate.saveLink(lease, link);
    if (isNew) {
      audit.accept("linked " + Names.pair(link.recordType(), link.synergyId(), link.tinyPlusId()));
    }
  }

  @Override
  public void deleteLink(Lease lease, RecordType type, long synergyId) {
    delegate.deleteLink(lease, type, synergyId);
    audit.accept("unlinked " + Names.record(type, Side.SYNERGY, synergyId));
  }

  @Override
  public Optional<Cursor> cursor(String connectionId, RecordType type, Side side) {
    return delegate.cursor(connectionId, type, side);
  }

  @Override
  public void saveCursor(Lease lease, RecordType type, Side side, Cursor cursor) {
    delegate.saveCursor(lease, type, side, cursor);
  }

  @Override
  public boolean transferred(String connectionId, RecordType type, Side side) {
    return delegate.transferred(connectionId, type, side);
  }

  @Override
  public void saveTransferred(Lease lease, RecordType type, Side side) {
    delegate.saveTransferred(lease, type, side);
  }

  @Override
  public void savePendingCreate(Lease lease, PendingCreate intent) {
    delegate.savePendingCreate(lease, intent);
  }

  @Override
  public List<PendingCreate> pendingCreates(String connectionId, RecordType type) {
    return delegate.pendingCreates(connectionId, type);
  }

  @Override
  public void completePendingCreate(Lease lease, PendingCreate intent) {
    delegate.completePendingCreate(lease, intent);
  }

  @Override
  public void saveFailure(Lease lease, RecordFailure failure) {
    delegate.saveFailure(lease, failure);
    audit.accept("quarantined " + Names.record(failure.recordType(), failure.side(), failure.recordId()) + ": "
        + failure.message() + " (attempt " + failure.attempts() + ", next try " + failure.nextRetry() + ")");
  }

  @Override
  public void clearFailure(Lease lease, RecordType type, Side side, long recordId) {
    delegate.clearFailure(lease, type, side, recordId);
  }

  @Override
  public Map<Long, RecordFailure> failures(String connectionId, RecordType type, Side side,
      Collection<Long> recordIds) {
    return delegate.failures(connectionId, type, side, recordIds);
  }

  @Override
  public List<RecordFailure> dueFailures(String connectionId, RecordType type, Instant now, int limit) {
    return delegate.dueFailures(connectionId, type, now, limit);
  }

  @Override
  public List<RecordFailure> failures(String connectionId) {
    return delegate.failures(connectionId);
  }

  @Override
  public void saveReport(String connectionId, EncodedState report, int keep) {
    delegate.saveReport(connectionId, report, keep);
  }

  @Override
  public List<EncodedState> reports(String connectionId, int limit) {
    return delegate.reports(connectionId, limit);
  }

  // ---- connection bookkeeping (the API economy) ----

  @Override
  public Optional<String> bookkeeping(String connectionId, String key) {
    return delegate.bookkeeping(connectionId, key);
  }

  @Override
  public void saveBookkeeping(Lease lease, String key, String value) {
    delegate.saveBookkeeping(lease, key, value);
  }
}
