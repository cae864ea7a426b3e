package dev.synergylink.tinyplus.internal;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.synergylink.tinyplus.TinyPlusCallListener;
import dev.synergylink.tinyplus.TokenProvider;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import okhttp3.OkHttpClient;

/**
 * What the builder hands to the HTTP client. {@code okHttpClient} (the host's, never closed by the client) and
 * {@code zone} may be null (not set).
 */
public record ClientSettings(
    URI baseUrl,
    TokenProvider tokenProvider,
    OkHttpClient okHttpClient,
    HttpTransport transport,
    Clock clock,
    ZoneId zone,
    RetryPolicy<Object> retryPolicy,
    RateLimiter<Object> rateLimiter,
    TinyPlusCallListener callListener) {

  @Override
  public String toString() {
    return "ClientSettings{baseUrl=" + baseUrl + ", zone=" + zone + "}";
  }
}
