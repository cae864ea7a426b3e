package dev.synergylink.sync.tests;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.ForwardingStateStore;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.StateStore;

/**
 * A store that dies at the first link save, like a worker whose process is killed right after a create, or (made with
 * {@link #atLinkSaveOnce}) at the first link save once a condition holds, or (made with {@link #atCursorSave}) at the
 * Nth cursor save. Groups of changes go to the delegate's {@code atomically}.
 */
final class CrashingStateStore extends ForwardingStateStore {
  /** What the crash throws. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("the worker died");
    }
  }

  private boolean crashed;
  private final boolean onLinks;
  private int cursorSavesLeft;
  private java.util.function.BooleanSupplier when = () -> true;

  CrashingStateStore(StateStore delegate) {
    this(delegate, true, Integer.MAX_VALUE);
  }

  private CrashingStateStore(StateStore delegate, boolean onLinks, int cursorSaves) {
    super(delegate);
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
  public void saveLink(Lease lease, Link link) {
    if (onLinks && !crashed && when.getAsBoolean()) {
      crashed = true;
      throw new Crash();
    }
    delegate.saveLink(lease, link);
  }

  @Override
  public void releaseLease(Lease lease) {
    // a dead worker releases nothing: its lease runs out
    if (!crashed) {
      delegate.releaseLease(lease);
    }
  }

  @Override
  public boolean releaseLease(Lease lease, java.util.Map<String, String> bookkeeping) {
    // a dead worker releases nothing and keeps nothing: its lease runs out
    return !crashed && delegate.releaseLease(lease, bookkeeping);
  }

  @Override
  public void saveCursor(Lease lease, RecordType type, Side side, Cursor cursor) {
    if (cursorSavesLeft-- == 0) {
      throw new Crash();
    }
    delegate.saveCursor(lease, type, side, cursor);
  }
}
