package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The default client-side throttle, and interrupting a call that waits for it. */
class ThrottleTest extends HttpTestSupport {

  @Test
  void theDefaultThrottleLetsThe300CallsOfAMinuteThroughThenHoldsTheNextUntilInterrupted() throws Exception {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(okJson(project(1, "2026-06-01 12:00:00"))));
    TinyPlusClient client = closing(builder().build()); // no rateLimiter(...) or requestsPerMinute(...): the default
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        for (int i = 0; i <= TinyPlusClientBuilder.DEFAULT_REQUESTS_PER_MINUTE; i++) {
          client.projects().get(1);
          done.incrementAndGet();
        }
      } catch (RuntimeException e) {
        failure.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });

    caller.start();
    // the 301st call of the minute waits for a permit: wait until the caller is parked there
    while (caller.isAlive()
        && !(done.get() == TinyPlusClientBuilder.DEFAULT_REQUESTS_PER_MINUTE
            && caller.getState() == Thread.State.TIMED_WAITING)) {
      Thread.onSpinWait();
    }
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(TinyPlusClientBuilder.DEFAULT_REQUESTS_PER_MINUTE).isEqualTo(300);
    assertThat(caller.isAlive()).isFalse();
    assertThat(done).hasValue(300);
    assertThat(requests()).hasSize(300);
    assertThat(failure.get()).isInstanceOf(TinyPlusTransportException.class).hasMessageContaining("interrupted");
    assertThat(stillInterrupted).isTrue();
  }
}
