package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the transport may do to the host: how much of a response it reads, how long one attempt may take, how long a
 * server may make it wait, that it never sends a request again on its own, and what close() releases.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard: a regression here would otherwise hang the build
class TransportTest extends HttpTestSupport {
  private static final long MAX_SECONDS = Integer.MAX_VALUE;

  /** {@code builder} with no retries, so that a test counts one attempt. */
  private static TinyPlusClientBuilder withoutRetries(TinyPlusClientBuilder builder) {
    return builder.retryPolicy(fastRetries(Duration.ofMillis(20)).withMaxRetries(0).build());
  }

  private static TinyPlusClientBuilder against(RawHttpServer server) {
    return builder().baseUrl(server.baseUrl() + "/v2");
  }

  // --- the body limit

  @Test
  void anEndlessChunkedResponseFailsAtTheBodyLimitInsteadOfFillingMemory() throws Exception {
    try (RawHttpServer server = new RawHttpServer((line, out) -> {
      out.write(RawHttpServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "X-Request-Id: echo-" + TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
      byte[] chunk = RawHttpServer.ascii("2000\r\n" + " ".repeat(0x2000) + "\r\n");
      while (true) {
        out.write(chunk); // until the client hangs up
      }
    });
        TinyPlusClient client = against(server).maxResponseBytes(65_536).build()) {

      TinyPlusResponseTooLargeException e = catchThrowableOfType(TinyPlusResponseTooLargeException.class,
          () -> client.projects().get(1));

      assertThat(e.status()).isEqualTo(200);
      assertThat(e.maxResponseBytes()).isEqualTo(65_536);
      assertThat(e.path()).isEqualTo("/projects/1");
      assertThat(e).hasMessageContaining("65536 bytes").hasMessageNotContaining(TOKEN);
      assertThat(server.requests()).as("not retried").hasSize(1);
    }
  }

  @Test
  void aResponseDeclaringTwoHundredMegabytesFailsAtOnceUnderTheDefaultLimit() throws Exception {
    try (RawHttpServer server = new RawHttpServer((line, out) -> {
      out.write(RawHttpServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: 209715200\r\n\r\n" + " ".repeat(1024)));
      return false; // hangs up: a client that waited for the 200 MB would fail otherwise
    });
        TinyPlusClient client = against(server).build()) {

      TinyPlusResponseTooLargeException e = catchThrowableOfType(TinyPlusResponseTooLargeException.class,
          () -> client.projects().create(ProjectCreate.builder().name("P").build()));

      assertThat(e.maxResponseBytes()).isEqualTo(TinyPlusClientBuilder.DEFAULT_MAX_RESPONSE_BYTES)
          .isEqualTo(16L * 1024 * 1024);
      assertThat(e).hasMessageContaining("declares 209715200 bytes");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aPageOfAHundredRecordsIsWellUnderTheDefaultLimit() {
    String[] records = new String[100];
    java.util.Arrays.setAll(records, i -> project(i + 1, "2026-06-01 12:00:00"));
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).willReturn(okJson(page(100, 0, 100, records))));
    try (TinyPlusClient client = client()) {

      assertThat(client.projects().list(ProjectQuery.builder().build()).records()).hasSize(100);
    }
  }

  // --- the call deadline

  @Test
  void aServerThatDripsItsResponseIsCutOffByTheCallDeadline() throws Exception {
    try (RawHttpServer server = new RawHttpServer(RawHttpServerDrip::drip);
        TinyPlusClient client = withoutRetries(against(server).readTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofMillis(300))).build()) {

      TinyPlusTransportException e = catchThrowableOfType(TinyPlusTransportException.class,
          () -> client.projects().get(1));

      assertThat(e.mayHaveReachedServer()).isTrue();
      assertThat(e).hasCauseInstanceOf(InterruptedIOException.class);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aCallDeadlineOfTheHostsOkHttpClientIsKept() throws Exception {
    OkHttpClient host = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofMillis(300)).build();
    try (RawHttpServer server = new RawHttpServer(RawHttpServerDrip::drip);
        TinyPlusClient client = withoutRetries(against(server).okHttpClient(host)).build()) {

      assertThatThrownBy(() -> client.projects().get(1)).isInstanceOf(TinyPlusTransportException.class)
          .hasCauseInstanceOf(InterruptedIOException.class);
    }
  }

  @Test
  void theDefaultsAreDocumentedValues() {
    assertThat(TinyPlusClientBuilder.DEFAULT_CALL_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
    assertThat(TinyPlusClientBuilder.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    assertThat(TinyPlusClientBuilder.DEFAULT_READ_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void timeoutsAndTheBodyLimitAreCheckedWhenSet() {
    assertThatThrownBy(() -> TinyPlusClient.builder().callTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> TinyPlusClient.builder().readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> TinyPlusClient.builder().connectTimeout(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> TinyPlusClient.builder().maxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
  }

  // --- Retry-After

  @Test
  void aRetryAfterOfABillionSecondsFailsAtOnceWithTheWait() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "1000000000")));
    try (TinyPlusClient client = builder()
        .retryPolicy(TinyPlusClientBuilder.defaultRetryPolicy(TinyPlusClientBuilder.DEFAULT_MAX_RETRY_AFTER).build())
        .build()) {

      TinyPlusRateLimitedException e = catchThrowableOfType(TinyPlusRateLimitedException.class,
          () -> client.projects().get(1));

      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1_000_000_000));
      WM.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/projects/1")));
    }
  }

  @Test
  void aRetryAfterLongerThanThePolicysCapIsNotWaitedFor() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "1")));
    try (TinyPlusClient client = client()) { // this test's policy waits at most 20 ms

      TinyPlusRateLimitedException e = catchThrowableOfType(TinyPlusRateLimitedException.class,
          () -> client.projects().get(1));

      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
      WM.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/projects/1")));
    }
  }

  @Test
  void aRetryAfterOfMoreSecondsThanALongHoldsIsReadAsTheLongestWait() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "99999999999999999999999")));
    try (TinyPlusClient client = client()) {

      TinyPlusRateLimitedException e = catchThrowableOfType(TinyPlusRateLimitedException.class,
          () -> client.projects().get(1));

      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(MAX_SECONDS));
      WM.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/projects/1")));
    }
  }

  @Test
  void a503WithARetryAfterPastTheIntRangeFailsTyped() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "4294967296")));
    try (TinyPlusClient client = client()) {

      assertThatThrownBy(() -> client.projects().get(1)).isInstanceOf(TinyPlusServerException.class);

      WM.verify(exactly(5), getRequestedFor(urlPathEqualTo("/v2/projects/1"))); // 1 + 4 retries with backoff
    }
  }

  @Test
  void aRetryAfterThatIsNeitherSecondsNorADateIsNoRetryAfter() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "soon, -1")));
    try (TinyPlusClient client = client()) {

      TinyPlusRateLimitedException e = catchThrowableOfType(TinyPlusRateLimitedException.class,
          () -> client.projects().get(1));

      assertThat(e.retryAfter()).isNull();
      WM.verify(exactly(5), getRequestedFor(urlPathEqualTo("/v2/projects/1")));
    }
  }

  // --- nothing is sent again by the transport

  @Test
  void aCreateAnswered503WithRetryAfterZeroIsSentOnce() {
    WM.stubFor(post(urlPathEqualTo("/v2/projects")).willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "0")));
    try (TinyPlusClient client = client()) {

      assertThatThrownBy(() -> client.projects().create(ProjectCreate.builder().name("P").build()))
          .isInstanceOf(TinyPlusServerException.class);

      WM.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/projects")));
    }
  }

  @Test
  void aPatchAnswered503WithRetryAfterZeroIsSentOncePerAttempt() {
    WM.stubFor(patch(urlPathEqualTo("/v2/projects/1")).willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "0")));
    try (TinyPlusClient client = client()) {

      assertThatThrownBy(() -> client.projects().patch(1, ProjectPatch.builder().name("N").build()))
          .isInstanceOf(TinyPlusServerException.class);

      WM.verify(exactly(5), patchRequestedFor(urlPathEqualTo("/v2/projects/1"))); // 1 + 4 retries, no more
    }
  }

  @Test
  void aCreateWhoseConnectionDropsIsSentOnce() {
    WM.stubFor(post(urlPathEqualTo("/v2/projects")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (TinyPlusClient client = client()) {

      TinyPlusTransportException e = catchThrowableOfType(TinyPlusTransportException.class,
          () -> client.projects().create(ProjectCreate.builder().name("P").build()));

      assertThat(e.mayHaveReachedServer()).isTrue();
      WM.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/projects")));
    }
  }

  // --- close

  @Test
  void aCallAfterCloseFailsWithoutSendingAnything() {
    TinyPlusClient client = client();
    client.close();
    client.close(); // idempotent

    assertThatThrownBy(() -> client.projects().get(1)).isInstanceOf(TinyPlusClientClosedException.class)
        .hasMessageContaining("closed").hasMessageContaining("GET /projects/1");
    assertThatThrownBy(() -> client.projects().create(ProjectCreate.builder().name("P").build()))
        .isInstanceOf(TinyPlusClientClosedException.class);
    WM.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void closeReleasesTheConnectionsOfAnOkHttpClientTheBuilderMade() throws Exception {
    String project = project(1, "2026-06-01 12:00:00");
    try (RawHttpServer server = new RawHttpServer((line, out) -> {
      out.write(RawHttpServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
          + project.length() + "\r\n\r\n" + project));
      return true; // keep-alive: the connection waits in the client's pool
    })) {
      TinyPlusClient client = against(server).build();
      assertThat(client.projects().get(1).id()).isEqualTo(1L);

      client.close();

      assertThat(server.awaitConnectionClosedByClient()).as("the pooled connection was closed").isTrue();
      assertThatThrownBy(() -> client.projects().get(1)).isInstanceOf(TinyPlusClientClosedException.class);
    }
  }

  @Test
  void closeLeavesAnOkHttpClientTheHostHandedInOpen() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(okJson(project(1, "2026-06-01 12:00:00"))));
    OkHttpClient host = new OkHttpClient();
    TinyPlusClient client = builder().okHttpClient(host).build();
    client.projects().get(1);

    client.close();

    assertThat(host.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(host.connectionPool().connectionCount()).isEqualTo(1);
    try (TinyPlusClient again = builder().okHttpClient(host).build()) {
      assertThat(again.projects().get(1).id()).isEqualTo(1L);
    }
    WM.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v2/projects/1")));
  }
}
