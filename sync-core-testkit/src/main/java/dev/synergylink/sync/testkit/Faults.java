package dev.synergylink.sync.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Fault injection for one fake: rules that make chosen operations fail, by count, by call number or by probability.
 * Each fake has one, reached with {@code fake.faults()}. Probabilistic rules draw from a {@link SplittableRandom}
 * seeded from the fake's seed (set on the fake's builder; default 0): the same seed and the same calls give the same
 * faults, so a failing randomised test replays exactly.
 *
 * <pre>{@code
 * // the next two project creates answer 503
 * synergy.faults().on(SynergyOperation.CREATE_PROJECT).times(2).answer(Fault.unavailable());
 * // the third project list call times out
 * synergy.faults().on(SynergyOperation.LIST_PROJECTS).onCall(3).answer(Fault.timeout());
 * // one call in ten, of any kind, answers 500
 * tinyPlus.faults().onEveryOperation().withProbability(0.1).answer(Fault.serverError());
 * // the next company create is made, but the caller sees a timeout
 * tinyPlus.faults().on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.ambiguousCreate());
 * }</pre>
 *
 * <p>Rules are checked in the order they were installed; every rule watching an operation sees each of its calls
 * (its counts and random draws advance), and the first rule that fires decides the fault. Counts start when the rule
 * is installed: {@code onCall(3)} is the third matching call after that.
 *
 * <p>Thread-safe.
 */
public final class Faults {
  private final long seed;
  private final SplittableRandom seeds;
  private final List<FaultRule> rules = new ArrayList<>();

  Faults(long seed) {
    this.seed = seed;
    this.seeds = new SplittableRandom(seed);
  }

  /**
   * The seed of the random draws of probabilistic rules.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Starts a rule for some operations.
   *
   * @param operation an operation to watch
   * @param more further operations to watch
   * @return a builder; the rule is installed by {@link RuleBuilder#answer(Fault)}
   */
  public RuleBuilder on(FakeOperation operation, FakeOperation... more) {
    Objects.requireNonNull(operation, "operation == null");
    List<FakeOperation> operations = new ArrayList<>();
    operations.add(operation);
    for (FakeOperation o : more) {
      operations.add(Objects.requireNonNull(o, "operation == null"));
    }
    return new RuleBuilder(operations);
  }

  /**
   * Starts a rule for every operation of the fake.
   *
   * @return a builder; the rule is installed by {@link RuleBuilder#answer(Fault)}
   */
  public RuleBuilder onEveryOperation() {
    return new RuleBuilder(List.of());
  }

  /**
   * The installed rules, in order, including exhausted ones.
   *
   * @return a copy of the list
   */
  public synchronized List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  /** Removes every rule. */
  public synchronized void clear() {
    rules.clear();
  }

  /** The fault for one call, or null when the call goes through. */
  synchronized Fault next(FakeOperation operation) {
    Fault chosen = null;
    for (FaultRule rule : rules) {
      if (rule.fires(operation) && chosen == null) {
        chosen = rule.fault();
      }
    }
    return chosen;
  }

  /**
   * Runs one call under the rules: a fault that does not serve the call is thrown before {@code work} runs; one that
   * serves it (an ambiguous write, a malformed body) is thrown after.
   */
  <T> T apply(FakeOperation operation, java.util.function.Supplier<T> work) {
    Fault fault = next(operation);
    if (fault != null && !fault.servesCall(operation.isWrite())) {
      throw FakeError.of(fault);
    }
    T result = work.get();
    if (fault != null) {
      throw FakeError.of(fault);
    }
    return result;
  }

  private synchronized FaultRule install(RuleBuilder b, Fault fault) {
    FaultRule rule = new FaultRule(b.operations, b.times, b.onCall, b.probability, fault, seeds.split());
    rules.add(rule);
    return rule;
  }

  /**
   * Says when a rule fires. Without {@link #times(int)}, {@link #onCall(int)} or {@link #withProbability(double)}
   * the rule fails every matching call until cancelled. Not thread-safe; use it in one statement.
   */
  public final class RuleBuilder {
    private final List<FakeOperation> operations;
    private int times;
    private int onCall;
    private double probability = 1.0;

    private RuleBuilder(List<FakeOperation> operations) {
      this.operations = operations;
    }

    /**
     * Fails the next {@code count} matching calls (with {@link #withProbability(double)}: fails matching calls at
     * random until it has failed {@code count}).
     *
     * @param count at least 1
     * @return this builder
     */
    public RuleBuilder times(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1, was " + count);
      }
      if (onCall > 0) {
        throw new IllegalStateException("times(...) and onCall(...) cannot be combined; install two rules");
      }
      this.times = count;
      return this;
    }

    /**
     * Fails only the {@code n}-th matching call after the rule is installed.
     *
     * @param n 1 for the next matching call
     * @return this builder
     */
    public RuleBuilder onCall(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("n must be at least 1, was " + n);
      }
      if (times > 0) {
        throw new IllegalStateException("times(...) and onCall(...) cannot be combined; install two rules");
      }
      this.onCall = n;
      return this;
    }

    /**
     * Fails each matching call with this probability, drawn from the fake's seeded random.
     *
     * @param p from 0 (never) to 1 (always)
     * @return this builder
     */
    public RuleBuilder withProbability(double p) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException("probability must be from 0 to 1, was " + p);
      }
      this.probability = p;
      return this;
    }

    /**
     * Installs the rule.
     *
     * @param fault what the failed calls answer
     * @return the installed rule
     */
    public FaultRule answer(Fault fault) {
      Objects.requireNonNull(fault, "fault == null");
      return install(this, fault);
    }

    @Override
    public String toString() {
      return "RuleBuilder" + Arrays.asList(operations, times, onCall, probability);
    }
  }
}
