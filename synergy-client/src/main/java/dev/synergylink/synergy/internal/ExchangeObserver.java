package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.SynergyCallListener;
import dev.synergylink.synergy.SynergyClient;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every exchange on the wire (each attempt, the 401 before a refresh, redirects): counts it for its thread
 * ({@link SynergyClient#requestsSentOnThisThread()}), tells the host's {@link SynergyCallListener}, and keeps the daily
 * quota that the last answer reported in its
 * {@code X-RateLimit-*} headers.
 */
final class ExchangeObserver implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeObserver.class);

  private final Clock clock;
  private final SynergyCallListener listener;
  private final AtomicReference<Quota> lastQuota = new AtomicReference<>();
  /** The requests sent per thread: a synchronous call's exchanges all run on its caller's thread. */
  private final ThreadLocal<long[]> sentOnThread = ThreadLocal.withInitial(() -> new long[1]);

  ExchangeObserver(Clock clock, SynergyCallListener listener) {
    this.clock = clock;
    this.listener = listener;
  }

  Optional<Quota> lastQuota() {
    return Optional.ofNullable(lastQuota.get());
  }

  /** The requests sent on the calling thread so far. */
  long sentOnThisThread() {
    return sentOnThread.get()[0];
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long started = System.nanoTime();
    // counted before it is sent: an attempt that gets no answer may still have reached the server and its quota
    sentOnThread.get()[0]++;
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      tell(request, 0, started);
      throw e;
    }
    tell(request, response.code(), started);
    readQuota(response);
    return response;
  }

  private void tell(Request request, int status, long startedNanos) {
    try {
      listener.exchanged(request.method(), request.url().encodedPath(), status,
          Duration.ofNanos(System.nanoTime() - startedNanos));
    } catch (RuntimeException e) {
      LOG.warn("A SynergyCallListener threw {}; ignored", e.getClass().getName());
    }
  }

  private void readQuota(Response response) {
    String limit = response.header(SynergyContract.RATE_LIMIT_LIMIT);
    String remaining = response.header(SynergyContract.RATE_LIMIT_REMAINING);
    String reset = response.header(SynergyContract.RATE_LIMIT_RESET);
    if (limit == null || remaining == null || reset == null) {
      return;
    }
    try {
      lastQuota.set(Quota.builder()
          .limit(Long.parseLong(limit.trim()))
          .remaining(Long.parseLong(remaining.trim()))
          .resetAt(Instant.ofEpochSecond(Long.parseLong(reset.trim())))
          .observedAt(clock.instant())
          .build());
    } catch (NumberFormatException | DateTimeException ignored) {
      // a garbled quota header (or a reset past the year 1e9) is no reason to fail the call; the last good
      // reading stays
    }
  }
}
