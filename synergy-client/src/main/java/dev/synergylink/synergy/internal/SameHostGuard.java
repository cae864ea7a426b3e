package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.SynergyApiException;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Refuses to send a request (a redirect, in practice) to any host but the API's, so that the access token never
 * leaves it: OkHttp strips only {@code Authorization} on a cross-host redirect, not {@code access-token}.
 */
final class SameHostGuard implements Interceptor {
  private final HttpUrl allowed;

  private SameHostGuard(HttpUrl allowed) {
    this.allowed = allowed;
  }

  /**
   * {@code shared}, sharing its pool and dispatcher, with https-to-http redirects off, this guard on, and
   * {@code observer} seeing every exchange that passes the guard.
   */
  static OkHttpClient harden(OkHttpClient shared, HttpUrl baseUrl, Interceptor observer) {
    return shared.newBuilder()
        .followSslRedirects(false)
        .addNetworkInterceptor(new SameHostGuard(baseUrl))
        .addNetworkInterceptor(observer)
        .build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (!url.host().equalsIgnoreCase(allowed.host()) || url.port() != allowed.port()
        || !url.scheme().equals(allowed.scheme())) {
      throw new SynergyApiException("Synergy redirected to another host (" + url.host() + "); not followed, so"
          + " that the credentials stay with " + allowed.host(), 0, null, request.method(), url.encodedPath(),
          Map.of(), null);
    }
    return chain.proceed(request);
  }
}
