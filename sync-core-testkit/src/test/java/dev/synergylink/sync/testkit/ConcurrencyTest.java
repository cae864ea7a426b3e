package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads at once, in process and over HTTP: every id unique, every call counted. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 25;

  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private <T> List<T> runAll(Callable<T> task) throws Exception {
    List<Future<List<T>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(() -> {
        List<T> results = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
          results.add(task.call());
        }
        return results;
      }));
    }
    List<T> all = new ArrayList<>();
    for (Future<List<T>> f : futures) {
      all.addAll(f.get());
    }
    return all;
  }

  @Test
  void tinyPlusInProcessAndOverHttp() throws Exception {
    TinyPlusFake fake = TinyPlusFake.builder(clock).build();
    try (TinyPlusHttpFakeServer server = TinyPlusHttpFakeServer.start(fake);
        TinyPlusClient http = TinyPlusClient.builder().baseUrl(server.baseUrl())
            .tokenProvider(TokenProvider.of(server.token())).clock(clock).zone(fake.zone())
            .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build()).requestsPerMinute(100_000).build()) {

      List<Long> ids = runAll(() -> {
        Company made = fake.companies().create(CompanyCreate.builder().name("In process").build());
        Company sent = http.companies().create(CompanyCreate.builder().name("Over HTTP").build());
        http.companies().list(CompanyQuery.builder().limit(5).build());
        return made.id() * 1_000_000 + sent.id();
      });

      assertThat(fake.webApp().companies()).hasSize(2 * THREADS * PER_THREAD);
      assertThat(fake.webApp().companies().stream().map(Company::id).distinct()).hasSize(2 * THREADS * PER_THREAD);
      assertThat(ids).doesNotHaveDuplicates();
      assertThat(fake.calls().count(TinyPlusOperation.CREATE_COMPANY)).isEqualTo(2L * THREADS * PER_THREAD);
      assertThat(fake.calls().count(TinyPlusOperation.LIST_COMPANIES)).isEqualTo((long) THREADS * PER_THREAD);
    }
  }

  @Test
  void synergyInProcessAndOverHttp() throws Exception {
    SynergyFake fake = SynergyFake.builder(clock).build();
    try (SynergyHttpFakeServer server = SynergyHttpFakeServer.start(fake);
        SynergyClient http = SynergyClient.builder().baseUrl(server.baseUrl()).organisation(fake.organisation())
            .apiKey(server.apiKey()).clock(clock).sleeper(d -> { })
            .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build())
            .createRetryPolicy(RetryPolicy.builder().withMaxRetries(0).build())
            .rateLimiter(RateLimiter.burstyBuilder(100_000, Duration.ofSeconds(1)).build()).build()) {

      runAll(() -> {
        fake.contacts().create(ContactCreate.builder().name("In process").build());
        return http.contacts().create(ContactCreate.builder().name("Over HTTP").build()).id();
      });

      assertThat(fake.webApp().contacts().stream().map(Contact::id).distinct()).hasSize(2 * THREADS * PER_THREAD);
      assertThat(fake.calls().count(SynergyOperation.CREATE_CONTACT)).isEqualTo(2L * THREADS * PER_THREAD);
      assertThat(http.lastQuota()).hasValueSatisfying(q -> assertThat(q.remaining()).isLessThan(
          SynergyFake.PREMIUM_DAILY_QUOTA - THREADS * PER_THREAD));
    }
  }
}
