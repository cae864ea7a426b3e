package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The OAuth2 flow: authorize URL, code exchange, refresh before expiry and after a 401, rotation, dead tokens. */
class OAuthTest extends WireMockSupport {
  static final OAuthApplication APP = OAuthApplication.of("app-key", "app-secret", "https://host.example/cb");
  static final String TOKEN_PATH = "/api/v2/OAuth2/GetAccessToken";
  static final String REFRESH_PATH = "/api/v2/OAuth2/RefreshAccessToken";
  static final String STAFF_7 = API + "/Staff/7";

  final RecordingStore store = new RecordingStore(tokens("access-A", "refresh-1", Duration.ofHours(1)));

  static OAuthTokens tokens(String access, String refresh, Duration life) {
    return OAuthTokens.builder().accessToken(access).refreshToken(refresh).expiresAt(NOW.plus(life)).build();
  }

  static String tokenJson(String access, String refresh) {
    return "{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\",\"expires_in\":3600,"
        + "\"token_type\":\"access-token\",\"organisation\":\"acme\"}";
  }

  SynergyClient oauthClient() {
    return closing(builder().oauth(APP, store).build());
  }

  void stubRefresh(String fromRefresh, String access, String refresh, int delayMillis) {
    wm.stubFor(post(REFRESH_PATH).withFormParam("refresh_token", equalTo(fromRefresh))
        .willReturn(okJson(tokenJson(access, refresh)).withFixedDelay(delayMillis)));
  }

  void stubStaffFor(String token, int status) {
    wm.stubFor(get(STAFF_7).withHeader("access-token", equalTo(token))
        .willReturn(status == 200 ? okJson(staffJson(7, "Administrator")) : aResponse().withStatus(status)));
  }

  @Test
  void authorizeUrlCarriesKeyRedirectAndState() {
    SynergyOAuth oauth = SynergyOAuth.builder().application(APP).baseUrl(baseUrl()).build();

    String url = oauth.authorizeUrl("state-123");

    assertThat(url).startsWith("https://app.totalsynergy.com/OAuth2/Authorize?ApplicationKey=app-key&RedirectUri=")
        .endsWith("&state=state-123&tenant=");
    HttpUrl parsed = HttpUrl.get(url);
    assertThat(parsed.queryParameter("RedirectUri")).isEqualTo("https://host.example/cb");
    assertThat(url).doesNotContain("app-secret");
  }

  @Test
  void stateIsRandomAndChecked() {
    String state = SynergyOAuth.newState();

    assertThat(state).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(SynergyOAuth.newState());
    SynergyOAuth.checkState(state, state);
    assertThatThrownBy(() -> SynergyOAuth.checkState(state, "forged"))
        .isInstanceOf(SynergyAuthenticationException.class).hasMessageContaining("does not match");
    assertThatThrownBy(() -> SynergyOAuth.checkState(state, null))
        .isInstanceOf(SynergyAuthenticationException.class);
  }

