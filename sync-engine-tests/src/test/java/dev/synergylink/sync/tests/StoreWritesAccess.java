package dev.synergylink.sync.tests;

import java.util.List;

/** Watches the changes an engine makes to its fixture's state store, for tests in other packages. */
public final class StoreWritesAccess {
  private final StoreWrites writes;

  private StoreWritesAccess(StoreWrites writes) {
    this.writes = writes;
  }

  /**
   * Rebuilds the fixture's engine on its store seen through a {@link StoreWrites}.
   *
   * @param f the fixture
   * @return the watcher
   */
  public static StoreWritesAccess watch(Fixture f) {
    StoreWrites writes = new StoreWrites(f.store);
    f.rebuild(b -> b.stateStore(writes.store));
    return new StoreWritesAccess(writes);
  }

  /**
   * The names of the store methods that made changes since the last call.
   *
   * @return the method names, in order
   */
  public List<String> take() {
    return writes.take();
  }
}
