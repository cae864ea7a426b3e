package dev.synergylink.sync.tests;

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
import java.util.Optional;

/**
 * A store that dies at the first link save, like a worker whose process is killed right after a create, or (made with
 * {@link #atLinkSaveOnce}) at the first link save once a condition holds, or (made with {@link #atCursorSave}) at the
 * Nth cursor save. Groups of changes go to the delegate's {@code atomically}.
 */
final class CrashingStateStore implements StateStore {
  /** What the crash throws. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("the worker died");
    }
  }

  private final StateStore delegate;
  private boolean crashed;
  private final boolean onLinks;
  private int cursorSavesLeft;
  private java.util.function.BooleanSupplier when = () -> true;

  CrashingStateStore(StateStore delegate) {
    this(delegate, true, Integer.MAX_VALUE);
  }

  private CrashingStateStore(StateStore delegate, boolean onLinks, int cursorSaves) {
    this.delegate = delegate;
    this.onLinks = onLinks;
    this.cursorSavesLeft = cursorSaves;
  }

  /**
   * A store that dies at the first link save made once {@code when} holds (a write has landed, say), and saves links
   * as the delegate does before that.
   *
   * @param delegate the store underneath
   * @param when whether the next link save dies
   * @return the store
   */
  static CrashingStateStore atLinkSaveOnce(StateStore delegate, java.util.function.BooleanSupplier when) {
    CrashingStateStore store = new CrashingStateStore(delegate);
    store.when = when;
    return store;
  }

  /**
   * A store that dies at the {@code n}th cursor save (counting from 1) and saves links as the delegate does.
   *
   * @param delegate the store underneath
   * @param n the cursor save that dies
   * @return the store
   */
  static CrashingStateStore atCursorSave(StateStore delegate, int n) {
    return new CrashingStateStore(delegate, false, n - 1);
  }

  @Override
  public <T> T atomically(Lease lease, java.util.function.Supplier<T> changes) {
    return delegate.atomically(lease, changes);
  }

  @Override
  public void saveLink(Lease lease, Link link) {
    if (onLinks && !crashed && when.getAsBoolean()) {
      crashed = true;
      throw new Crash();
    }
    delegate.saveLink(lease, link);
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
    // a dead worker releases nothing: its lease runs out
    if (!crashed) {
      delegate.releaseLease(lease);
    }
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
  public void deleteLink(Lease lease, RecordType type, long synergyId) {
    delegate.deleteLink(lease, type, synergyId);
  }

  @Override
  public Optional<Cursor> cursor(String connectionId, RecordType type, Side side) {
    return delegate.cursor(connectionId, type, side);
  }

  @Override
  public void saveCursor(Lease lease, RecordType type, Side side, Cursor cursor) {
    if (cursorSavesLeft-- == 0) {
      throw new Crash();
    }
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
