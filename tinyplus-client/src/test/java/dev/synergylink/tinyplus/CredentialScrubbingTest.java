package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A server that echoes the request's Authorization header back never gets the token into what we build. */
class CredentialScrubbingTest extends HttpTestSupport {

  /** Every text an exception shows: messages, toString and field errors, down the cause chain. */
  private static List<String> texts(TinyPlusApiException e) {
    List<String> texts = new ArrayList<>();
    texts.add(e.detail());
    texts.add(String.valueOf(e.requestId()));
    texts.add(e.fieldErrors().toString());
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(t.toString());
      texts.add(String.valueOf(t.getMessage()));
    }
    return texts;
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422, 429, 500, 503})
  void anErrorBodyEchoingTheToken_neverPutsItInTheException(int status) {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Request-Id", "req-{{request.headers.Authorization}}")
        .withBody("{\"message\":\"bad token {{request.headers.Authorization}}\","
            + "\"errors\":{\"{{request.headers.Authorization}}\":[\"was {{request.headers.Authorization}}\"]}}")
        .withTransformers("response-template")));

    TinyPlusApiException e = catchThrowableOfType(TinyPlusApiException.class, () -> client().projects().get(1));

    assertThat(e.getMessage()).contains("bad token [redacted]");
    assertThat(texts(e)).allSatisfy(text -> assertThat(text).doesNotContain(TOKEN));
  }

  @Test
  void anUnreadableAnswerEchoingTheToken_neverPutsItInTheExceptionOrItsCause() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(okJson(
            "{\"{{request.headers.Authorization}}\": {\"x\": }")
        .withTransformers("response-template")));

    TinyPlusUnreadableResponseException e = catchThrowableOfType(TinyPlusUnreadableResponseException.class,
        () -> client().projects().get(1));

    assertThat(texts(e)).allSatisfy(text -> assertThat(text).doesNotContain(TOKEN));
  }

  @Test
  void anUnreadableRecordEchoingTheToken_neverPutsItInTheReason() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).willReturn(okJson(page(1, 0, 100,
            project(1, "{{request.headers.Authorization}}")))
        .withTransformers("response-template")));

    Page<Project> page = client().projects().list(ProjectQuery.builder().build());

    assertThat(page.undecodable()).singleElement()
        .satisfies(r -> assertThat(r.toString()).doesNotContain(TOKEN));
  }
}
