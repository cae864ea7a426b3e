package dev.synergylink.sync.tests;

import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails every engine test after which a fake holds a request it refused for breaking the API contract: the engine
 * must never send one. The fixtures register their fakes with {@link #watch}; a test that builds its own fakes
 * registers them itself. Registered for every test of this module by JUnit's extension auto-detection
 * ({@code junit-platform.properties} and {@code META-INF/services}), so no test can forget it.
 *
 * <p>A test that provokes a refusal on purpose (a request sent by the test itself) asserts it from
 * {@code fake.contractViolations()} and then calls {@code fake.clearContractViolations()}.
 */
public final class ContractCheck implements AfterEachCallback {
  /** The fakes of the test running on this thread. */
  private static final ThreadLocal<List<Object[]>> WATCHED = ThreadLocal.withInitial(ArrayList::new);

  /**
   * Checks these fakes after the current test.
   *
   * @param synergy the Synergy fake
   * @param tinyPlus the tiny+ fake
   */
  public static void watch(SynergyFake synergy, TinyPlusFake tinyPlus) {
    WATCHED.get().add(new Object[] {synergy, tinyPlus});
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<Object[]> watched = new ArrayList<>(WATCHED.get());
    WATCHED.remove();
    for (Object[] fakes : watched) {
      ContractViolations.assertNone((SynergyFake) fakes[0], (TinyPlusFake) fakes[1]);
    }
  }
}
