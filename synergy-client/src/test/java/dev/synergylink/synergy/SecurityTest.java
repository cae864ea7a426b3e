package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the client refuses to go, and that no secret ever shows. */
class SecurityTest extends WireMockSupport {
  static final String CANARY = "CANARY-7f3a9c-secret";

  @Test
  void plainHttpIsRefusedExceptOnLoopback() {
    assertThatThrownBy(() -> SynergyClient.builder().baseUrl("http://api.totalsynergy.com/api/v2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> SynergyClient.builder().webAppUrl("http://app.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    SynergyClient.builder().baseUrl("http://127.0.0.1:8080/api/v2");
    SynergyClient.builder().baseUrl("http://localhost:8080/api/v2");
    SynergyClient.builder().baseUrl("http://[::1]:8080/api/v2");
    SynergyClient.builder().baseUrl("https://api.example.com/api/v2");
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> SynergyClient.builder().baseUrl("https://user:" + CANARY + "@api.example.com/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(CANARY);
  }

  @Test
  void theBuilderNamesWhatIsMissing() {
    assertThatThrownBy(() -> SynergyClient.builder().apiKey("k").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("organisation");
    assertThatThrownBy(() -> SynergyClient.builder().organisation("acme").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> SynergyClient.builder().organisation("acme/../x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
  }

  @Test
  void aRedirectToAnotherHostIsNotFollowed() {
    String elsewhere = wm.baseUrl().replace("localhost", "127.0.0.1") + "/steal";
    wm.stubFor(get(API + "/Staff/7").willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
    SynergyClient client = closing(builder().baseUrl(wm.baseUrl().replace("127.0.0.1", "localhost") + "/api/v2")
        .build());

    assertThatThrownBy(() -> client.staff().get(7))
        .isInstanceOf(SynergyApiException.class).hasMessageContaining("another host");
    wm.verify(0, getRequestedFor(urlEqualTo("/steal")));
  }

  @Test
  void aRedirectOnTheSameHostIsFollowed() {
    wm.stubFor(get(API + "/Staff/7").willReturn(aResponse().withStatus(301).withHeader("Location", API + "/Staff/8")));
    wm.stubFor(get(API + "/Staff/8").willReturn(okJson(staffJson(8, "Standard"))));

    assertThat(client().staff().get(7).id()).isEqualTo(8);
  }

  @Test
  void recordLinksFollowTheWebApp() {
    RecordLinks links = client().recordLinks();

    assertThat(links.project(42)).isEqualTo("https://app.totalsynergy.com/Organisation/acme/Projects/42");
    assertThat(links.contact(1)).isEqualTo("https://app.totalsynergy.com/Organisation/acme/Contacts/1");
    assertThat(links.personnel(2)).isEqualTo("https://app.totalsynergy.com/Organisation/acme/Personnel/2");
    assertThat(links.staff(3)).isEqualTo("https://app.totalsynergy.com/Organisation/acme/Staff/3");
    assertThat(RecordLinks.of("http://localhost:9000/", "firm-2").staff(3))
        .isEqualTo("http://localhost:9000/Organisation/firm-2/Staff/3");
  }

  @Test
  void noSecretInAnyMessageLogLineOrToString() {
    OAuthApplication app = OAuthApplication.of("app-key", CANARY + "-app-secret", "https://host.example/cb");
    OAuthTokens tokens = OAuthTokens.builder().accessToken(CANARY + "-access").refreshToken(CANARY + "-refresh")
        .expiresAt(NOW.plus(Duration.ofHours(1))).build();
    OAuthTest.RecordingStore store = new OAuthTest.RecordingStore(tokens);
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"token expired\"}")));
    wm.stubFor(post(OAuthTest.REFRESH_PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"" + CANARY + "-refresh is dead\"}")));
    wm.stubFor(get(API + "/Staff/1").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get(API + "/Staff/2").willReturn(okJson("{broken")));

    List<Object> seen = new ArrayList<>();
    String log = capturingStandardError(() -> {
      SynergyClientBuilder builder = builder().oauth(app, store).callListener(SynergyCallListener.logging());
      SynergyClient oauth = closing(builder.build());
      SynergyClient keyed = closing(builder().apiKey(CANARY + "-key").build());
      seen.add(builder);
      seen.add(oauth);
      seen.add(keyed);
      seen.add(app);
      seen.add(tokens);
      seen.add(store);
      seen.add(SynergyOAuth.builder().application(app).baseUrl(baseUrl()).build());
      seen.add(catchThrowable(() -> oauth.staff().get(7)));
      seen.add(catchThrowable(() -> keyed.staff().get(7)));
      seen.add(catchThrowable(() -> keyed.staff().get(1)));
      seen.add(catchThrowable(() -> closing(builder().apiKey(CANARY + "-key").okHttpClient(http(2000)).build())
          .contacts().list(ContactQuery.builder().build())));
      wm.stubFor(get(anyUrl()).willReturn(okJson("{broken")));
      seen.add(catchThrowable(() -> keyed.staff().get(2)));
      seen.add(catchThrowable(() -> SynergyOAuth.builder().application(app).baseUrl(baseUrl()).build()
          .refresh(CANARY + "-refresh")));
    });

    assertThat(seen).hasSize(13).doesNotContainNull();
    assertThat(seen.stream().filter(Throwable.class::isInstance)).hasSize(6);
    for (Object thing : seen) {
      assertThat(describeFully(thing)).doesNotContain(CANARY);
    }
    assertThat(log).contains("DEBUG").contains("INFO dev.synergylink.synergy.calls - GET").doesNotContain(CANARY);
  }

  /** toString, and for an exception its message and every cause's, with the stack trace. */
  private static String describeFully(Object thing) {
    if (!(thing instanceof Throwable)) {
      return String.valueOf(thing);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ((Throwable) thing).printStackTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String capturingStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
