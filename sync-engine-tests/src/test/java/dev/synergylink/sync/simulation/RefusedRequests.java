package dev.synergylink.sync.simulation;

import dev.synergylink.sync.testkit.ContractViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * The invariant that the engine never sends a request the contracts refuse: after every step, neither fake may hold
 * a contract violation (an invalid body, a read-only member, a rule such as "no email change for an active team
 * member"). Injected faults are never violations, and neither is a reference to a record a person deleted between
 * the engine's read and its write; so the check holds in every run, faulty ones included.
 */
final class RefusedRequests {
  private RefusedRequests() {}

  static void check(World world) {
    List<String> refused = new ArrayList<>();
    for (ContractViolation v : world.synergy.contractViolations()) {
      refused.add("Synergy " + v);
    }
    for (ContractViolation v : world.tinyPlus.contractViolations()) {
      refused.add("tiny+ " + v);
    }
    if (!refused.isEmpty()) {
      throw new InvariantViolation("refused-request", "the fakes refused " + refused.size()
          + " request(s) for breaking the contract: " + String.join("; ", refused));
    }
  }
}
