package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.ForwardingStateStore;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A host's own {@link StateStore}: it keeps the state in another store (a database-backed one in production; the
 * recipe passes a {@code JdbcStateStore} on an H2 file) and writes an audit line for every link made and every record
 * put into quarantine, which is what a support team wants to read. It extends {@link ForwardingStateStore}, so every
 * other call, {@code atomically} and the SPI's later methods included, reaches the store underneath as it is; every
 * change still goes through the lease the engine holds, so the delegate's fencing keeps two workers apart.
 * Thread-safe when the delegate and the audit sink are.
 */
public final class AuditingStateStore extends ForwardingStateStore {
  private final Consumer<String> audit;

  /**
   * A store that audits another.
   *
   * @param delegate where the state is kept
   * @param audit where audit lines go
   */
  public AuditingStateStore(StateStore delegate, Consumer<String> audit) {
    super(delegate);
    this.audit = Objects.requireNonNull(audit, "audit == null");
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
  public void saveFailure(Lease lease, RecordFailure failure) {
    delegate.saveFailure(lease, failure);
    audit.accept("quarantined " + Names.record(failure.recordType(), failure.side(), failure.recordId()) + ": "
        + failure.message() + " (attempt " + failure.attempts() + ", next try " + failure.nextRetry() + ")");
  }
}
