package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The waits a call can make (the default throttle, a server's Retry-After) and interrupting them. */
class WaitingTest extends WireMockSupport {
  private static final String STAFF_7 = API + "/Staff/7";

  @Test
  void theDefaultThrottleLetsThroughTenRequestsASecond() {
    wm.stubFor(get(STAFF_7).willReturn(okJson(staffJson(7, "Standard"))));
    // no rateLimiter(...): the default one
    SynergyClient client = closing(SynergyClient.builder().baseUrl(baseUrl()).organisation(ORG).apiKey(KEY).clock(clock)
        .okHttpClient(http(2000)).sleeper(sleeps::add).build());
    int calls = 2 * SynergyClientBuilder.DEFAULT_REQUESTS_PER_SECOND + 1;

    long started = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      client.staff().get(7);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(SynergyClientBuilder.DEFAULT_REQUESTS_PER_SECOND).isEqualTo(10);
    // one permit every 100 ms: the 21st call cannot start before 1.9 s after the first (a lower bound only; the
    // limiter guarantees it, so it cannot be flaky), where an unthrottled client takes milliseconds
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    wm.verify(calls, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void interruptingAThreadThatWaitsForRetryAfterEndsTheCallAndKeepsTheInterrupt() throws Exception {
    wm.stubFor(get(STAFF_7).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    CountDownLatch waiting = new CountDownLatch(1);
    SynergyClient client = closing(builder().sleeper(d -> {
      waiting.countDown();
      Sleeper.system().sleep(d);
    }).build());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        client.staff().get(7);
      } catch (RuntimeException e) {
        failure.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });

    caller.start();
    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(caller.isAlive()).as("the 30 s wait was cut short").isFalse();
    assertThat(failure.get()).isInstanceOfSatisfying(SynergyTransportException.class, e -> {
      assertThat(e.mayHaveReachedServer()).isFalse();
      assertThat(e).hasMessageContaining("Interrupted").hasCauseInstanceOf(InterruptedException.class);
    });
    assertThat(stillInterrupted).isTrue();
    wm.verify(1, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void interruptingAThreadThatWaitsForTheThrottleEndsTheCallAndKeepsTheInterrupt() throws Exception {
    wm.stubFor(get(STAFF_7).willReturn(okJson(staffJson(7, "Standard"))));
    SynergyClient client = closing(builder()
        .rateLimiter(RateLimiter.smoothBuilder(1, Duration.ofMinutes(1)).withMaxWaitTime(Duration.ofMinutes(2))
            .build())
        .build());
    client.staff().get(7); // takes the minute's permit
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        client.staff().get(7);
      } catch (RuntimeException e) {
        failure.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });

    caller.start();
    while (caller.getState() != Thread.State.TIMED_WAITING && caller.isAlive()) {
      Thread.onSpinWait();
    }
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(caller.isAlive()).as("the wait for a permit was cut short").isFalse();
    assertThat(failure.get()).isInstanceOfSatisfying(SynergyTransportException.class,
        e -> assertThat(e.mayHaveReachedServer()).isFalse());
    assertThat(stillInterrupted).isTrue();
    wm.verify(1, getRequestedFor(urlEqualTo(STAFF_7)));
  }
}
