package dev.synergylink.synergy;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.synergylink.synergy.internal.ClientSettings;
import dev.synergylink.synergy.internal.HttpSynergyClient;
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
 * SynergyClient synergy = SynergyClient.builder()
 *     .organisation("acme")
 *     .apiKey(System.getenv("SYNERGY_API_KEY"))
 *     .okHttpClient(sharedOkHttp)
 *     .build();
 * }</pre>
 */
public final class SynergyClientBuilder {
  /** The production API root. */
  public static final String DEFAULT_BASE_URL = "https://api.totalsynergy.com/api/v2";
  /** Throttle: at most this many requests per second per client, the API's per-token limit. */
  public static final int DEFAULT_REQUESTS_PER_SECOND = 10;
  /** The default refresh margin: an access token this close to expiry is refreshed before use. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);

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
   * The OkHttp client to share (its connection pool and dispatcher); default a new one. The client derives
   * its own from it: timeouts and other settings are kept, https-to-http redirects are switched off and
   * redirects to another host refused.
   *
   * @param okHttpClient the client to derive from
   * @return this builder
   */
  public SynergyClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
    return this;
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
    return new HttpSynergyClient(new ClientSettings(baseUrl, webAppUrl, organisation, apiKey, application,
        tokenStore, okHttpClient != null ? okHttpClient : SynergyContract.defaultOkHttpClient(), clock,
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
