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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

  @AfterEach
  void stop() {
    server.close();
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
    SynergyClient client = SynergyClient.builder().baseUrl(server.baseUrl()).organisation(fake.organisation())
        .oauth(application, store).clock(clock).sleeper(d -> { })
        .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build()).build();

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
