package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that echoes the request's credentials back never gets one into what the client builds; a token
 * refused right after its refresh is not refreshed again.
 */
class CredentialScrubbingTest extends WireMockSupport {
  static final String ACCESS = "canary-access-5b1e";
  static final String REFRESH = "canary-refresh-9c2d";
  static final String SECRET = "canary-secret-3f7a";
  static final OAuthApplication APP = OAuthApplication.of("app-key", SECRET, "https://host.example/cb");
  static final String REFRESH_PATH = "/api/v2/OAuth2/RefreshAccessToken";
  static final String ECHO = "{{request.headers.[access-token]}}";

  final OAuthTest.RecordingStore store = new OAuthTest.RecordingStore(OAuthTokens.builder().accessToken(ACCESS)
      .refreshToken(REFRESH).expiresAt(NOW.plus(Duration.ofHours(1))).build());

  /** Every text an exception shows: messages, toString, request id and field errors, down the cause chain. */
  private static List<String> texts(SynergyApiException e) {
    List<String> texts = new ArrayList<>();
    texts.add(e.reason());
    texts.add(String.valueOf(e.requestId()));
    texts.add(e.fieldErrors().toString());
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(t.toString());
      texts.add(String.valueOf(t.getMessage()));
    }
    return texts;
  }

  private void stubEchoing(int status) {
    wm.stubFor(get(API + "/Projects/1").willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Request-Id", "req-" + ECHO)
        .withBody("{\"message\":\"bad token " + ECHO + "\",\"requestId\":\"" + ECHO + "\","
            + "\"errors\":{\"" + ECHO + "\":[\"was " + ECHO + "\"]}}")
        .withTransformers("response-template")));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 429, 500, 503})
  void anErrorBodyEchoingTheApiKey_neverPutsItInTheException(int status) {
    stubEchoing(status);

    SynergyApiException e = catchThrowableOfType(SynergyApiException.class, () -> client().projects().get(1));

    assertThat(e.getMessage()).contains("bad token [redacted]");
    assertThat(texts(e)).allSatisfy(text -> assertThat(text).doesNotContain(KEY));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 409, 500})
  void anErrorBodyEchoingTheAccessToken_neverPutsItInTheException(int status) {
    stubEchoing(status);

    SynergyApiException e = catchThrowableOfType(SynergyApiException.class,
        () -> builder().oauth(APP, store).build().projects().get(1));

    assertThat(e.getMessage()).contains("bad token [redacted]");
    assertThat(texts(e)).allSatisfy(text -> assertThat(text).doesNotContain(ACCESS, REFRESH, SECRET));
  }

  @Test
  void anUnauthorizedAnswerEchoingTheRefreshedToken_neverPutsEitherTokenInTheException() {
    stubEchoing(401);
    wm.stubFor(post(REFRESH_PATH).willReturn(okJson("{\"access_token\":\"canary-access-2\","
        + "\"refresh_token\":\"canary-refresh-2\",\"expires_in\":3600}")));

    SynergyApiException e = catchThrowableOfType(SynergyApiException.class,
        () -> builder().oauth(APP, store).build().projects().get(1));

    assertThat(e).isInstanceOf(SynergyAuthenticationException.class);
    assertThat(texts(e)).allSatisfy(text -> assertThat(text)
        .doesNotContain(ACCESS, REFRESH, SECRET, "canary-access-2", "canary-refresh-2"));
  }

  @Test
  void aRefusedRefreshEchoingTheRefreshTokenInItsErrorMember_neverShowsIt() {
    stubEchoing(401);
    wm.stubFor(post(REFRESH_PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
            "application/json")
        .withBody("{\"error\":\"" + REFRESH + " " + SECRET + "\",\"error_description\":\"" + REFRESH + "\"}")));

    SynergyApiException e = catchThrowableOfType(SynergyApiException.class,
        () -> builder().oauth(APP, store).build().projects().get(1));

    assertThat(e).isInstanceOf(SynergyAuthenticationException.class);
    assertThat(texts(e)).allSatisfy(text -> assertThat(text).doesNotContain(ACCESS, REFRESH, SECRET));
  }

  @Test
  void anUnreadableAnswerEchoingTheToken_neverPutsItInTheExceptionOrItsCause() {
    wm.stubFor(get(API + "/Projects/1").willReturn(okJson(projectJson(1, "A")
            .replace("\"2026-11-27T10:11:12.345Z\"", "\"" + ECHO + "\""))
        .withTransformers("response-template")));

    SynergyApiException e = catchThrowableOfType(SynergyApiException.class, () -> client().projects().get(1));

    assertThat(e).isInstanceOf(SynergyUnreadableResponseException.class);
    assertThat(texts(e)).allSatisfy(text -> assertThat(text).doesNotContain(KEY));
  }

  @Test
  void aServerRefusingEveryToken_costsOneRefresh_thenCallsFailAtOnceAskingToReauthorise() {
    wm.stubFor(get(urlPathEqualTo(API + "/Projects/1")).willReturn(aResponse().withStatus(401)));
    wm.stubFor(post(REFRESH_PATH).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
            "refresh_token=" + REFRESH))
        .willReturn(okJson("{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":3600}")));
    SynergyClient synergy = builder().oauth(APP, store).build();

    SynergyApiException first = catchThrowableOfType(SynergyApiException.class, () -> synergy.projects().get(1));
    SynergyApiException second = catchThrowableOfType(SynergyApiException.class, () -> synergy.projects().get(1));
    SynergyApiException third = catchThrowableOfType(SynergyApiException.class, () -> synergy.projects().get(1));

    assertThat(first).isInstanceOf(SynergyAuthenticationException.class);
    assertThat(second).isInstanceOf(SynergyAuthenticationException.class)
        .hasMessageContaining("re-authorise");
    assertThat(third).isInstanceOf(SynergyAuthenticationException.class).hasMessageContaining("re-authorise");
    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)));
    wm.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        urlPathEqualTo(API + "/Projects/1")));
  }

  @Test
  void aTokenRefusedRightAfterAnExpiryRefresh_isNotRefreshedAgain() {
    store.tokens = OAuthTokens.builder().accessToken(ACCESS).refreshToken(REFRESH).expiresAt(NOW).build();
    wm.stubFor(get(urlPathEqualTo(API + "/Projects/1")).willReturn(aResponse().withStatus(401)));
    wm.stubFor(post(REFRESH_PATH).willReturn(okJson(
        "{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":3600}")));
    SynergyClient synergy = builder().oauth(APP, store).build();

    for (int i = 0; i < 3; i++) {
      assertThat(catchThrowableOfType(SynergyAuthenticationException.class, () -> synergy.projects().get(1)))
          .isNotNull();
    }

    wm.verify(1, postRequestedFor(urlEqualTo(REFRESH_PATH)));
  }

  @Test
  void newTokensSavedByTheHost_endTheRefusal() {
    wm.stubFor(get(urlPathEqualTo(API + "/Projects/1")).withHeader("access-token", equalTo("access-3"))
        .willReturn(okJson(projectJson(1, "A"))));
    wm.stubFor(get(urlPathEqualTo(API + "/Projects/1")).withHeader("access-token",
            com.github.tomakehurst.wiremock.client.WireMock.notMatching("access-3"))
        .willReturn(aResponse().withStatus(401)));
    wm.stubFor(post(REFRESH_PATH).willReturn(okJson(
        "{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":3600}")));
    SynergyClient synergy = builder().oauth(APP, store).build();
    catchThrowableOfType(SynergyAuthenticationException.class, () -> synergy.projects().get(1));

    store.tokens = OAuthTokens.builder().accessToken("access-3").refreshToken("refresh-3")
        .expiresAt(NOW.plus(Duration.ofHours(1))).build();

    assertThat(synergy.projects().get(1).id()).isEqualTo(1L);
  }
}
