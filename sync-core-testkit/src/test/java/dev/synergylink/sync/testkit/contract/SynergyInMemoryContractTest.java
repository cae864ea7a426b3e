package dev.synergylink.sync.testkit.contract;

import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.synergy.SynergyClient;

/** The Synergy contract against the in-memory fake, called directly. */
class SynergyInMemoryContractTest extends SynergyContractTest {
  @Override
  protected SynergyClient connect(SynergyFake fake, ManualClock clock) {
    return fake;
  }
}
