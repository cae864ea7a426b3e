package dev.synergylink.tinyplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ImplicitFlowTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  private final ImplicitFlow flow =
      ImplicitFlow.of("client 1", URI.create("https://app.example/tiny/callback?x=1")).withClock(clock);

  @Test
  void authorizeUrl_carriesEveryParameterEncoded() {
    assertThat(flow.authorizeUrl("s/t=a&te").toString()).isEqualTo(
        "https://api.tiny.plus/oauth/authorize?response_type=token&client_id=client%201"
            + "&redirect_uri=https%3A%2F%2Fapp.example%2Ftiny%2Fcallback%3Fx%3D1&scope=readwrite&state=s%2Ft%3Da%26te");
  }

  @Test
  void newState_isUnguessable() {
    String a = ImplicitFlow.newState();
    assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(ImplicitFlow.newState());
  }

  @Test
  void tokenFromRedirect_readsTheFragment() {
    ImplicitToken token = flow.tokenFromRedirect(URI.create(
        "https://app.example/tiny/callback#token_type=Bearer&expires_in=3600&access_token=abc%2B1&state=st"), "st");

    assertThat(token.accessToken()).isEqualTo("abc+1");
    assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-06-01T01:00:00Z"));
    assertThat(token.toString()).doesNotContain("abc");
  }

  @Test
  void tokenFromRedirect_refusesAnotherState() {
    assertThatThrownBy(() -> flow.tokenFromRedirect(URI.create(
            "https://app.example/tiny/callback#access_token=abc&state=forged"), "st"))
        .isInstanceOf(TinyPlusAuthenticationException.class).hasMessageContaining("state does not match");
  }

  @Test
  void tokenFromRedirect_reportsADeniedAuthorization() {
    assertThatThrownBy(() -> flow.tokenFromRedirect(URI.create(
            "https://app.example/tiny/callback#error=access_denied&state=st"), "st"))
        .isInstanceOf(TinyPlusAuthenticationException.class).hasMessageContaining("access_denied");
  }

  @Test
  void tokenProvider_servesTheTokenUntilItExpires() {
    ImplicitToken token = new ImplicitToken("abc", Instant.parse("2026-06-01T00:00:01Z"));

    assertThat(TokenProvider.of(token, clock).token()).isEqualTo("abc");
    assertThatThrownBy(() -> TokenProvider.of(token, Clock.offset(clock, java.time.Duration.ofSeconds(1))).token())
        .isInstanceOf(TinyPlusAuthenticationException.class);
  }

  @Test
  void tokenFromRedirect_withAHugeExpiresIn_isAnAuthenticationFailure() {
    for (String expiresIn : new String[] {"9223372036854775807", "99999999999999999999", "-5"}) {
      assertThatThrownBy(() -> flow.tokenFromRedirect(URI.create(
              "https://app.example/tiny/callback#expires_in=" + expiresIn + "&access_token=abc&state=st"), "st"))
          .as(expiresIn)
          .isInstanceOf(TinyPlusAuthenticationException.class)
          .hasMessageContaining("expires_in");
    }
  }

  @Test
  void tokenFromRedirect_keepsTheTokenOutOfAnEchoedError() {
    assertThatThrownBy(() -> flow.tokenFromRedirect(URI.create(
            "https://app.example/tiny/callback#error=bad%20abc&access_token=abc&state=st"), "st"))
        .isInstanceOf(TinyPlusAuthenticationException.class)
        .hasMessageContaining("bad [redacted]");
  }
}
