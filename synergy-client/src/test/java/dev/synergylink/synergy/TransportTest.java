package dev.synergylink.synergy;

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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
 * What the transport may do to the host: how much of an answer it reads, how long one attempt may take, how
 * long a server may make it wait, that it never sends a request again on its own, and what close() releases.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard: a regression here would otherwise hang the build
class TransportTest extends WireMockSupport {
  private static final String STAFF_7 = API + "/Staff/7";
  private static final String PROJECTS = API + "/Projects";
  private static final String PROJECT_5 = API + "/Projects/5";
  private static final long MAX_SECONDS = Integer.MAX_VALUE;

  private static ProjectCreate newProject() {
    return ProjectCreate.builder().name("N").statusId(3).primaryContactId(42).managerId(7L).build();
  }

  /** {@code builder} with no retries of reads and patches, so that a test counts one attempt. */
  private static SynergyClientBuilder withoutRetries(SynergyClientBuilder builder) {
    return builder.retryPolicy(SynergyRetryPolicies.idempotent(Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofSeconds(60), 0).build());
  }

  // --- the body limit

  @Test
  void anEndlessChunkedAnswerFailsAtTheBodyLimitInsteadOfFillingMemory() throws Exception {
    try (RawHttpServer server = new RawHttpServer((line, out) -> {
      out.write(RawHttpServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "X-Request-Id: echo-" + KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
      byte[] chunk = RawHttpServer.ascii("2000\r\n" + " ".repeat(0x2000) + "\r\n");
      while (true) {
        out.write(chunk); // until the client hangs up
      }
    });
        SynergyClient client = builder().baseUrl(server.baseUrl() + "/api/v2").maxResponseBytes(65_536).build()) {

      SynergyResponseTooLargeException e = catchThrowableOfType(SynergyResponseTooLargeException.class,
          () -> client.staff().get(7));

      assertThat(e.status()).isEqualTo(200);
      assertThat(e.maxResponseBytes()).isEqualTo(65_536);
      assertThat(e).hasMessageContaining("65536 bytes").hasMessageContaining("GET " + STAFF_7)
          .hasMessageNotContaining(KEY);
      assertThat(server.requests()).as("not retried").hasSize(1);
    }
  }

  @Test
  void anAnswerDeclaringTwoHundredMegabytesFailsAtOnceUnderTheDefaultLimit() throws Exception {
    try (RawHttpServer server = new RawHttpServer((line, out) -> {
      out.write(RawHttpServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: 209715200\r\n\r\n" + " ".repeat(1024)));
      return false; // hangs up: a client that waited for the 200 MB would fail otherwise
    });
        SynergyClient client = builder().baseUrl(server.baseUrl() + "/api/v2").build()) {

      SynergyResponseTooLargeException e = catchThrowableOfType(SynergyResponseTooLargeException.class,
          () -> client.staff().get(7));

      assertThat(e.maxResponseBytes()).isEqualTo(SynergyClientBuilder.DEFAULT_MAX_RESPONSE_BYTES)
          .isEqualTo(16L * 1024 * 1024);
      assertThat(e).hasMessageContaining("declares 209715200 bytes");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aPageOfAHundredRecordsIsWellUnderTheDefaultLimit() {
    String[] items = new String[100];
    java.util.Arrays.setAll(items, i -> projectJson(i + 1, "Project " + (i + 1)));
    wm.stubFor(get(urlEqualTo(PROJECTS + "?page=1&pageSize=100")).willReturn(okJson(list(100, items))));
    try (SynergyClient client = builder().build()) {

      Page<Project> page = client.projects().list(ProjectQuery.builder().build());

      assertThat(page.items()).hasSize(100);
    }
  }

  // --- the call deadline

  @Test
  void aServerThatDripsItsAnswerIsCutOffByTheCallDeadline() throws Exception {
    try (RawHttpServer server = new RawHttpServer(RawHttpServerDrip::drip);
        SynergyClient client = withoutRetries(builder().baseUrl(server.baseUrl() + "/api/v2")
            .okHttpClient(http(10_000)) // a byte comes far more often than the read timeout
            .callTimeout(Duration.ofMillis(300))).build()) {

      SynergyTransportException e = catchThrowableOfType(SynergyTransportException.class,
          () -> client.staff().get(7));

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
        SynergyClient client = withoutRetries(builder().baseUrl(server.baseUrl() + "/api/v2").okHttpClient(host))
            .build()) {

      assertThatThrownBy(() -> client.staff().get(7)).isInstanceOf(SynergyTransportException.class)
          .hasCauseInstanceOf(InterruptedIOException.class);
    }
  }

  @Test
  void theDefaultsAreDocumentedValues() {
    assertThat(SynergyClientBuilder.DEFAULT_CALL_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
    assertThat(SynergyClientBuilder.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    assertThat(SynergyClientBuilder.DEFAULT_READ_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void timeoutsAndTheBodyLimitAreCheckedWhenSet() {
    assertThatThrownBy(() -> SynergyClient.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> SynergyClient.builder().readTimeout(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> SynergyClient.builder().connectTimeout(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> SynergyClient.builder().maxResponseBytes(1000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
  }

  // --- Retry-After

  @Test
  void aRetryAfterOfMoreSecondsThanALongHoldsFailsAtOnceAsRateLimited() {
    wm.stubFor(get(STAFF_7).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "99999999999999999999999")));
    try (SynergyClient client = builder().build()) {

      SynergyRateLimitedException e = catchThrowableOfType(SynergyRateLimitedException.class,
          () -> client.staff().get(7));

      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(MAX_SECONDS));
      assertThat(sleeps).isEmpty();
      wm.verify(exactly(1), getRequestedFor(urlEqualTo(STAFF_7)));
    }
  }

  @Test
  void a503WithARetryAfterPastTheIntRangeFailsTypedAndAtOnce() {
    wm.stubFor(get(STAFF_7).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4294967296")));
    try (SynergyClient client = builder().build()) {

      SynergyServerException e = catchThrowableOfType(SynergyServerException.class, () -> client.staff().get(7));

      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(MAX_SECONDS));
      assertThat(sleeps).isEmpty();
      wm.verify(exactly(1), getRequestedFor(urlEqualTo(STAFF_7)));
    }
  }

  @Test
  void aRetryAfterThatIsNeitherSecondsNorADateMeansNoWait() {
    wm.stubFor(get(STAFF_7).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "soon, -1")));
    try (SynergyClient client = builder().build()) {

      SynergyRateLimitedException e = catchThrowableOfType(SynergyRateLimitedException.class,
          () -> client.staff().get(7));

      assertThat(e.retryAfter()).isZero();
      assertThat(sleeps).isEmpty();
      wm.verify(exactly(5), getRequestedFor(urlEqualTo(STAFF_7))); // the policy's backoff, 1 + 4 retries
    }
  }

  // --- nothing is sent again by the transport

  @Test
  void aPatchAnswered503WithRetryAfterZeroIsSentOncePerAttempt() {
    wm.stubFor(patch(urlEqualTo(PROJECT_5)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    try (SynergyClient client = builder().build()) {

      assertThatThrownBy(() -> client.projects().patch(5, ProjectPatch.builder().name("N").build()))
          .isInstanceOf(SynergyServerException.class);

      wm.verify(exactly(5), patchRequestedFor(urlEqualTo(PROJECT_5))); // 1 + 4 retries of the policy, no more
    }
  }

  @Test
  void aCreateAnswered503WithRetryAfterZeroIsSentOnce() {
    wm.stubFor(post(urlEqualTo(PROJECTS)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    try (SynergyClient client = builder().build()) {

      assertThatThrownBy(() -> client.projects().create(newProject()))
          .isInstanceOf(SynergyServerException.class);

      wm.verify(exactly(1), postRequestedFor(urlEqualTo(PROJECTS)));
    }
  }

  @Test
  void aPatchWhoseConnectionDropsIsNotSentAgainByTheTransport() {
    wm.stubFor(patch(urlEqualTo(PROJECT_5)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (SynergyClient client = withoutRetries(builder()).build()) {

      assertThatThrownBy(() -> client.projects().patch(5, ProjectPatch.builder().name("N").build()))
          .isInstanceOf(SynergyTransportException.class);

      wm.verify(exactly(1), patchRequestedFor(urlEqualTo(PROJECT_5)));
    }
  }

  @Test
  void aCodeExchangeAnswered503WithRetryAfterZeroIsSentOnce() {
    String exchange = "/api/v2/OAuth2/GetAccessToken";
    wm.stubFor(post(urlEqualTo(exchange)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    SynergyOAuth oauth = SynergyOAuth.builder()
        .application(OAuthApplication.of("app-key", "app-secret", "https://example.com/callback"))
        .baseUrl(baseUrl()).okHttpClient(http(2000)).build();

    assertThatThrownBy(() -> oauth.exchangeCode("code-1")).isInstanceOf(SynergyApiException.class);

    wm.verify(exactly(1), postRequestedFor(urlEqualTo(exchange)));
  }

  // --- hostile headers

  @Test
  void aQuotaResetPastTheLastInstantIsIgnoredNotThrown() {
    wm.stubFor(get(STAFF_7).willReturn(okJson(staffJson(7, "Standard")).withHeader("X-RateLimit-Limit", "1000")
        .withHeader("X-RateLimit-Remaining", "5").withHeader("X-RateLimit-Reset", "99999999999999999")));
    try (SynergyClient client = builder().build()) {

      assertThat(client.staff().get(7).id()).isEqualTo(7);

      assertThat(client.lastQuota()).isEmpty();
    }
  }

  // --- close

  @Test
  void aCallAfterCloseFailsWithoutSendingAnything() {
    SynergyClient client = builder().build();
    client.close();
    client.close(); // idempotent

    assertThatThrownBy(() -> client.staff().get(7)).isInstanceOf(SynergyClientClosedException.class)
        .hasMessageContaining("closed").hasMessageContaining("GET " + STAFF_7);
    assertThatThrownBy(() -> client.projects().create(newProject()))
        .isInstanceOf(SynergyClientClosedException.class);
    wm.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void closeReleasesTheConnectionsOfAnOkHttpClientTheBuilderMade() throws Exception {
    String staff = staffJson(7, "Standard");
    try (RawHttpServer server = new RawHttpServer((line, out) -> {
      out.write(RawHttpServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
          + staff.length() + "\r\n\r\n" + staff));
      return true; // keep-alive: the connection waits in the client's pool
    })) {
      SynergyClient client = SynergyClient.builder().baseUrl(server.baseUrl() + "/api/v2").organisation(ORG)
          .apiKey(KEY).clock(clock).build();
      assertThat(client.staff().get(7).id()).isEqualTo(7);

      client.close();

      assertThat(server.awaitConnectionClosedByClient()).as("the pooled connection was closed").isTrue();
      assertThatThrownBy(() -> client.staff().get(7)).isInstanceOf(SynergyClientClosedException.class);
    }
  }

  @Test
  void closeLeavesAnOkHttpClientTheHostHandedInOpen() {
    wm.stubFor(get(STAFF_7).willReturn(okJson(staffJson(7, "Standard"))));
    OkHttpClient host = http(2000);
    SynergyClient client = builder().okHttpClient(host).build();
    client.staff().get(7);

    client.close();

    assertThat(host.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(host.connectionPool().connectionCount()).isEqualTo(1);
    try (SynergyClient again = builder().okHttpClient(host).build()) {
      assertThat(again.staff().get(7).id()).isEqualTo(7);
    }
    wm.verify(exactly(2), getRequestedFor(urlEqualTo(STAFF_7)));
  }
}
