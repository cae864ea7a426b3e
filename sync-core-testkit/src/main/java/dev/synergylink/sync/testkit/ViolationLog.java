package dev.synergylink.sync.testkit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A fake's record of the requests it refused for breaking the contract. Thread-safe. */
final class ViolationLog {
  private final Clock clock;
  private final List<ContractViolation> violations = new ArrayList<>();

  ViolationLog(Clock clock) {
    this.clock = clock;
  }

  /** Records {@code e} when it says the request broke the contract; other refusals are not the caller's fault. */
  synchronized void record(String method, String path, FakeError e) {
    if (e.breaksContract) {
      violations.add(new ContractViolation(clock.instant(), method, path, e.status, e.getMessage(), e.errors));
    }
  }

  synchronized List<ContractViolation> all() {
    return List.copyOf(violations);
  }

  synchronized void clear() {
    violations.clear();
  }
}
