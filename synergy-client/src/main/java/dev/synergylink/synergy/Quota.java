package dev.synergylink.synergy;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * The organisation's daily call quota as the last answer reported it ({@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset}), see {@link SynergyClient#lastQuota()}.
 */
@SynergyStyle
@Value.Immutable
public interface Quota {
  /**
   * The calls allowed per day (60,000 on the premium plan, 300 on the standard plan).
   *
   * @return the daily limit
   */
  long limit();

  /**
   * The calls left until {@link #resetAt()}.
   *
   * @return the remaining calls
   */
  long remaining();

  /**
   * When the quota resets (00:00 UTC).
   *
   * @return the instant of the next reset
   */
  Instant resetAt();

  /**
   * When the answer that reported these numbers arrived, by the client's clock.
   *
   * @return the instant
   */
  Instant observedAt();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableQuota.Builder builder() {
    return ImmutableQuota.builder();
  }
}
