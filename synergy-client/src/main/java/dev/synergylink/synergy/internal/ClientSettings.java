package dev.synergylink.synergy.internal;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.synergylink.synergy.Nullable;
import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.Sleeper;
import dev.synergylink.synergy.SynergyCallListener;
import dev.synergylink.synergy.TokenStore;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a {@code SynergyClientBuilder} collected, checked. {@link #toString()} leaves out the API key.
 *
 * @param baseUrl the API root, with a trailing slash
 * @param webAppUrl the web app root, with a trailing slash
 * @param organisation the organisation's slug
 * @param apiKey the static API key, or {@code null} with OAuth
 * @param application the OAuth application, or {@code null} with an API key
 * @param tokenStore the OAuth token store, or {@code null} with an API key
 * @param http the OkHttp client to derive from, with the transport settings applied
 * @param ownsHttp whether the builder made {@code http} (so closing the client releases it)
 * @param clock the clock for token expiry and quota
 * @param retryPolicy the policy for GET and PATCH
 * @param createRetryPolicy the policy for POST
 * @param rateLimiter the client-side throttle
 * @param sleeper waits for {@code Retry-After}
 * @param refreshMargin how long before expiry an access token is refreshed
 * @param callListener hears of every exchange
 */
public record ClientSettings(
    HttpUrl baseUrl,
    HttpUrl webAppUrl,
    String organisation,
    @Nullable String apiKey,
    @Nullable OAuthApplication application,
    @Nullable TokenStore tokenStore,
    OkHttpClient http,
    boolean ownsHttp,
    Clock clock,
    RetryPolicy<Object> retryPolicy,
    RetryPolicy<Object> createRetryPolicy,
    RateLimiter<Object> rateLimiter,
    Sleeper sleeper,
    Duration refreshMargin,
    SynergyCallListener callListener) {

  @Override
  public String toString() {
    return "ClientSettings{baseUrl=" + baseUrl + ", organisation=" + organisation
        + ", credentials=" + (apiKey != null ? "api key" : "oauth " + application) + "}";
  }
}
