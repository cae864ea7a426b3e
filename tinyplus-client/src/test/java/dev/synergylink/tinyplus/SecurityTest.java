package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** https unless loopback, no redirects, and the token in no message, log line or toString(). */
class SecurityTest extends HttpTestSupport {

  @Test
  void baseUrl_httpIsRefusedExceptOnLoopback() {
    assertThatThrownBy(() -> TinyPlusClient.builder().baseUrl("http://api.tiny.plus/v2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must use https");
    assertThatThrownBy(() -> TinyPlusClient.builder().baseUrl("ftp://api.tiny.plus/v2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TinyPlusClient.builder().baseUrl("https://api.tiny.plus/v2?x=1"))
        .isInstanceOf(IllegalArgumentException.class);
    TinyPlusClient.builder().baseUrl("http://localhost:8080/v2");
    TinyPlusClient.builder().baseUrl("http://127.0.0.1:8080/v2");
    TinyPlusClient.builder().baseUrl("http://[::1]:8080/v2");
    TinyPlusClient.builder().baseUrl("https://api.tiny.plus/v2/");
  }

  @Test
  void build_withoutToken_saysWhatIsMissing() {
    assertThatThrownBy(() -> TinyPlusClient.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tokenProvider is missing");
  }

  @Test
  void redirect_isNeverFollowed() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "https://collector.example/steal")));

    assertThatThrownBy(() -> client().projects().get(1))
        .isInstanceOf(TinyPlusUnreadableResponseException.class)
        .hasMessageContaining("redirect to collector.example")
        .hasMessageContaining("not followed");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void token_isInNoMessageLogOrToString() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> texts = new ArrayList<>();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(401)
          .withBody("{\"message\":\"Unauthenticated.\"}")));
      WM.stubFor(get(urlPathEqualTo("/v2/projects/2")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      WM.stubFor(get(urlPathEqualTo("/v2/projects/3")).willReturn(okJson("{oops")));
      TinyPlusClientBuilder builder = builder().callListener(TinyPlusCallListener.logging());
      TinyPlusClient client = closing(builder.build());
      for (long id = 1; id <= 3; id++) {
        long which = id;
        try {
          client.projects().get(which);
        } catch (TinyPlusApiException e) {
          texts.add(e.getMessage());
          texts.add(e.toString());
          for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            texts.add(String.valueOf(c.getMessage()));
          }
        }
      }
      texts.add(builder.toString());
      texts.add(client.toString());
      texts.add(TokenProvider.of(TOKEN).toString());
      ImplicitToken implicit = new ImplicitToken(TOKEN, Instant.EPOCH);
      texts.add(implicit.toString());
      texts.add(TokenProvider.of(implicit, Clock.systemUTC()).toString());
    } finally {
      System.setErr(originalErr);
    }
    String log = captured.toString(StandardCharsets.UTF_8);

    assertThat(log).as("the captured log").contains("GET /projects/1").doesNotContain(TOKEN);
    assertThat(texts).hasSizeGreaterThan(8).allSatisfy(t -> assertThat(t).doesNotContain(TOKEN));
  }

  @Test
  void tokenWithALineBreak_isRefusedWithoutEchoingIt() {
    TinyPlusClient client = closing(builder().tokenProvider(TokenProvider.of(TOKEN + "\r\nX-Evil: 1")).build());

    assertThatThrownBy(() -> client.projects().get(1))
        .isInstanceOf(TinyPlusAuthenticationException.class)
        .hasMessageContaining("cannot go in an HTTP header")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    assertThat(requests()).isEmpty();
  }

  @Test
  void expiredImplicitToken_failsBeforeAnyCall() {
    Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    TinyPlusClient client = closing(builder()
        .tokenProvider(TokenProvider.of(new ImplicitToken(TOKEN, Instant.parse("2026-05-31T23:59:59Z")), clock))
        .build());

    assertThatThrownBy(() -> client.projects().get(1))
        .isInstanceOf(TinyPlusAuthenticationException.class)
        .hasMessageContaining("expired")
        .hasMessageContaining("no refresh");
    assertThat(requests()).isEmpty();
  }
}
