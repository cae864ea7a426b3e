package dev.synergylink.sync.testkit;

import dev.synergylink.sync.spi.StateStore;

class InMemoryStateStoreContractTest extends StateStoreContract {
  private final InMemoryStateStore store = InMemoryStateStore.create();

  @Override
  protected StateStore store() {
    return store;
  }
}
