package dev.synergylink.synergy;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.synergylink.synergy.internal.ClientSettings;
import dev.synergylink.synergy.internal.HttpSynergyClient;
import dev.synergylink.synergy.internal.HttpTransport;
import dev.synergylink.synergy.internal.SynergyContract;
import dev.synergylink.synergy.internal.Urls;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the HTTP {@link SynergyClient}; get one from {@link SynergyClient#builder()}. Setters check their
 * argument at once; {@link #build()} names what is missing. Not thread-safe; the client it builds is.
 *
 * <pre>{@code
 * try (SynergyClient synergy = SynergyClient.builder()
 *     .organisation("acme")
 *     .apiKey(System.getenv("SYNERGY_API_KEY"))
 *     .callTimeout(Duration.ofSeconds(30))
 *     .build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Defaults:
 * <ul>
 *   <li><b>Body limit</b>: an answer's body may hold at most {@value #DEFAULT_MAX_RESPONSE_BYTES} bytes (16 MiB;
 *       a page of 100 records is well under 1 MiB); past it the call fails with
 *       {@link SynergyResponseTooLargeException}, counted while the body streams in, never read whole first.
 *       See {@link #maxResponseBytes(long)}.</li>
 *   <li><b>Timeouts</b>: 10 s to connect, 30 s between bytes read or written, and a deadline of 60 s on each
 *       attempt as a whole (connect, send, wait, read the last byte), so that a server that drips its answer
 *       cannot hold a thread for ever. A timed-out attempt fails with {@link SynergyTransportException}. See
 *       {@link #connectTimeout}, {@link #readTimeout}, {@link #callTimeout} and, for an OkHttp client of your
 *       own, {@link #okHttpClient}.</li>
 *   <li><b>Retries</b>: reads (GET), patches (PATCH, a merge that is safe to repeat) and token refreshes are
 *       retried on 429, 502, 503, 504 and transport failures, at most 4 times after the first attempt, with
 *       a backoff from 0.5 s doubling to 30 s ({@link SynergyRetryPolicies#idempotent()}). A {@code Retry-After}
 *       is waited for through the {@link Sleeper}, up to 60 s; a longer one is not waited for: the
 *       {@link SynergyRateLimitedException} (or {@link SynergyServerException}) carrying it reaches the caller
 *       at once. Creates (POST) are resent only when the server certainly did not act (429, or no connection
 *       made), never after the request may have reached it; OkHttp's own resends (after a lost connection, or
 *       a 503 with {@code Retry-After: 0}) are switched off, so every attempt is the policy's.</li>
 *   <li><b>Throttle</b>: {@value #DEFAULT_REQUESTS_PER_SECOND} requests a second, waiting up to a minute for a
 *       permit.</li>
 * </ul>
 */
public final class SynergyClientBuilder {
  /** The production API root. */
  public static final String DEFAULT_BASE_URL = "https://api.totalsynergy.com/api/v2";
  /** Throttle: at most this many requests per second per client, the API's per-token limit. */
  public static final int DEFAULT_REQUESTS_PER_SECOND = 10;
  /** The default refresh margin: an access token this close to expiry is refreshed before use. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);
  /** The default limit on an answer's body: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
  /** The default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = HttpTransport.DEFAULT_CONNECT_TIMEOUT;
  /** The default read and write timeout (the longest wait for the next bytes): 30 s. */
  public static final Duration DEFAULT_READ_TIMEOUT = HttpTransport.DEFAULT_READ_TIMEOUT;
  /** The default deadline of one attempt as a whole: 60 s. */
  public static final Duration DEFAULT_CALL_TIMEOUT = HttpTransport.DEFAULT_CALL_TIMEOUT;
  private static final Duration MAX_TIMEOUT = Duration.ofHours(24);

  private HttpUrl baseUrl = Urls.secure("baseUrl", DEFAULT_BASE_URL);
  private HttpUrl webAppUrl = Urls.secure("webAppUrl", RecordLinks.DEFAULT_WEB_APP_URL);
  private String organisation;
  private String apiKey;
  private OAuthApplication application;
  private TokenStore tokenStore;
  private OkHttpClient okHttpClient;
  private Clock clock = Clock.systemUTC();
  private RetryPolicy<Object> retryPolicy;
  private RetryPolicy<Object> createRetryPolicy;
  private RateLimiter<Object> rateLimiter;
  private Sleeper sleeper = Sleeper.system();
  private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
  private SynergyCallListener callListener = SynergyCallListener.none();
  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration callTimeout;
  private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

  SynergyClientBuilder() {}

  /**
   * The API root; default {@value #DEFAULT_BASE_URL}. Must be https, except on a loopback host (a local fake
   * server). The OAuth token endpoints are under it too.
   *
   * @param baseUrl the root, such as {@code "http://127.0.0.1:8080/api/v2"} for a local fake
   * @return this builder
   */
  public SynergyClientBuilder baseUrl(String baseUrl) {
    this.baseUrl = Urls.secure("baseUrl", baseUrl);
    return this;
  }

  /**
   * The web app root, for record links and the authorize page; default
   * {@value RecordLinks#DEFAULT_WEB_APP_URL}. Must be https, except on a loopback host.
   *
   * @param webAppUrl the root
   * @return this builder
   */
  public SynergyClientBuilder webAppUrl(String webAppUrl) {
    this.webAppUrl = Urls.secure("webAppUrl", webAppUrl);
    return this;
  }

  /**
   * The organisation to work on; required.
   *
   * @param organisation its slug, as in its web app links (2 to 50 letters, digits or dashes)
   * @return this builder
   */
  public SynergyClientBuilder organisation(String organisation) {
    this.organisation = RecordLinks.checkOrganisation(organisation);
    return this;
  }

  /**
   * Authenticate with a user's static API key (it acts with that user's security level and cannot be
   * refreshed). Replaces {@link #oauth}.
   *
   * @param apiKey the key; never logged or shown
   * @return this builder
   */
  public SynergyClientBuilder apiKey(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey == null");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey is blank: pass the key created in Synergy");
    }
    this.apiKey = apiKey;
    this.application = null;
    this.tokenStore = null;
    return this;
  }

  /**
   * Authenticate with OAuth: the tokens come from {@code tokenStore} (put there after
   * {@link SynergyOAuth#exchangeCode(String)}); the access token is refreshed before it expires and once
   * after a 401, and every new pair is saved to the store before it is used. Replaces {@link #apiKey}.
   *
   * <p>Build one client per connection (per store) and share it: two clients over one store would refresh with
   * the same rotating refresh token. When Synergy refuses (401) the access token that a refresh has just given,
   * or refuses the refresh token, the client stops refreshing: every later call fails at once with
   * {@link SynergyAuthenticationException} asking to re-authorise, until the host saves new tokens in the store.
   * No message or exception of the client ever holds the access token, refresh token or application secret,
   * whatever the server echoes.
   *
   * @param application the integration's key, secret and redirect URI
   * @param tokenStore where the host keeps the tokens
   * @return this builder
   */
  public SynergyClientBuilder oauth(OAuthApplication application, TokenStore tokenStore) {
    this.application = Objects.requireNonNull(application, "application == null");
    this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore == null");
    this.apiKey = null;
    return this;
  }

  /**
   * The OkHttp client to share (its connection pool and dispatcher); default a new one, which
   * {@link SynergyClient#close()} releases. The client derives its own from it with
   * {@link OkHttpClient#newBuilder()}; the given one is not changed, and {@code close()} leaves it open (the host
   * closes it). The derived client keeps the given one's settings, except: a timeout set on this builder
   * replaces the given one's; when the given one has no call deadline ({@code callTimeout} 0, OkHttp's default)
   * it gets {@link #DEFAULT_CALL_TIMEOUT}, while a deadline of its own is kept; OkHttp's own resends are off;
   * https-to-http redirects are off and redirects to another host refused; the body limit applies.
   *
   * @param okHttpClient the client to derive from
   * @return this builder
   */
  public SynergyClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
    return this;
  }

  /**
   * How long to wait for a connection to be made; default 10 s (or the given OkHttp client's own).
   *
   * @param connectTimeout the timeout, more than zero and at most 24 hours
   * @return this builder
   */
  public SynergyClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = checkTimeout(connectTimeout, "connectTimeout");
    return this;
  }

  /**
   * How long to wait for the next bytes of an answer, and for the socket to take more of a request; default
   * 30 s (or the given OkHttp client's own). A server that sends a byte now and then never trips it: the
   * {@link #callTimeout call deadline} does.
   *
   * @param readTimeout the timeout, more than zero and at most 24 hours
   * @return this builder
   */
  public SynergyClientBuilder readTimeout(Duration readTimeout) {
    this.readTimeout = checkTimeout(readTimeout, "readTimeout");
    return this;
  }

  /**
   * The deadline of one attempt as a whole: connecting, sending, waiting and reading the whole answer; default
   * 60 s (or the given OkHttp client's own call timeout, when it has one). A call that is retried gets the
   * deadline for each attempt. An attempt past it fails with {@link SynergyTransportException}.
   *
   * @param callTimeout the deadline, more than zero and at most 24 hours
   * @return this builder
   */
  public SynergyClientBuilder callTimeout(Duration callTimeout) {
    this.callTimeout = checkTimeout(callTimeout, "callTimeout");
    return this;
  }

  /**
   * The most bytes an answer's body may hold; default {@value #DEFAULT_MAX_RESPONSE_BYTES} (16 MiB). Past it the
   * call fails with {@link SynergyResponseTooLargeException}, as soon as the limit is passed (a body is never
   * read whole first), and is not retried.
   *
   * @param maxResponseBytes the limit, at least 64 KiB (65536)
   * @return this builder
   */
  public SynergyClientBuilder maxResponseBytes(long maxResponseBytes) {
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
   * The clock for token expiry and quota times; default {@link Clock#systemUTC()}.
   *
   * @param clock the clock
   * @return this builder
   */
  public SynergyClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  /**
   * The retry policy of reads (GET), patches (PATCH) and token refreshes; default
   * {@link SynergyRetryPolicies#idempotent()}.
   *
   * @param retryPolicy the policy; it sees the {@link SynergyApiException} of each failed attempt
   * @return this builder
   */
  public SynergyClientBuilder retryPolicy(RetryPolicy<Object> retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    return this;
  }

  /**
   * The retry policy of creates (POST) and code exchanges; default {@link SynergyRetryPolicies#creates()}. Whatever
   * the policy says, a failure after which the server may have acted (see
   * {@link SynergyRetryPolicies#isSafeToResend(Throwable)}) is never retried, so that a record is never created
   * twice: the client adds that rule to the policy.
   *
   * @param createRetryPolicy the policy
   * @return this builder
   */
  public SynergyClientBuilder createRetryPolicy(RetryPolicy<Object> createRetryPolicy) {
    this.createRetryPolicy = Objects.requireNonNull(createRetryPolicy, "createRetryPolicy == null");
    return this;
  }

  /**
   * The client-side throttle, applied to every attempt; default a smooth limiter of
   * {@value #DEFAULT_REQUESTS_PER_SECOND} requests per second that waits up to a minute for a permit. Share
   * one limiter between clients that use the same token.
   *
   * @param rateLimiter the limiter
   * @return this builder
   */
  public SynergyClientBuilder rateLimiter(RateLimiter<Object> rateLimiter) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter == null");
    return this;
  }

  /**
   * How the client waits the time a server asks for ({@code Retry-After}); default {@link Sleeper#system()}.
   *
   * @param sleeper the sleeper; tests pass one that records the wait
   * @return this builder
   */
  public SynergyClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return this;
  }

  /**
   * How long before its expiry an access token is refreshed; default 60 seconds.
   *
   * @param refreshMargin the margin, from zero to 30 minutes
   * @return this builder
   */
  public SynergyClientBuilder refreshMargin(Duration refreshMargin) {
    Objects.requireNonNull(refreshMargin, "refreshMargin == null");
    if (refreshMargin.isNegative() || refreshMargin.compareTo(Duration.ofMinutes(30)) > 0) {
      throw new IllegalArgumentException("refreshMargin must be from 0 to 30 minutes, was " + refreshMargin);
    }
    this.refreshMargin = refreshMargin;
    return this;
  }

  /**
   * Hears of every HTTP exchange (each attempt, token calls included); default {@link SynergyCallListener#none()}.
   *
   * @param callListener the listener
   * @return this builder
   */
  public SynergyClientBuilder callListener(SynergyCallListener callListener) {
    this.callListener = Objects.requireNonNull(callListener, "callListener == null");
    return this;
  }

  /**
   * The client.
   *
   * @return a new thread-safe client
   * @throws IllegalStateException when the organisation or the credentials are missing
   */
  public SynergyClient build() {
    if (organisation == null) {
      throw new IllegalStateException("organisation is required: call organisation(slug) with the organisation's"
          + " code from its Synergy web links");
    }
    if (apiKey == null && application == null) {
      throw new IllegalStateException("credentials are required: call apiKey(key) or oauth(application,"
          + " tokenStore)");
    }
    OkHttpClient http = new HttpTransport(connectTimeout, readTimeout, callTimeout, maxResponseBytes)
        .client(okHttpClient);
    return new HttpSynergyClient(new ClientSettings(baseUrl, webAppUrl, organisation, apiKey, application,
        tokenStore, http, okHttpClient == null, clock,
        retryPolicy != null ? retryPolicy : SynergyRetryPolicies.idempotent(),
        neverResendAmbiguous(createRetryPolicy != null ? createRetryPolicy : SynergyRetryPolicies.creates()),
        rateLimiter != null ? rateLimiter : SynergyContract.defaultRateLimiter(DEFAULT_REQUESTS_PER_SECOND),
        sleeper, refreshMargin, callListener));
  }

  private static RetryPolicy<Object> neverResendAmbiguous(RetryPolicy<Object> policy) {
    return RetryPolicy.builder(policy.getConfig())
        .abortOn(failure -> !SynergyRetryPolicies.isSafeToResend(failure))
        .build();
  }

  @Override
  public String toString() {
    return "SynergyClientBuilder{baseUrl=" + baseUrl + ", organisation=" + organisation + "}";
  }
}
