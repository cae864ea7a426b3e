package dev.synergylink.tinyplus.internal;

import java.net.URI;
import java.time.Duration;
import okhttp3.Cache;
import okhttp3.OkHttpClient;

/**
 * The transport settings a builder collected, and the OkHttp client made from them. A null timeout was not set: the
 * host's OkHttp client keeps its own (our defaults when the client is made here), except that a host client
 * without a call deadline gets {@link #DEFAULT_CALL_TIMEOUT}.
 *
 * @param connectTimeout the connect timeout, or null
 * @param readTimeout the read (and write) timeout, or null
 * @param callTimeout the deadline of one attempt, or null
 * @param maxResponseBytes the most bytes of a response body the client reads
 */
public record HttpTransport(Duration connectTimeout, Duration readTimeout, Duration callTimeout,
    long maxResponseBytes) {
  /** The connect timeout of a client made here. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The read and write timeout of a client made here. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** The deadline of one attempt, unless set or the host's client has one. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The OkHttp client for the API: derived from {@code host} (sharing its pool and dispatcher) or new, with these
   * timeouts, without OkHttp's own resends (every retry is the retry policy's, so a create is never sent twice)
   * and with the body limit.
   *
   * @param host the host's client, or null to make one
   * @param baseUrl the API's base URL
   * @return a builder of the client, to add the client's own settings to
   */
  OkHttpClient.Builder client(OkHttpClient host, URI baseUrl) {
    OkHttpClient.Builder http = host != null
        ? host.newBuilder()
        : new OkHttpClient.Builder()
            .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
            .readTimeout(DEFAULT_READ_TIMEOUT)
            .writeTimeout(DEFAULT_READ_TIMEOUT);
    if (connectTimeout != null) {
      http.connectTimeout(connectTimeout);
    }
    if (readTimeout != null) {
      http.readTimeout(readTimeout).writeTimeout(readTimeout);
    }
    if (callTimeout != null) {
      http.callTimeout(callTimeout);
    } else if (host == null || host.callTimeoutMillis() == 0) {
      http.callTimeout(DEFAULT_CALL_TIMEOUT);
    }
    String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    return http
        // after a lost connection OkHttp would send a request again itself, a POST included
        .retryOnConnectionFailure(false)
        .addNetworkInterceptor(new NoTransportResend())
        .addInterceptor(new ResponseLimit(maxResponseBytes, basePath));
  }

  /**
   * Releases what a client made here holds: its dispatcher's threads, its idle connections and its cache. Calls
   * under way finish; the client must not be used for new ones.
   *
   * @param http the client to release
   */
  static void release(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    Cache cache = http.cache();
    if (cache != null) {
      try {
        cache.close();
      } catch (java.io.IOException ignored) {
        // closing a cache only flushes its journal; nothing a caller could do about a failure
      }
    }
  }
}
