package dev.synergylink.sync.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The one-call check that the code under test broke no API contract: every request the fakes refused as invalid
 * (see {@link ContractViolation}) fails the test, listed with its method, path and the rule it broke. Call it at
 * the end of a test, or in an {@code @AfterEach}:
 *
 * <pre>{@code
 * @AfterEach
 * void everyRequestKeptTheContracts() {
 *   ContractViolations.assertNone(synergy, tinyPlus);
 * }
 * }</pre>
 *
 * <p>A test that provokes a refusal on purpose reads {@code fake.contractViolations()}, asserts on it and then
 * empties it with {@code fake.clearContractViolations()}. Faults injected with {@link Faults} are never violations.
 *
 * <p>Thread-safe: it only reads the fakes.
 */
public final class ContractViolations {
  /** How many violations the failure message lists before it counts the rest. */
  private static final int LISTED = 20;

  private ContractViolations() {}

  /**
   * Fails when either fake refused a request for breaking its contract.
   *
   * @param synergy the Synergy fake
   * @param tinyPlus the tiny+ fake
   * @throws AssertionError listing the refused requests, Synergy's first
   */
  public static void assertNone(SynergyFake synergy, TinyPlusFake tinyPlus) {
    Objects.requireNonNull(synergy, "synergy == null");
    Objects.requireNonNull(tinyPlus, "tinyPlus == null");
    List<String> lines = new ArrayList<>();
    synergy.contractViolations().forEach(v -> lines.add("Synergy " + v));
    tinyPlus.contractViolations().forEach(v -> lines.add("tiny+ " + v));
    fail(lines);
  }

  /**
   * Fails when the Synergy fake refused a request for breaking its contract.
   *
   * @param synergy the fake
   * @throws AssertionError listing the refused requests
   */
  public static void assertNone(SynergyFake synergy) {
    assertNone(Objects.requireNonNull(synergy, "synergy == null").contractViolations());
  }

  /**
   * Fails when the tiny+ fake refused a request for breaking its contract.
   *
   * @param tinyPlus the fake
   * @throws AssertionError listing the refused requests
   */
  public static void assertNone(TinyPlusFake tinyPlus) {
    assertNone(Objects.requireNonNull(tinyPlus, "tinyPlus == null").contractViolations());
  }

  /**
   * Fails when {@code violations} is not empty.
   *
   * @param violations e.g. {@code fake.contractViolations()}
   * @throws AssertionError listing them
   */
  public static void assertNone(Collection<ContractViolation> violations) {
    Objects.requireNonNull(violations, "violations == null");
    List<String> lines = new ArrayList<>();
    violations.forEach(v -> lines.add(v.toString()));
    fail(lines);
  }

  private static void fail(List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    message.append(lines.size()).append(lines.size() == 1 ? " request" : " requests")
        .append(" refused for breaking the API contract (fix the code that sent them; a test that provokes one on"
            + " purpose asserts it and then calls clearContractViolations()):");
    for (int i = 0; i < lines.size() && i < LISTED; i++) {
      message.append("\n  ").append(lines.get(i));
    }
    if (lines.size() > LISTED) {
      message.append("\n  ... and ").append(lines.size() - LISTED).append(" more");
    }
    throw new AssertionError(message.toString());
  }
}
