package dev.synergylink.synergy;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retry policies a {@link SynergyClient} uses by default, and the predicates to build your own.
 *
 * <p>Reads (GET) and patches (PATCH, a merge that is safe to repeat) are retried on 429, 502, 503, 504 and
 * transport failures (timeouts, reset connections), never on 400, 401, 403 or 404. Creates (POST) are resent
 * only when the server certainly did not act on them: 429, or no connection made. A wait the server asks for
 * ({@code Retry-After}) is honoured by the client itself through its {@link Sleeper}, before the next attempt;
 * a policy's own delay then is zero. A {@code Retry-After} longer than the policy's {@code maxRetryAfter} is not
 * waited for: the {@link SynergyRateLimitedException} reaches the caller at once (a spent daily quota resets
 * only at midnight UTC). {@code Retry-After} is read as seconds of any length (more than 2^31 - 1 is read as
 * that, about 68 years) or as an HTTP date; anything else counts as no {@code Retry-After}. These policies are
 * the only retries: the client switches OkHttp's own resends off.
 *
 * <pre>{@code
 * RetryPolicy<Object> patient = SynergyRetryPolicies
 *     .idempotent(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(2), 6)
 *     .onRetry(e -> log.debug("retrying a Synergy call"))
 *     .build();
 * }</pre>
 */
public final class SynergyRetryPolicies {
  /** The default number of retries after the first attempt. */
  public static final int DEFAULT_MAX_RETRIES = 4;
  /** The default first backoff delay; it doubles per retry. */
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);
  /** The default longest backoff delay. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
  /** The default longest {@code Retry-After} that is waited for. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private SynergyRetryPolicies() {}

  /**
   * The default policy for reads and patches: {@value #DEFAULT_MAX_RETRIES} retries, backoff from 500 ms
   * doubling to 30 s with jitter (each delay drawn from half to all of the backoff), {@code Retry-After} up to
   * 60 s honoured.
   *
   * @return the policy
   */
  public static RetryPolicy<Object> idempotent() {
    return idempotent(DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MAX_RETRY_AFTER, DEFAULT_MAX_RETRIES)
        .build();
  }

  /**
   * A policy for reads and patches with other numbers; add listeners to the builder before building it.
   *
   * @param initialDelay the first backoff delay; it doubles per retry
   * @param maxDelay the longest backoff delay
   * @param maxRetryAfter the longest {@code Retry-After} that is waited for
   * @param maxRetries the retries after the first attempt
   * @return a builder of the policy
   */
  public static RetryPolicyBuilder<Object> idempotent(Duration initialDelay, Duration maxDelay,
      Duration maxRetryAfter, int maxRetries) {
    return policy(initialDelay, maxDelay, maxRetryAfter, maxRetries, SynergyRetryPolicies::isRetryable);
  }

  /**
   * The default policy for creates: like {@link #idempotent()} but only for failures where the server
   * certainly did not act, see {@link #isSafeToResend(Throwable)}.
   *
   * @return the policy
   */
  public static RetryPolicy<Object> creates() {
    return creates(DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MAX_RETRY_AFTER, DEFAULT_MAX_RETRIES).build();
  }

  /**
   * A policy for creates with other numbers; add listeners to the builder before building it.
   *
   * @param initialDelay the first backoff delay; it doubles per retry
   * @param maxDelay the longest backoff delay
   * @param maxRetryAfter the longest {@code Retry-After} that is waited for
   * @param maxRetries the retries after the first attempt
   * @return a builder of the policy
   */
  public static RetryPolicyBuilder<Object> creates(Duration initialDelay, Duration maxDelay,
      Duration maxRetryAfter, int maxRetries) {
    return policy(initialDelay, maxDelay, maxRetryAfter, maxRetries, SynergyRetryPolicies::isSafeToResend);
  }

  private static RetryPolicyBuilder<Object> policy(Duration initialDelay, Duration maxDelay,
      Duration maxRetryAfter, int maxRetries, java.util.function.Predicate<Throwable> retryable) {
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(maxDelay, "maxDelay == null");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter == null");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("initialDelay must be from 0 to maxDelay");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
    }
    return RetryPolicy.builder()
        .handleIf((Throwable failure) ->
            retryable.test(failure) && serverRequestedDelay(failure).compareTo(maxRetryAfter) <= 0)
        .withMaxRetries(maxRetries)
        .withDelayFn(context -> serverRequestedDelay(context.getLastException()).isZero()
            ? backoff(initialDelay, maxDelay, context.getAttemptCount())
            : Duration.ZERO);
  }

  private static Duration backoff(Duration initialDelay, Duration maxDelay, int failedAttempts) {
    long initial = initialDelay.toNanos();
    long max = maxDelay.toNanos();
    long delay = initial;
    for (int i = 1; i < failedAttempts && delay < max; i++) {
      delay = Math.min(max, delay * 2);
    }
    delay = Math.min(max, delay);
    return Duration.ofNanos(delay <= 1 ? delay : delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }

  /**
   * Whether a read or patch that failed so is worth another attempt: 429, 502, 503, 504 and transport
   * failures; never 400, 401, 403, 404, nor this client's own throttle.
   *
   * @param failure what an attempt threw
   * @return {@code true} to retry
   */
  public static boolean isRetryable(Throwable failure) {
    if (failure instanceof SynergyRateLimitedException) {
      return ((SynergyRateLimitedException) failure).status() == 429;
    }
    if (failure instanceof SynergyServerException) {
      int status = ((SynergyServerException) failure).status();
      return status == 502 || status == 503 || status == 504;
    }
    return failure instanceof SynergyTransportException;
  }

  /**
   * Whether a create that failed so may be sent again without risk of a duplicate: the server answered 429,
   * or no connection was made.
   *
   * @param failure what an attempt threw
   * @return {@code true} to resend
   */
  public static boolean isSafeToResend(Throwable failure) {
    if (failure instanceof SynergyRateLimitedException) {
      return ((SynergyRateLimitedException) failure).status() == 429;
    }
    return failure instanceof SynergyTransportException
        && !((SynergyTransportException) failure).mayHaveReachedServer();
  }

  /**
   * The wait the server asked for with a failure ({@code Retry-After} on 429 and 503).
   *
   * @param failure what an attempt threw, or {@code null}
   * @return the wait, {@link Duration#ZERO} when none was asked for
   */
  public static Duration serverRequestedDelay(@Nullable Throwable failure) {
    if (failure instanceof SynergyRateLimitedException) {
      return ((SynergyRateLimitedException) failure).retryAfter();
    }
    if (failure instanceof SynergyServerException) {
      return ((SynergyServerException) failure).retryAfter();
    }
    return Duration.ZERO;
  }
}
