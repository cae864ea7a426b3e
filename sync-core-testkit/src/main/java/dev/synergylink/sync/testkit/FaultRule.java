package dev.synergylink.sync.testkit;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One installed fault rule: which operations it watches, when it fires and with which {@link Fault}. Made by
 * {@link Faults.RuleBuilder#answer(Fault)}; use it to see how often it fired or to {@link #cancel()} it.
 *
 * <p>Thread-safe.
 */
public final class FaultRule {
  private final List<FakeOperation> operations;
  private final int times;
  private final int onCall;
  private final double probability;
  private final Fault fault;
  private final SplittableRandom random;
  private int seen;
  private int fired;
  private boolean cancelled;

  FaultRule(List<FakeOperation> operations, int times, int onCall, double probability, Fault fault,
      SplittableRandom random) {
    this.operations = List.copyOf(operations);
    this.times = times;
    this.onCall = onCall;
    this.probability = probability;
    this.fault = fault;
    this.random = random;
  }

  /**
   * The operations this rule watches.
   *
   * @return the operations; empty means every operation
   */
  public List<FakeOperation> operations() {
    return operations;
  }

  /**
   * The fault this rule answers with.
   *
   * @return the fault
   */
  public Fault fault() {
    return fault;
  }

  /**
   * How many calls this rule has failed so far.
   *
   * @return the count
   */
  public synchronized int firedCount() {
    return fired;
  }

  /**
   * How many matching calls this rule has seen since it was installed, fired or not.
   *
   * @return the count
   */
  public synchronized int seenCount() {
    return seen;
  }

  /**
   * Whether this rule can no longer fire: cancelled, its count used up, or its call number passed.
   *
   * @return true when done
   */
  public synchronized boolean isExhausted() {
    return cancelled || (times > 0 && fired >= times) || (onCall > 0 && seen >= onCall);
  }

  /** Stops this rule from firing again. */
  public synchronized void cancel() {
    cancelled = true;
  }

  /** Sees one call; answers whether this rule fails it. Every matching call advances the rule's state. */
  synchronized boolean fires(FakeOperation operation) {
    if (!operations.isEmpty() && !operations.contains(operation)) {
      return false;
    }
    if (isExhausted()) {
      return false;
    }
    seen++;
    boolean fire;
    if (onCall > 0) {
      fire = seen == onCall;
    } else {
      fire = true;
    }
    // Draw on every matching call so that the random sequence does not depend on other rules.
    if (probability < 1.0 && random.nextDouble() >= probability) {
      fire = false;
    }
    if (fire) {
      fired++;
    }
    return fire;
  }

  @Override
  public synchronized String toString() {
    return "FaultRule{" + (operations.isEmpty() ? "every operation" : operations)
        + (times > 0 ? ", times=" + times : "")
        + (onCall > 0 ? ", onCall=" + onCall : "")
        + (probability < 1.0 ? ", probability=" + probability : "")
        + ", " + fault + ", fired=" + fired + (cancelled ? ", cancelled" : "") + "}";
  }
}
