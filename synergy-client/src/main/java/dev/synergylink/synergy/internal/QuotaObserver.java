package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.Quota;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Keeps the daily quota that the last answer reported in its {@code X-RateLimit-*} headers. */
final class QuotaObserver implements Interceptor {
  private final Clock clock;
  private final AtomicReference<Quota> last = new AtomicReference<>();

  QuotaObserver(Clock clock) {
    this.clock = clock;
  }

  Optional<Quota> last() {
    return Optional.ofNullable(last.get());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    try {
      String limit = response.header(SynergyContract.RATE_LIMIT_LIMIT);
      String remaining = response.header(SynergyContract.RATE_LIMIT_REMAINING);
      String reset = response.header(SynergyContract.RATE_LIMIT_RESET);
      if (limit != null && remaining != null && reset != null) {
        last.set(Quota.builder()
            .limit(Long.parseLong(limit.trim()))
            .remaining(Long.parseLong(remaining.trim()))
            .resetAt(Instant.ofEpochSecond(Long.parseLong(reset.trim())))
            .observedAt(clock.instant())
            .build());
      }
    } catch (NumberFormatException ignored) {
      // a garbled quota header is no reason to fail the call; the last good reading stays
    }
    return response;
  }
}
