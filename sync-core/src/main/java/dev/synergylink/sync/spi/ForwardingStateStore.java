package dev.synergylink.sync.spi;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link StateStore} that passes every call, the default methods included, to another store: extend it to watch or
 * change a few calls (an auditing store, a store that counts writes) and keep the rest exactly as the store underneath
 * does. A wrapper that implements {@code StateStore} itself keeps the interface's defaults for the methods it does not
 * override, so the store underneath never sees those calls (its transactions, its bookkeeping); this class forwards
 * them all, including methods added to the SPI later.
 */
public abstract class ForwardingStateStore implements StateStore {
  /** The store underneath. */
  protected final StateStore delegate;

  /**
   * A store forwarding to {@code delegate}.
   *
   * @param delegate the store underneath
   */
  protected ForwardingStateStore(StateStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate == null");
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
  public boolean releaseLease(Lease lease, Map<String, String> bookkeeping) {
    return delegate.releaseLease(lease, bookkeeping);
  }

  @Override
  public <T> T atomically(Lease lease, Supplier<T> changes) {
    return delegate.atomically(lease, changes);
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
    delegate.saveLink(lease, link);
  }

  @Override
  public void deleteLink(Lease lease, RecordType type, long synergyId) {
    delegate.deleteLink(lease, type, synergyId);
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
  public boolean transferred(String connectionId, RecordType type, Side side) {
    return delegate.transferred(connectionId, type, side);
  }

  @Override
  public void saveTransferred(Lease lease, RecordType type, Side side) {
    delegate.saveTransferred(lease, type, side);
  }

  @Override
  public void saveFailure(Lease lease, RecordFailure failure) {
    delegate.saveFailure(lease, failure);
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

  @Override
  public Optional<String> bookkeeping(String connectionId, String key) {
    return delegate.bookkeeping(connectionId, key);
  }

  @Override
  public void saveBookkeeping(Lease lease, String key, String value) {
    delegate.saveBookkeeping(lease, key, value);
  }
}
