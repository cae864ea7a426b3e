package dev.synergylink.sync.durable;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.ForwardingStateStore;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A {@link StateStore} that tells {@link #writes} of every fenced write the store accepted: its connection, the
 * lease's fencing token, and the wall-clock instant the write was <em>started</em> at (microseconds, comparable
 * between the JVMs of one machine). A successful write's fencing check holds the lease row until its commit, and a
 * newer lease can only be taken once the old one's writes have committed, so ordered by their start, one
 * connection's accepted writes must show non-decreasing tokens: a token that comes back after a newer one means two
 * nodes wrote for the connection at once. Writes the store refused (a lost lease) are not told.
 */
final class FencedWriteLog extends ForwardingStateStore {
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

  private final String node;
  private final Consumer<Write> writes;

  FencedWriteLog(StateStore delegate, String node, Consumer<Write> writes) {
    super(delegate);
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
  public void saveLink(Lease lease, Link link) {
    fenced(lease, () -> delegate.saveLink(lease, link));
  }

  @Override
  public void deleteLink(Lease lease, RecordType type, long synergyId) {
    fenced(lease, () -> delegate.deleteLink(lease, type, synergyId));
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
  public void saveTransferred(Lease lease, RecordType type, Side side) {
    fenced(lease, () -> delegate.saveTransferred(lease, type, side));
  }

  /** The run's bookkeeping kept with the release is a fenced write too, told when the store accepted it. */
  @Override
  public boolean releaseLease(Lease lease, java.util.Map<String, String> bookkeeping) {
    Instant started = WALL.instant();
    boolean kept = delegate.releaseLease(lease, bookkeeping);
    if (kept && !bookkeeping.isEmpty()) {
      writes.accept(new Write(lease.connectionId(), lease.fencingToken(), node,
          started.getEpochSecond() * 1_000_000 + started.getNano() / 1_000));
    }
    return kept;
  }

  @Override
  public void saveBookkeeping(Lease lease, String key, String value) {
    fenced(lease, () -> delegate.saveBookkeeping(lease, key, value));
  }
}
