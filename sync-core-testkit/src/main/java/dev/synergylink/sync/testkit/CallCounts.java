package dev.synergylink.sync.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How many calls a fake has received, per operation (endpoint and method). Every call that reaches the fake counts,
 * including those answered by a fault or a rate limit, since each one costs the caller a request. Calls through the
 * fake's web-app back door do not count. Reached with {@code fake.calls()}; use it to assert API-call economy:
 *
 * <pre>{@code
 * synergy.calls().reset();
 * engine.syncOnce();
 * assertThat(synergy.calls().count(SynergyOperation.LIST_PROJECTS)).isEqualTo(1);
 * assertThat(synergy.calls().writes()).isZero();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CallCounts {
  private final Map<FakeOperation, Long> counts = new LinkedHashMap<>();

  CallCounts() {}

  synchronized void record(FakeOperation operation) {
    counts.merge(operation, 1L, Long::sum);
  }

  /**
   * The calls received for one operation since the last {@link #reset()}.
   *
   * @param operation the operation
   * @return the count
   */
  public synchronized long count(FakeOperation operation) {
    Objects.requireNonNull(operation, "operation == null");
    return counts.getOrDefault(operation, 0L);
  }

  /**
   * All calls received since the last {@link #reset()}.
   *
   * @return the count
   */
  public synchronized long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The write calls (POST, PATCH, DELETE) received since the last {@link #reset()}.
   *
   * @return the count
   */
  public synchronized long writes() {
    return counts.entrySet().stream().filter(e -> e.getKey().isWrite()).mapToLong(Map.Entry::getValue).sum();
  }

  /**
   * The read calls (GET) received since the last {@link #reset()}.
   *
   * @return the count
   */
  public synchronized long reads() {
    return total() - writes();
  }

  /**
   * Every operation called at least once, with its count.
   *
   * @return an unmodifiable copy, ordered by operation name
   */
  public synchronized Map<FakeOperation, Long> asMap() {
    Map<FakeOperation, Long> copy = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    copy.putAll(counts);
    return Collections.unmodifiableMap(copy);
  }

  /** Sets every count back to zero. */
  public synchronized void reset() {
    counts.clear();
  }

  @Override
  public String toString() {
    return "CallCounts" + asMap();
  }
}