  @Test
  void exchangeCodePostsTheFormAndMapsTheTokens() {
    wm.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenJson("access-A", "refresh-1"))));
    SynergyOAuth oauth = SynergyOAuth.builder().application(APP).baseUrl(baseUrl()).clock(clock).build();

    OAuthTokens tokens = oauth.exchangeCode("the-code");

    assertThat(tokens).isEqualTo(OAuthTokens.builder().accessToken("access-A").refreshToken("refresh-1")
        .expiresAt(NOW.plusSeconds(3600)).organisation("acme").build());
    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("applicationKey=app-key&applicationSecret=app-secret&code=the-code"
            + "&redirectUri=https%3A%2F%2Fhost.example%2Fcb&grant_type=authorization_code")));
    assertThat(tokens.toString()).doesNotContain("access-A").doesNotContain("refresh-1");
  }

  @Test
  void aRefusedCodeSaysToStartAgainAndIsSentOnce() {
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"code the-code expired\"}")));
    SynergyOAuth oauth = SynergyOAuth.builder().application(APP).baseUrl(baseUrl()).build();

    assertThatThrownBy(() -> oauth.exchangeCode("the-code"))
        .isInstanceOf(SynergyAuthenticationException.class)
        .hasMessageContaining("authorize URL").hasMessageContaining("invalid_grant")
        .hasMessageNotContaining("the-code");
    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void unauthorizedThenRefreshThenOk() {
    stubStaffFor("access-A", 401);
    stubStaffFor("access-B", 200);
    stubRefresh("refresh-1", "access-B", "refresh-2", 0);
    List<String> exchanges = new CopyOnWriteArrayList<>();

    Staff staff = closing(builder().oauth(APP, store)
        .callListener((method, path, status, elapsed) -> exchanges.add(method + " " + path + " " + status))
        .build()).staff().get(7);

    assertThat(staff.id()).isEqualTo(7);
    assertThat(exchanges).containsExactly("GET " + STAFF_7 + " 401", "POST " + REFRESH_PATH + " 200",
        "GET " + STAFF_7 + " 200");
    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)).withRequestBody(equalTo(
        "applicationKey=app-key&applicationSecret=app-secret&refresh_token=refresh-1&grant_type=refresh_token")));
    wm.verify(1, getRequestedFor(urlEqualTo(STAFF_7)).withHeader("access-token", equalTo("access-A")));
    wm.verify(1, getRequestedFor(urlEqualTo(STAFF_7)).withHeader("access-token", equalTo("access-B")));
    assertThat(store.saved).extracting(OAuthTokens::refreshToken).containsExactly("refresh-2");
  }

  @Test
  void aCreateRefusedWith401IsSentAgainWithTheNewTokenAndTheSameBody() {
    String path = API + "/Contacts";
    wm.stubFor(post(path).withHeader("access-token", equalTo("access-A")).willReturn(aResponse().withStatus(401)));
    wm.stubFor(post(path).withHeader("access-token", equalTo("access-B")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(contactJson(43, "Acme"))));
    stubRefresh("refresh-1", "access-B", "refresh-2", 0);

    Contact created = oauthClient().contacts().create(ContactCreate.builder().name("Acme").abn(null).build());

    assertThat(created.id()).isEqualTo(43);
    String body = "{\"name\":\"Acme\",\"abn\":null}";
    wm.verify(1, postRequestedFor(urlEqualTo(path)).withHeader("access-token", equalTo("access-A"))
        .withRequestBody(equalTo(body)));
    wm.verify(1, postRequestedFor(urlEqualTo(path)).withHeader("access-token", equalTo("access-B"))
        .withRequestBody(equalTo(body)));
    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)));
  }

  @Test
  void theRotatedRefreshTokenIsSavedBeforeTheNewAccessTokenIsUsed() {
    stubStaffFor("access-A", 401);
    stubStaffFor("access-B", 200);
    stubRefresh("refresh-1", "access-B", "refresh-2", 0);
    List<Integer> usesOfNewTokenAtSave = new ArrayList<>();
    store.onSave = tokens -> usesOfNewTokenAtSave.add(
        wm.findAll(getRequestedFor(anyUrl()).withHeader("access-token", equalTo("access-B"))).size());

    oauthClient().staff().get(7);
    oauthClient().staff().get(7); // a second client loads the rotated pair from the store

    assertThat(usesOfNewTokenAtSave).containsExactly(0);
    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)));
  }

  @Test
  void aStoreThatFailsToSaveStopsTheNewTokenFromBeingUsed() {
    stubStaffFor("access-A", 401);
    stubRefresh("refresh-1", "access-B", "refresh-2", 0);
    store.onSave = tokens -> {
      throw new IllegalStateException("database down");
    };

    assertThatThrownBy(() -> oauthClient().staff().get(7)).hasMessage("database down");
    wm.verify(0, getRequestedFor(anyUrl()).withHeader("access-token", equalTo("access-B")));
  }

  @Test
  void manyThreadsHittingUnauthorizedShareOneRefresh() throws Exception {
    stubStaffFor("access-A", 401);
    stubStaffFor("access-B", 200);
    stubRefresh("refresh-1", "access-B", "refresh-2", 300);
    SynergyClient client = oauthClient();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Staff>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return client.staff().get(7);
        }));
      }
      start.countDown();
      for (Future<Staff> result : results) {
        assertThat(result.get().id()).isEqualTo(7);
      }
    } finally {
      pool.shutdownNow();
    }

    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)));
    wm.verify(threads, getRequestedFor(urlEqualTo(STAFF_7)).withHeader("access-token", equalTo("access-B")));
    assertThat(store.saved).hasSize(1);
  }

  @Test
  void aTokenAboutToExpireIsRefreshedBeforeUse() {
    store.tokens = tokens("access-A", "refresh-1", Duration.ofSeconds(30)); // inside the 60 s margin
    stubStaffFor("access-B", 200);
    stubRefresh("refresh-1", "access-B", "refresh-2", 0);

    oauthClient().staff().get(7);

    wm.verify(0, getRequestedFor(anyUrl()).withHeader("access-token", equalTo("access-A")));
    wm.verify(1, getRequestedFor(urlEqualTo(STAFF_7)).withHeader("access-token", equalTo("access-B")));
  }

  @Test
  void aDeadRefreshTokenEndsInAClearAuthenticationError() {
    stubStaffFor("access-A", 401);
    wm.stubFor(post(REFRESH_PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh-1 was used\"}")));

    assertThatThrownBy(() -> oauthClient().staff().get(7))
        .isInstanceOfSatisfying(SynergyAuthenticationException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("reconnect").hasMessageContaining("POST /api/v2/OAuth2/RefreshAccessToken")
        .hasMessageNotContaining("refresh-1");
    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)));
    assertThat(store.saved).isEmpty();
  }

  @Test
  void aDeadRefreshTokenIsNotSentAgainUntilTheHostReconnects() {
    stubStaffFor("access-A", 401);
    stubStaffFor("access-C", 200);
    wm.stubFor(post(REFRESH_PATH).withFormParam("refresh_token", equalTo("refresh-1"))
        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
    SynergyClient client = oauthClient();

    assertThatThrownBy(() -> client.staff().get(7)).hasMessageContaining("reconnect");
    assertThatThrownBy(() -> client.staff().get(7)).isInstanceOf(SynergyAuthenticationException.class)
        .hasMessageContaining("reconnect");
    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)));

    store.tokens = tokens("access-C", "refresh-9", Duration.ofHours(1)); // the user connected again
    assertThat(client.staff().get(7).id()).isEqualTo(7);
  }

  @Test
  void aTokenRefusedAfterARefreshSaysToReconnect() {
    stubStaffFor("access-A", 401);
    stubStaffFor("access-B", 401);
    stubRefresh("refresh-1", "access-B", "refresh-2", 0);

    assertThatThrownBy(() -> oauthClient().staff().get(7))
        .isInstanceOf(SynergyAuthenticationException.class).hasMessageContaining("reconnect");
    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)));
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void withoutTokensTheClientAsksToConnect() {
    store.tokens = null;

    assertThatThrownBy(() -> oauthClient().staff().get(7))
        .isInstanceOf(SynergyAuthenticationException.class).hasMessageContaining("Not connected");
    wm.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void anApiKeyIsNeverRefreshed() {
    stubStaffFor(KEY, 401);

    assertThatThrownBy(() -> client().staff().get(7))
        .isInstanceOf(SynergyAuthenticationException.class).hasMessageContaining("API key");
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  /** A token store that records what it saves and can run a check while saving. */
  static final class RecordingStore implements TokenStore {
    volatile OAuthTokens tokens;
    final List<OAuthTokens> saved = new CopyOnWriteArrayList<>();
    volatile java.util.function.Consumer<OAuthTokens> onSave = tokens -> { };

    RecordingStore(OAuthTokens tokens) {
      this.tokens = tokens;
    }

    @Override
    public OAuthTokens load() {
      return tokens;
    }

    @Override
    public void save(OAuthTokens newTokens) {
      onSave.accept(newTokens);
      saved.add(newTokens);
      tokens = newTokens;
    }
  }
}
