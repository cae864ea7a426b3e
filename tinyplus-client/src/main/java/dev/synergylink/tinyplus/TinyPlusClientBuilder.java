package dev.synergylink.tinyplus;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.synergylink.tinyplus.internal.ClientSettings;
import dev.synergylink.tinyplus.internal.HttpTinyPlusClient;
import dev.synergylink.tinyplus.internal.HttpTransport;
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
 * try (TinyPlusClient tiny = TinyPlusClient.builder()
 *     .tokenProvider(TokenProvider.of(token))
 *     .callTimeout(Duration.ofSeconds(30))   // optional: the deadline of each attempt
 *     .build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Defaults: base URL {@value #DEFAULT_BASE_URL}; the system UTC clock; the account zone read once from
 * {@code /account}; no call listener; and:
 * <ul>
 *   <li><b>Body limit</b>: a response's body may hold at most {@value #DEFAULT_MAX_RESPONSE_BYTES} bytes (16 MiB; a
 *       page of 100 records is well under 1 MiB); past it the call fails with
 *       {@link TinyPlusResponseTooLargeException}, counted while the body streams in, never read whole first. See
 *       {@link #maxResponseBytes(long)}.</li>
 *   <li><b>Timeouts</b>: a new {@link OkHttpClient} with 10 s to connect, 30 s between bytes read or written, and a
 *       deadline of 60 s on each attempt as a whole (connect, send, wait, read the last byte), so that a server
 *       that drips its response cannot hold a thread for ever. A timed-out attempt fails with
 *       {@link TinyPlusTransportException}. See {@link #connectTimeout}, {@link #readTimeout},
 *       {@link #callTimeout} and, for an OkHttp client of your own, {@link #okHttpClient}.</li>
 *   <li><b>Retries</b>: the policy of {@link #defaultRetryPolicy(Duration)} with {@link #DEFAULT_MAX_RETRY_AFTER}:
 *       reads, patches and deletes are retried on 429, 502, 503, 504 and transport failures (timeouts included),
 *       at most 4 times after the first attempt and within 3 minutes, with a backoff from 0.5 s doubling to 30 s.
 *       A 429 is retried after its {@code Retry-After}, up to 60 s; a longer one is not waited for: the
 *       {@link TinyPlusRateLimitedException} carrying it reaches the caller at once. A create (POST) is resent only
 *       after a 429 or a refused connection, never after the request may have reached the server; OkHttp's own
 *       resends (after a lost connection, or a 503 with {@code Retry-After: 0}) are switched off, so every attempt
 *       is the policy's.</li>
 *   <li><b>Throttle</b>: {@value #DEFAULT_REQUESTS_PER_MINUTE} requests per minute (the API's limit per token),
 *       bursty, waiting up to a minute for a permit.</li>
 * </ul>
 */
public final class TinyPlusClientBuilder {
  /** The tiny+ API v2. */
  public static final String DEFAULT_BASE_URL = "https://api.tiny.plus/v2";
  /** The API's rate limit per token. */
  public static final int DEFAULT_REQUESTS_PER_MINUTE = 300;
  /**
   * The longest {@code Retry-After} the default retry policy waits before retrying a 429; a 429 asking for longer
   * is thrown at once.
   */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
  /** The default limit on a response's body: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
  /** The default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = HttpTransport.DEFAULT_CONNECT_TIMEOUT;
  /** The default read and write timeout (the longest wait for the next bytes): 30 s. */
  public static final Duration DEFAULT_READ_TIMEOUT = HttpTransport.DEFAULT_READ_TIMEOUT;
  /** The default deadline of one attempt as a whole: 60 s. */
  public static final Duration DEFAULT_CALL_TIMEOUT = HttpTransport.DEFAULT_CALL_TIMEOUT;
  private static final Duration MAX_TIMEOUT = Duration.ofHours(24);

  private URI baseUrl = URI.create(DEFAULT_BASE_URL);
  private TokenProvider tokenProvider;
  private OkHttpClient okHttpClient;
  private Clock clock = Clock.systemUTC();
  private ZoneId zone;
  private RetryPolicy<Object> retryPolicy;
  private RateLimiter<Object> rateLimiter;
  private TinyPlusCallListener callListener = TinyPlusCallListener.none();
  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration callTimeout;
  private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

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
   * The {@link OkHttpClient} to share (its connection pool and dispatcher); default a new one, which
   * {@link TinyPlusClient#close()} releases. The client derives its own instance from it with
   * {@link OkHttpClient#newBuilder()}; the given instance is not changed, and {@code close()} leaves it open (the
   * host closes it). The derived client keeps the given one's settings, except: a timeout set on this builder
   * replaces the given one's; when the given one has no call deadline ({@code callTimeout} 0, OkHttp's default) it
   * gets {@link #DEFAULT_CALL_TIMEOUT}, while a deadline of its own is kept; OkHttp's own resends and redirects are
   * off; the client's headers and the body limit are added.
   *
   * @param okHttpClient the client to share
   * @return this builder
   */
  public TinyPlusClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
    return this;
  }

  /**
   * How long to wait for a connection to be made; default 10 s (or the given OkHttp client's own).
   *
   * @param connectTimeout the timeout, more than zero and at most 24 hours
   * @return this builder
   */
  public TinyPlusClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = checkTimeout(connectTimeout, "connectTimeout");
    return this;
  }

  /**
   * How long to wait for the next bytes of a response, and for the socket to take more of a request; default 30 s
   * (or the given OkHttp client's own). A server that sends a byte now and then never trips it: the
   * {@link #callTimeout call deadline} does.
   *
   * @param readTimeout the timeout, more than zero and at most 24 hours
   * @return this builder
   */
  public TinyPlusClientBuilder readTimeout(Duration readTimeout) {
    this.readTimeout = checkTimeout(readTimeout, "readTimeout");
    return this;
  }

  /**
   * The deadline of one attempt as a whole: connecting, sending, waiting and reading the whole response; default
   * 60 s (or the given OkHttp client's own call timeout, when it has one). A call that is retried gets the deadline
   * for each attempt. An attempt past it fails with {@link TinyPlusTransportException}.
   *
   * @param callTimeout the deadline, more than zero and at most 24 hours
   * @return this builder
   */
  public TinyPlusClientBuilder callTimeout(Duration callTimeout) {
    this.callTimeout = checkTimeout(callTimeout, "callTimeout");
    return this;
  }

  /**
   * The most bytes a response's body may hold; default {@value #DEFAULT_MAX_RESPONSE_BYTES} (16 MiB). Past it the
   * call fails with {@link TinyPlusResponseTooLargeException}, as soon as the limit is passed (a body is never read
   * whole first), and is not retried.
   *
   * @param maxResponseBytes the limit, at least 64 KiB (65536)
   * @return this builder
   */
  public TinyPlusClientBuilder maxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 65_536) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 65536 (64 KiB) so that a page of"
          + " records fits, was " + maxResponseBytes);
    }
    this.maxResponseBytes = maxResponseBytes;
    return this;
  }

  private static Duration checkTimeout(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name + " == null");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " must be more than zero and at most 24 hours, was " + timeout);
    }
    return timeout;
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
   * never resent, and OkHttp never resends anything itself.
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
   * @param maxRetryAfter the longest {@code Retry-After} to wait for; a 429 asking for longer is thrown at once
   * @return a policy builder with these settings
   */
  public static RetryPolicyBuilder<Object> defaultRetryPolicy(Duration maxRetryAfter) {
    return defaultRetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), maxRetryAfter);
  }

  /**
   * The default retry policy with other delays, as a builder to adjust. It retries a
   * {@link TinyPlusRateLimitedException} after its {@code Retry-After} (plus up to 10 % so that clients sharing a
   * token do not return in step; never less than asked; one longer than {@code maxRetryAfter} is not retried but
   * reaches the caller at once, carrying the wait), and a
   * {@link TinyPlusServerException} with status 502, 503 or 504 and a {@link TinyPlusTransportException} with
   * exponential backoff ({@code initialBackoff} doubling per attempt up to {@code maxBackoff}, jittered 25 % either
   * way); at most 4 retries (5 attempts) within 3 minutes. It never retries 400, 401, 403, 404, 409, 500 or an
   * unreadable response. The client adds its own rule that an ambiguous POST is never resent. The delays are
   * computed by the policy's delay function: a {@code withBackoff} or {@code withJitter} on the returned builder has
   * no effect.
   *
   * @param initialBackoff the first backoff
   * @param maxBackoff the longest backoff
   * @param maxRetryAfter the longest {@code Retry-After} to wait for; a 429 asking for longer is thrown at once
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
        new HttpTransport(connectTimeout, readTimeout, callTimeout, maxResponseBytes),
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
