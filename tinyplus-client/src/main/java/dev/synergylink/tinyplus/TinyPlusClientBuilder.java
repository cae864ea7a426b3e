package dev.synergylink.tinyplus;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.synergylink.tinyplus.internal.ClientSettings;
import dev.synergylink.tinyplus.internal.HttpTinyPlusClient;
import dev.synergylink.tinyplus.internal.TinyPlusContract;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Builds the HTTP {@link TinyPlusClient}. Setters check their argument at once; {@link #build()} names what is
 * missing. The built client is immutable and thread-safe; the builder is not thread-safe.
 *
 * <pre>{@code
 * TinyPlusClient tiny = TinyPlusClient.builder()
 *     .tokenProvider(TokenProvider.of(token))
 *     .okHttpClient(sharedOkHttp)            // optional: share connection pools
 *     .build();
 * }</pre>
 *
 * <p>Defaults: base URL {@value #DEFAULT_BASE_URL}; the system UTC clock; the account zone read once from
 * {@code /account}; a new {@link OkHttpClient} with 10 s connect and 30 s read/write timeouts; the retry policy of
 * {@link #defaultRetryPolicy(Duration)} with a 60 s cap on {@code Retry-After} (0.5 s backoff doubling to
 * 30 s, 4 retries); a rate limiter of
 * {@value #DEFAULT_REQUESTS_PER_MINUTE} requests per minute (the API's limit per token) that waits up to a minute
 * for a permit; no call listener.
 */
public final class TinyPlusClientBuilder {
  /** The tiny+ API v2. */
  public static final String DEFAULT_BASE_URL = "https://api.tiny.plus/v2";
  /** The API's rate limit per token. */
  public static final int DEFAULT_REQUESTS_PER_MINUTE = 300;
  /** The longest {@code Retry-After} the default retry policy waits before retrying a 429. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private URI baseUrl = URI.create(DEFAULT_BASE_URL);
  private TokenProvider tokenProvider;
  private OkHttpClient okHttpClient;
  private Clock clock = Clock.systemUTC();
  private ZoneId zone;
  private RetryPolicy<Object> retryPolicy;
  private RateLimiter<Object> rateLimiter;
  private TinyPlusCallListener callListener = TinyPlusCallListener.none();

  TinyPlusClientBuilder() {}

  /**
   * The API's base URL, up to and including the version ({@value #DEFAULT_BASE_URL} by default). It must be
   * {@code https}, except on a loopback host ({@code localhost}, {@code 127.0.0.1}, {@code ::1}), where
   * {@code http} serves test servers.
   *
   * @param baseUrl the base URL, e.g. {@code http://127.0.0.1:8089/v2}
   * @return this builder
   */
  public TinyPlusClientBuilder baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.baseUrl = TinyPlusContract.checkBaseUrl(baseUrl);
    return this;
  }

  /**
   * Where the token comes from (required).
   *
   * @param tokenProvider the provider, e.g. {@link TokenProvider#of(String)}
   * @return this builder
   */
  public TinyPlusClientBuilder tokenProvider(TokenProvider tokenProvider) {
    this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider == null");
    return this;
  }

  /**
   * The {@link OkHttpClient} to share (its connection pool and dispatcher). The client derives its own instance
   * from it with {@link OkHttpClient#newBuilder()}, adding its headers and turning redirects off; the given
   * instance is not changed.
   *
   * @param okHttpClient the client to share
   * @return this builder
   */
  public TinyPlusClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
    return this;
  }

  /**
   * The clock (system UTC by default); used to time attempts for the call listener and to turn a {@code Retry-After}
   * given as an HTTP date into a wait.
   *
   * @param clock the clock
   * @return this builder
   */
  public TinyPlusClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  /**
   * Presets the account's time zone, so that the client never calls {@code /account} for it. Use only when the zone
   * is known to be the account's: every date read and every date filter depends on it.
   *
   * @param zone the account's zone, e.g. {@code ZoneId.of("Australia/Sydney")}
   * @return this builder
   */
  public TinyPlusClientBuilder zone(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone == null");
    return this;
  }

  /**
   * Replaces the retry policy (default: {@link #defaultRetryPolicy(Duration)} with
   * {@link #DEFAULT_MAX_RETRY_AFTER}). Whatever the policy, a POST that failed ambiguously (no response, a 5xx) is
   * never resent.
   *
   * @param retryPolicy the policy; it sees the client's {@link TinyPlusApiException}s
   * @return this builder
   */
  public TinyPlusClientBuilder retryPolicy(RetryPolicy<Object> retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    return this;
  }

  /**
   * Replaces the client-side rate limiter (default: bursty, {@value #DEFAULT_REQUESTS_PER_MINUTE} per minute, a
   * minute's wait at most). A limiter whose wait runs out fails the call with {@link TinyPlusRateLimitedException}.
   * Share one limiter between clients that use the same token.
   *
   * @param rateLimiter the limiter
   * @return this builder
   */
  public TinyPlusClientBuilder rateLimiter(RateLimiter<Object> rateLimiter) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter == null");
    return this;
  }

  /**
   * Sets the rate limiter to the given number of requests per minute, bursty, waiting up to a minute.
   *
   * @param requestsPerMinute the budget, at least 1
   * @return this builder
   */
  public TinyPlusClientBuilder requestsPerMinute(int requestsPerMinute) {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requestsPerMinute must be 1 or more, was " + requestsPerMinute);
    }
    this.rateLimiter = TinyPlusContract.rateLimiter(requestsPerMinute);
    return this;
  }

  /**
   * Hears every attempt (default: none). See {@link TinyPlusCallListener#logging()}.
   *
   * @param callListener the listener
   * @return this builder
   */
  public TinyPlusClientBuilder callListener(TinyPlusCallListener callListener) {
    this.callListener = Objects.requireNonNull(callListener, "callListener == null");
    return this;
  }

  /**
   * The default retry policy, as a builder to adjust: {@link #defaultRetryPolicy(Duration, Duration, Duration)} with
   * a 0.5 s first backoff, a 30 s longest backoff and the given cap on {@code Retry-After}.
   *
   * @param maxRetryAfter the longest {@code Retry-After} to honour; a longer one is cut to this
   * @return a policy builder with these settings
   */
  public static RetryPolicyBuilder<Object> defaultRetryPolicy(Duration maxRetryAfter) {
    return defaultRetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), maxRetryAfter);
  }

  /**
   * The default retry policy with other delays, as a builder to adjust. It retries a
   * {@link TinyPlusRateLimitedException} after its {@code Retry-After} (at most {@code maxRetryAfter}, plus up to
   * 10 % so that clients sharing a token do not return in step; never less than asked), and a
   * {@link TinyPlusServerException} with status 502, 503 or 504 and a {@link TinyPlusTransportException} with
   * exponential backoff ({@code initialBackoff} doubling per attempt up to {@code maxBackoff}, jittered 25 % either
   * way); at most 4 retries (5 attempts) within 3 minutes. It never retries 400, 401, 403, 404, 409, 500 or an
   * unreadable response. The client adds its own rule that an ambiguous POST is never resent. The delays are
   * computed by the policy's delay function: a {@code withBackoff} or {@code withJitter} on the returned builder has
   * no effect.
   *
   * @param initialBackoff the first backoff
   * @param maxBackoff the longest backoff
   * @param maxRetryAfter the longest {@code Retry-After} to honour; a longer one is cut to this
   * @return a policy builder with these settings
   */
  public static RetryPolicyBuilder<Object> defaultRetryPolicy(
      Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    requireNotNegative(initialBackoff, "initialBackoff");
    requireNotNegative(maxBackoff, "maxBackoff");
    requireNotNegative(maxRetryAfter, "maxRetryAfter");
    return TinyPlusContract.retryPolicy(initialBackoff, maxBackoff, maxRetryAfter);
  }

  private static void requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name + " == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + duration);
    }
  }

  /**
   * The client.
   *
   * @return a new, thread-safe client
   * @throws IllegalStateException when no token provider was set
   */
  public TinyPlusClient build() {
    if (tokenProvider == null) {
      throw new IllegalStateException(
          "tokenProvider is missing: call tokenProvider(TokenProvider.of(token)) with a tiny+ access token");
    }
    return new HttpTinyPlusClient(new ClientSettings(
        baseUrl,
        tokenProvider,
        okHttpClient,
        clock,
        zone,
        retryPolicy != null ? retryPolicy : defaultRetryPolicy(DEFAULT_MAX_RETRY_AFTER).build(),
        rateLimiter != null ? rateLimiter : TinyPlusContract.rateLimiter(DEFAULT_REQUESTS_PER_MINUTE),
        callListener));
  }

  @Override
  public String toString() {
    return "TinyPlusClientBuilder{baseUrl=" + baseUrl + ", zone=" + zone + "}";
  }
}
