package dev.synergylink.sync.testkit.contract;

import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.tinyplus.TinyPlusClient;

/** The tiny+ contract against the in-memory fake, called directly. */
class TinyPlusInMemoryContractTest extends TinyPlusContractTest {
  @Override
  protected TinyPlusClient connect(TinyPlusFake fake, ManualClock clock) {
    return fake;
  }
}
