package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.RetryPolicy;
import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.OAuthTokens;
import dev.synergylink.synergy.SynergyAuthenticationException;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyOAuth;
import dev.synergylink.synergy.TokenStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What only the HTTP fake server does: tokens and OAuth, headers, and what a typed client cannot send. */
class SynergyHttpFakeServerTest {
  private static final String REDIRECT = "https://app.example/synergy/callback";

  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake fake = SynergyFake.builder(clock).build();
  private final SynergyHttpFakeServer server = SynergyHttpFakeServer.start(fake);
  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
  private final OAuthApplication application =
      OAuthApplication.of(server.applicationKey(), server.applicationSecret(), REDIRECT);

  private final List<SynergyClient> clients = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(SynergyClient::close);
    server.close();
  }

  /** {@code client}, closed after the test. */
  private SynergyClient closing(SynergyClient client) {
    clients.add(client);
    return client;
  }

  private SynergyOAuth oauth() {
    return SynergyOAuth.builder().application(application).baseUrl(server.baseUrl())
        .webAppUrl(server.webAppUrl()).clock(clock).build();
  }

  private Request.Builder api(String path) {
    return new Request.Builder().url(server.baseUrl() + "Organisation/" + fake.organisation() + path);
  }

  @Test
  void theClientConnectsWithOAuthAndRefreshesWithRotation() {
    OAuthTokens first = oauth().exchangeCode(server.approve(REDIRECT));
    AtomicInteger saves = new AtomicInteger();
    TokenStore memory = TokenStore.inMemory(first);
    TokenStore store = new TokenStore() {
      @Override
      public OAuthTokens load() {
        return memory.load();
      }

      @Override
      public void save(OAuthTokens tokens) {
        saves.incrementAndGet();
        memory.save(tokens);
      }
    };
    SynergyClient client = closing(SynergyClient.builder().baseUrl(server.baseUrl()).organisation(fake.organisation())
        .oauth(application, store).clock(clock).sleeper(d -> { })
        .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build()).build());

    assertThat(first.organisation()).isEqualTo(fake.organisation());
    assertThat(first.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
    assertThat(client.currentUser().staffId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);

    clock.advance(Duration.ofSeconds(3600));
    assertThat(client.currentUser().staffId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(saves.get()).isEqualTo(1);
    assertThat(store.load().refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(fake.calls().count(SynergyOperation.REFRESH_ACCESS_TOKEN)).isEqualTo(1);

    // the used refresh token still works for 60 s, so that a lost answer can be retried, then never again
    clock.advance(Duration.ofSeconds(60));
    assertThat(oauth().refresh(first.refreshToken()).accessToken()).isNotBlank();
    clock.advance(Duration.ofMillis(1));
    assertThatThrownBy(() -> oauth().refresh(first.refreshToken()))
        .isInstanceOf(SynergyAuthenticationException.class);
  }

  @Test
  void anAccessTokenTheServerNoLongerTakesIs401ThenOneRefreshThenTheCallIsRetried() {
    OAuthTokens first = oauth().exchangeCode(server.approve(REDIRECT));
    TokenStore store = TokenStore.inMemory(first);
    List<String> exchanges = new CopyOnWriteArrayList<>();
    // the host's clock runs an hour and a minute behind the server's: it still believes the token is good
    Clock lagging = Clock.fixed(clock.instant(), ZoneOffset.UTC);
    SynergyClient client = closing(SynergyClient.builder().baseUrl(server.baseUrl()).organisation(fake.organisation())
        .oauth(application, store).clock(lagging).sleeper(d -> { })
        .callListener((method, path, status, elapsed) -> exchanges.add(method + " " + path + " " + status))
        .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build()).build());
    clock.advance(Duration.ofSeconds(3660));

    assertThat(client.currentUser().staffId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);

    String api = "/api/v2/Organisation/" + fake.organisation() + "/CurrentUser";
    assertThat(exchanges).containsExactly("GET " + api + " 401", "POST /api/v2/OAuth2/RefreshAccessToken 200",
        "GET " + api + " 200");
    assertThat(fake.calls().count(SynergyOperation.REFRESH_ACCESS_TOKEN)).isEqualTo(1);
    assertThat(store.load().accessToken()).isNotEqualTo(first.accessToken());
    assertThat(store.load().refreshToken()).isNotEqualTo(first.refreshToken());

    exchanges.clear();
    client.currentUser();
    assertThat(exchanges).as("the new token is kept").containsExactly("GET " + api + " 200");
  }

  @Test
  void manyThreadsHitting401ShareOneRefresh() throws Exception {
    OAuthTokens first = oauth().exchangeCode(server.approve(REDIRECT));
    TokenStore store = TokenStore.inMemory(first);
    Clock lagging = Clock.fixed(clock.instant(), ZoneOffset.UTC);
    SynergyClient client = closing(SynergyClient.builder().baseUrl(server.baseUrl()).organisation(fake.organisation())
        .oauth(application, store).clock(lagging).sleeper(d -> { })
        .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build()).build());
    clock.advance(Duration.ofSeconds(3660));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Long>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return client.currentUser().staffId();
        }));
      }
      go.countDown();
      for (Future<Long> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(fake.calls().count(SynergyOperation.REFRESH_ACCESS_TOKEN)).isEqualTo(1);
    assertThat(store.load().refreshToken()).isNotEqualTo(first.refreshToken());
  }

  @Test
  void aDeadRefreshTokenEndsInAnAuthenticationErrorThatSaysToReconnect() {
    TokenStore store = TokenStore.inMemory(oauth().exchangeCode(server.approve(REDIRECT)));
    SynergyClient client = closing(SynergyClient.builder().baseUrl(server.baseUrl()).organisation(fake.organisation())
        .oauth(application, store).clock(clock).sleeper(d -> { })
        .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build()).build());
    clock.advance(Duration.ofDays(31)); // past the refresh token's 30 days

    assertThatThrownBy(client::currentUser).isInstanceOf(SynergyAuthenticationException.class)
        .hasMessageContaining("reconnect");
    assertThat(fake.calls().count(SynergyOperation.GET_CURRENT_USER)).isZero();
  }

  @Test
  void aCodeWorksOnceForItsRedirectUri() {
    String code = server.approve(REDIRECT);
    SynergyOAuth other = SynergyOAuth.builder()
        .application(OAuthApplication.of(server.applicationKey(), server.applicationSecret(), REDIRECT + "/x"))
        .baseUrl(server.baseUrl()).clock(clock).build();

    assertThatThrownBy(() -> other.exchangeCode(code)).isInstanceOf(SynergyAuthenticationException.class);
    assertThatThrownBy(() -> oauth().exchangeCode(code)).as("consumed by the failed try")
        .isInstanceOf(SynergyAuthenticationException.class);
    assertThatThrownBy(() -> SynergyOAuth.builder()
        .application(OAuthApplication.of(server.applicationKey(), "wrong", REDIRECT)).baseUrl(server.baseUrl())
        .clock(clock).build().exchangeCode(server.approve(REDIRECT)))
        .isInstanceOf(SynergyAuthenticationException.class);
  }

  @Test
  void oauthErrorsUseTheContractsBody() throws IOException {
    Request refresh = new Request.Builder().url(server.baseUrl() + "OAuth2/RefreshAccessToken")
        .post(new FormBody.Builder().add("applicationKey", server.applicationKey())
            .add("applicationSecret", server.applicationSecret()).add("refresh_token", "nope")
            .add("grant_type", "refresh_token").build()).build();
    try (Response response = http.newCall(refresh).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).contains("\"error\":\"invalid_grant\"").contains("error_description");
    }
  }

  @Test
  void theAuthorizePageRedirectsWithACodeAndTheState() throws IOException {
    String url = oauth().authorizeUrl("st4te");
    assertThat(url).startsWith(server.webAppUrl());
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(302);
      String location = response.header("Location");
      assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=st4te");
      String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
      assertThat(oauth().exchangeCode(code).accessToken()).isNotBlank();
    }
  }

  @Test
  void everyAnswerCarriesTheHeadersAndAWrongTokenIs401() throws IOException {
    try (Response ok = http.newCall(api("/CurrentUser").header("access-token", server.apiKey()).build()).execute()) {
      assertThat(ok.code()).isEqualTo(200);
      assertThat(ok.header("X-Request-Id")).isNotBlank();
      assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("60000");
      assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo("59999");
      assertThat(ok.header("X-RateLimit-Reset")).isEqualTo(
          Long.toString(Instant.parse("2026-11-29T00:00:00Z").getEpochSecond()));
    }
    try (Response bad = http.newCall(api("/CurrentUser").header("access-token", "guess").build()).execute()) {
      assertThat(bad.code()).isEqualTo(401);
      String body = bad.body().string();
      assertThat(body).contains("\"requestId\":\"" + bad.header("X-Request-Id") + "\"").doesNotContain("guess");
    }
    try (Response other = http.newCall(new Request.Builder()
        .url(server.baseUrl() + "Organisation/other-org/Projects").header("access-token", server.apiKey()).build())
        .execute()) {
      assertThat(other.code()).isEqualTo(403);
    }
  }

  @Test
  void overTheQuotaOrTheSecondsLimitIs429WithTheContractsHeaders() throws IOException {
    SynergyFake limited = SynergyFake.builder(clock).dailyQuota(2).perSecondLimit(1).build();
    try (SynergyHttpFakeServer limitedServer = SynergyHttpFakeServer.start(limited)) {
      Request me = new Request.Builder()
          .url(limitedServer.baseUrl() + "Organisation/" + limited.organisation() + "/CurrentUser")
          .header("access-token", limitedServer.apiKey()).build();
      String midnight = Long.toString(Instant.parse("2026-11-29T00:00:00Z").getEpochSecond());
      try (Response ok = http.newCall(me).execute()) {
        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo("1");
      }
      try (Response perSecond = http.newCall(me).execute()) {
        assertThat(perSecond.code()).isEqualTo(429);
        assertThat(perSecond.header("Retry-After")).isEqualTo("1");
        assertThat(perSecond.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(perSecond.header("X-RateLimit-Reset")).isEqualTo(midnight);
        assertThat(perSecond.header("X-Request-Id")).isNotBlank();
        assertThat(perSecond.body().string()).contains("\"requestId\":\"" + perSecond.header("X-Request-Id") + "\"");
      }
      clock.advance(Duration.ofSeconds(1));
      try (Response last = http.newCall(me).execute()) {
        assertThat(last.code()).isEqualTo(200);
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
      }
      clock.advance(Duration.ofSeconds(1));
      try (Response quota = http.newCall(me).execute()) {
        assertThat(quota.code()).isEqualTo(429);
        assertThat(quota.header("Retry-After")).isEqualTo(Long.toString(Duration.ofHours(23).minusSeconds(2)
            .toSeconds()));
        assertThat(quota.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(quota.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(quota.header("X-RateLimit-Reset")).isEqualTo(midnight);
        assertThat(quota.header("X-Request-Id")).isNotBlank();
      }
    }
  }

  @Test
  void aMissingAccessTokenIs401AndStillCostsACall() throws IOException {
    try (Response none = http.newCall(api("/Projects").build()).execute()) {
      assertThat(none.code()).isEqualTo(401);
      assertThat(none.header("X-Request-Id")).isNotBlank();
      assertThat(none.body().string()).contains("access-token header is missing");
    }
    assertThat(fake.calls().count(SynergyOperation.LIST_PROJECTS)).as("every request that arrives counts").isEqualTo(1);
    assertThat(fake.writes()).isEmpty();
  }

  @Test
  void readOnlyAndUnknownMembersAre400AndStaffCannotBeWritten() throws IOException {
    Request patch = api("/Contacts/1001").header("access-token", server.apiKey())
        .patch(RequestBody.create("{\"name\":\"X\"}", MediaType.get("application/merge-patch+json"))).build();
    try (Response missing = http.newCall(patch).execute()) {
      assertThat(missing.code()).isEqualTo(404);
    }
    long id = fake.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder().name("Acme").build())
        .id();
    Request readOnly = api("/Contacts/" + id).header("access-token", server.apiKey())
        .patch(RequestBody.create("{\"isActive\":false,\"contactType\":\"Individual\",\"colour\":\"red\"}",
            MediaType.get("application/merge-patch+json"))).build();
    try (Response response = http.newCall(readOnly).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).contains("\"isActive\":[").contains("\"contactType\":[")
          .contains("\"colour\":[");
    }
    Request staff = api("/Staff").header("access-token", server.apiKey())
        .post(RequestBody.create("{\"firstName\":\"X\"}", MediaType.get("application/json"))).build();
    try (Response response = http.newCall(staff).execute()) {
      assertThat(response.code()).isEqualTo(405);
    }
    Request notJson = api("/Contacts").header("access-token", server.apiKey())
        .post(RequestBody.create("{name:", MediaType.get("application/json"))).build();
    try (Response response = http.newCall(notJson).execute()) {
      assertThat(response.code()).isEqualTo(400);
    }
    assertThat(fake.writes()).extracting(FakeWrite::source).containsOnly(FakeWrite.Source.WEB_APP);
    assertThat(Map.copyOf(fake.calls().asMap())).containsKeys(SynergyOperation.PATCH_CONTACT,
        SynergyOperation.CREATE_CONTACT);
  }

  @Test
  void requiredMembersAreNamedInTheErrorBody() throws IOException {
    Request empty = api("/Projects").header("access-token", server.apiKey())
        .post(RequestBody.create("{\"scope\":null}", MediaType.get("application/json"))).build();
    try (Response response = http.newCall(empty).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).contains("\"name\":[\"is required.\"]")
          .contains("\"statusId\":[").contains("\"primaryContactId\":[");
    }
    long acme = fake.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder().name("Acme").build())
        .id();
    Request nameless = api("/Personnel").header("access-token", server.apiKey())
        .post(RequestBody.create("{\"parentContactId\":" + acme + ",\"firstName\":\" \"}",
            MediaType.get("application/json"))).build();
    try (Response response = http.newCall(nameless).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).contains("firstName");
    }
  }
}
