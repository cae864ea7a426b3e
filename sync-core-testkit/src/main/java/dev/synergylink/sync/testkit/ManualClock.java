package dev.synergylink.sync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when a test moves it. One instance drives both fakes, the clients and the
 * engine, so that nothing in a test reads the wall clock and every run is repeatable.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
 * clock.advance(Duration.ofMinutes(2));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at {@code start}, in UTC.
   *
   * @param start the instant the clock shows until it is moved
   * @return a new clock
   */
  public static ManualClock at(Instant start) {
    Objects.requireNonNull(start, "start == null");
    return new ManualClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far; zero is allowed, negative is not
   * @return the new current instant
   * @throws IllegalArgumentException when {@code amount} is negative: time never runs backwards here
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount == null");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    return now.updateAndGet(current -> current.plus(amount));
  }

  /**
   * Sets the clock to a later instant.
   *
   * @param instant the new current instant, not before the current one
   * @throws IllegalArgumentException when {@code instant} is before the current instant
   */
  public void setTo(Instant instant) {
    Objects.requireNonNull(instant, "instant == null");
    now.updateAndGet(current -> {
      if (instant.isBefore(current)) {
        throw new IllegalArgumentException("the clock cannot go back from " + current + " to " + instant);
      }
      return instant;
    });
  }

  /** {@inheritDoc} */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * A view of this clock in another zone; it shares the same current instant and moves with it.
   *
   * @param zone the zone of the view
   * @return a clock sharing this clock's time
   */
  @Override
  public Clock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone == null");
    return new ManualClock(now, zone);
  }

  /** {@inheritDoc} */
  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + "]";
  }
}
