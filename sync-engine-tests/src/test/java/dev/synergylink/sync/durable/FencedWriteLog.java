package dev.synergylink.sync.durable;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link StateStore} that tells {@link #writes} of every fenced write the store accepted: its connection, the
 * lease's fencing token, and the wall-clock instant the write was <em>started</em> at (microseconds, comparable
 * between the JVMs of one machine). A successful write's fencing check holds the lease row until its commit, and a
 * newer lease can only be taken once the old one's writes have committed, so ordered by their start, one
 * connection's accepted writes must show non-decreasing tokens: a token that comes back after a newer one means two
 * nodes wrote for the connection at once. Writes the store refused (a lost lease) are not told.
 */
final class FencedWriteLog implements StateStore {
  /** A fenced write the store accepted. */
  record Write(String connectionId, long token, String node, long startedMicros) {
    String line() {
      return "write " + connectionId + " " + token + " " + startedMicros;
    }

    static Write parse(String line, String node) {
      String[] f = line.split(" ");
      return new Write(f[1], Long.parseLong(f[2]), node, Long.parseLong(f[3]));
    }
  }

  private static final Clock WALL = Clock.systemUTC();

  private final StateStore delegate;
  private final String node;
  private final Consumer<Write> writes;

  FencedWriteLog(StateStore delegate, String node, Consumer<Write> writes) {
    this.delegate = delegate;
    this.node = node;
    this.writes = writes;
  }

  private void fenced(Lease lease, Runnable write) {
    Instant started = WALL.instant();
    write.run();
    writes.accept(new Write(lease.connectionId(), lease.fencingToken(), node,
        started.getEpochSecond() * 1_000_000 + started.getNano() / 1_000));
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
    fenced(lease, () -> delegate.saveLink(lease, link));
  }

  @Override
  public void deleteLink(Lease lease, RecordType type, long synergyId) {
    fenced(lease, () -> delegate.deleteLink(lease, type, synergyId));
  }

  @Override
  public Optional<Cursor> cursor(String connectionId, RecordType type, Side side) {
    return delegate.cursor(connectionId, type, side);
  }

  @Override
  public void saveCursor(Lease lease, RecordType type, Side side, Cursor cursor) {
    fenced(lease, () -> delegate.saveCursor(lease, type, side, cursor));
  }

  @Override
  public void savePendingCreate(Lease lease, PendingCreate intent) {
    fenced(lease, () -> delegate.savePendingCreate(lease, intent));
  }

  @Override
  public List<PendingCreate> pendingCreates(String connectionId, RecordType type) {
    return delegate.pendingCreates(connectionId, type);
  }

  @Override
  public void completePendingCreate(Lease lease, PendingCreate intent) {
    fenced(lease, () -> delegate.completePendingCreate(lease, intent));
  }

  @Override
  public void saveFailure(Lease lease, RecordFailure failure) {
    fenced(lease, () -> delegate.saveFailure(lease, failure));
  }

  @Override
  public void clearFailure(Lease lease, RecordType type, Side side, long recordId) {
    fenced(lease, () -> delegate.clearFailure(lease, type, side, recordId));
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
}
