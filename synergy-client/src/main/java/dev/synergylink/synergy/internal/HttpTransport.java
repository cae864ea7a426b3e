package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.Nullable;
import java.time.Duration;
import okhttp3.Cache;
import okhttp3.OkHttpClient;

/**
 * The transport settings a builder collected, and the OkHttp client made from them. A {@code null} timeout was not
 * set: the host's OkHttp client keeps its own (our defaults when the builder makes the client), except that a host
 * client without a call deadline gets {@link #DEFAULT_CALL_TIMEOUT}.
 *
 * @param connectTimeout the connect timeout, or {@code null}
 * @param readTimeout the read (and write) timeout, or {@code null}
 * @param callTimeout the deadline of one attempt, or {@code null}
 * @param maxResponseBytes the most bytes of a response body the client reads
 */
public record HttpTransport(@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
    @Nullable Duration callTimeout, long maxResponseBytes) {
  /** The connect timeout of a client the builder makes. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = SynergyContract.CONNECT_TIMEOUT;
  /** The read and write timeout of a client the builder makes. */
  public static final Duration DEFAULT_READ_TIMEOUT = SynergyContract.READ_TIMEOUT;
  /** The deadline of one attempt, unless set or the host's client has one. */
  public static final Duration DEFAULT_CALL_TIMEOUT = SynergyContract.CALL_TIMEOUT;

  /**
   * The OkHttp client for the API: derived from {@code host} (sharing its pool and dispatcher) or new, with these
   * timeouts, without OkHttp's own resends (every retry is the retry policy's, so a create is never sent twice)
   * and with the body limit.
   *
   * @param host the host's client, or {@code null} to make one
   * @return the client
   */
  public OkHttpClient client(@Nullable OkHttpClient host) {
    OkHttpClient.Builder http = host != null ? host.newBuilder() : SynergyContract.defaultOkHttpClient().newBuilder();
    if (connectTimeout != null) {
      http.connectTimeout(connectTimeout);
    }
    if (readTimeout != null) {
      http.readTimeout(readTimeout).writeTimeout(readTimeout);
    }
    if (callTimeout != null) {
      http.callTimeout(callTimeout);
    } else if (host != null && host.callTimeoutMillis() == 0) {
      http.callTimeout(DEFAULT_CALL_TIMEOUT);
    }
    return http
        // after a lost connection OkHttp would send a PATCH again itself, doubling each attempt of the policy
        .retryOnConnectionFailure(false)
        .addNetworkInterceptor(new NoTransportResend())
        .addInterceptor(new ResponseLimit(maxResponseBytes))
        .build();
  }

  /**
   * Releases what a client made by {@link #client(OkHttpClient) client(null)} holds: its dispatcher's threads,
   * its idle connections and its cache. Calls under way finish; the client must not be used for new ones.
   *
   * @param http the client to release
   */
  public static void release(OkHttpClient http) {
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
