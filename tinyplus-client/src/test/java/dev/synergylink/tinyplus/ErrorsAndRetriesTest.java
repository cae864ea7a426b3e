package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.failsafe.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Error mapping, retries and what is never retried. */
class ErrorsAndRetriesTest extends HttpTestSupport {

  private static ResponseDefinitionBuilder error(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withHeader("X-Request-Id", "req-" + status).withBody(body);
  }

  /** The first call gets {@code first}, every later call {@code then}. */
  private static void sequence(
      Supplier<MappingBuilder> mapping, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    WM.stubFor(mapping.get().inScenario("sequence").whenScenarioStateIs(STARTED).willReturn(first)
        .willSetStateTo("next"));
    WM.stubFor(mapping.get().inScenario("sequence").whenScenarioStateIs("next").willReturn(then));
  }

  @Test
  void status429_thenOk_isRetriedAfterRetryAfter() {
    // as a date 30 ms after the client's clock, so that the test waits milliseconds, not a second
    sequence(() -> get(urlPathEqualTo("/v2/projects/1")),
        error(429, "{\"message\":\"Too many requests.\"}").withHeader("Retry-After", "Wed, 21 Oct 2026 07:27:16 GMT"),
        okJson(project(1, "2026-06-01 12:00:00")));
    List<Duration> delays = new CopyOnWriteArrayList<>();
    TinyPlusClient client = closing(builder()
        .clock(Clock.fixed(Instant.parse("2026-10-21T07:27:15.970Z"), ZoneOffset.UTC))
        .retryPolicy(fastRetries(Duration.ofSeconds(1)).onRetryScheduled(e -> delays.add(e.getDelay())).build())
        .build());

    Project p = client.projects().get(1);

    assertThat(p.id()).isEqualTo(1L);
    assertThat(requests()).hasSize(2);
    // Retry-After (30 ms) wins over the millisecond backoff, plus at most 10 % jitter
    assertThat(delays).singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(30), Duration.ofMillis(33)));
  }

  @Test
  void status429_askingLongerThanTheCap_givesRateLimitedWithRetryAfterAtOnce() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1"))
        .willReturn(error(429, "{\"message\":\"Too many requests.\"}").withHeader("Retry-After", "42")));

    TinyPlusRateLimitedException e = catchThrowableOfType(TinyPlusRateLimitedException.class,
        () -> client().projects().get(1));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.requestId()).isEqualTo("req-429");
    assertThat(requests()).hasSize(1);   // 42 s is past this test's 20 ms cap: thrown at once, not waited for
  }

  @Test
  void status429_everyTime_withoutRetryAfter_isRetriedThenGivesRateLimited() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1"))
        .willReturn(error(429, "{\"message\":\"Too many requests.\"}")));

    TinyPlusRateLimitedException e = catchThrowableOfType(TinyPlusRateLimitedException.class,
        () -> client().projects().get(1));

    assertThat(e.retryAfter()).isNull();
    assertThat(requests()).hasSize(5);   // 1 + 4 retries
  }

  @Test
  void status429_onPost_isRetried_becauseNothingWasWritten() {
    sequence(() -> post(urlPathEqualTo("/v2/projects")),
        error(429, "{\"message\":\"Too many requests.\"}").withHeader("Retry-After", "0"),
        okJson(project(9, "2026-06-01 12:00:00")).withStatus(201));

    Project p = client().projects().create(ProjectCreate.builder().name("P").build());

    assertThat(p.id()).isEqualTo(9L);
    assertThat(requests()).hasSize(2);
  }

  @Test
  void status429_withRetryAfterAsAnHttpDate_waitsUntilThatDate() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(
        error(429, "{\"message\":\"Too many requests.\"}").withHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")));
    TinyPlusClient client = closing(builder()
        .clock(Clock.fixed(Instant.parse("2026-10-21T07:27:15Z"), ZoneOffset.UTC))
        .retryPolicy(fastRetries(Duration.ofMinutes(5)).withMaxRetries(0).build())
        .build());

    TinyPlusRateLimitedException e = catchThrowableOfType(TinyPlusRateLimitedException.class,
        () -> client.projects().get(1));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(45));
    assertThat(e.getMessage()).contains("retry after 45 s");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void status429_withRetryAfterAsAnHttpDate_isWaitedForBeforeTheRetry() {
    sequence(() -> get(urlPathEqualTo("/v2/projects/1")),
        error(429, "{\"message\":\"Too many requests.\"}").withHeader("Retry-After", "Wed, 21 Oct 2026 07:27:16 GMT"),
        okJson(project(1, "2026-06-01 12:00:00")));
    List<Duration> delays = new CopyOnWriteArrayList<>();
    TinyPlusClient client = closing(builder()
        .clock(Clock.fixed(Instant.parse("2026-10-21T07:27:15.990Z"), ZoneOffset.UTC))
        .retryPolicy(fastRetries(Duration.ofSeconds(1)).onRetryScheduled(e -> delays.add(e.getDelay())).build())
        .build());

    assertThat(client.projects().get(1).id()).isEqualTo(1L);
    assertThat(requests()).hasSize(2);
    // the date is 10 ms after the clock: that wait plus at most 10 % jitter, not the millisecond backoff
    assertThat(delays).singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(10), Duration.ofMillis(11)));
  }

  @Test
  void status503_thenOk_isRetried() {
    sequence(() -> get(urlPathEqualTo("/v2/projects/1")),
        error(503, "{\"message\":\"Service unavailable.\"}"),
        okJson(project(1, "2026-06-01 12:00:00")));

    assertThat(client().projects().get(1).id()).isEqualTo(1L);
    assertThat(requests()).hasSize(2);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {502, 504})
  void otherTransientStatuses_thenOk_areRetried(int status) {
    sequence(() -> get(urlPathEqualTo("/v2/projects/1")), error(status, "{}"),
        okJson(project(1, "2026-06-01 12:00:00")));

    assertThat(client().projects().get(1).id()).isEqualTo(1L);
    assertThat(requests()).hasSize(2);
  }

  @Test
  void status503_onPatch_isRetried() {
    sequence(() -> patch(urlPathEqualTo("/v2/projects/1")),
        error(503, "<html>busy</html>"),
        okJson(project(1, "2026-06-01 12:00:00")));

    assertThat(client().projects().patch(1, ProjectPatch.builder().name("x").build()).id()).isEqualTo(1L);
    assertThat(requests()).hasSize(2);
    assertThat(requests()).allSatisfy(r -> assertThat(r.getBodyAsString()).isEqualTo("{\"name\":\"x\"}"));
  }

  @Test
  void status503_onPost_isNeverResent() {
    WM.stubFor(post(urlPathEqualTo("/v2/projects")).willReturn(error(503, "{\"message\":\"Service unavailable.\"}")));

    TinyPlusServerException e = catchThrowableOfType(TinyPlusServerException.class,
        () -> client().projects().create(ProjectCreate.builder().name("P").remoteId("77").build()));

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.getMessage()).contains("HTTP 503", "POST /projects", "req-503");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void connectionReset_onGet_isRetried() {
    sequence(() -> get(urlPathEqualTo("/v2/projects/1")),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        okJson(project(1, "2026-06-01 12:00:00")));

    assertThat(client().projects().get(1).id()).isEqualTo(1L);
    assertThat(requests()).hasSize(2);
  }

  @Test
  void connectionReset_onPost_isATransportFailure_neverResent() {
    WM.stubFor(post(urlPathEqualTo("/v2/contacts")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    TinyPlusTransportException e = catchThrowableOfType(TinyPlusTransportException.class,
        () -> client().contacts().create(ContactCreate.builder().lastName("Ng").build()));

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("POST /contacts", "outcome of the write is unknown");
    assertThat(e.mayHaveReachedServer()).isTrue();
    assertThat(requests()).hasSize(1);
  }

  @Test
  void refusedConnection_onPost_isResent_andSaysTheServerWasNotReached() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    TinyPlusClient client = closing(builder().baseUrl("http://127.0.0.1:" + closedPort + "/v2")
        .callListener(new TinyPlusCallListener() {
          @Override
          public void onResponse(String method, String path, int status, int attempt, Duration elapsed) {}

          @Override
          public void onFailure(String method, String path, TinyPlusApiException failure, int attempt) {
            attempts.add(attempt);
          }
        }).build());

    TinyPlusTransportException e = catchThrowableOfType(TinyPlusTransportException.class,
        () -> client.companies().create(CompanyCreate.builder().name("Acme").build()));

    assertThat(e.mayHaveReachedServer()).isFalse();
    assertThat(e.getMessage()).contains("POST /companies", "ConnectException").doesNotContain("outcome");
    assertThat(attempts).as("nothing was written, so the POST is tried again").containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void timeout_onGet_isRetried() {
    sequence(() -> get(urlPathEqualTo("/v2/projects/1")),
        okJson(project(1, "2026-06-01 12:00:00")).withFixedDelay(4000),
        okJson(project(1, "2026-06-01 12:00:00")));
    TinyPlusClient client = closing(builder()
        .okHttpClient(new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMillis(1500)).build())
        .build());

    assertThat(client.projects().get(1).id()).isEqualTo(1L);
    assertThat(requests()).hasSize(2);
  }

  @Test
  void timeout_onPost_isATransportFailure_sentOnce() {
    WM.stubFor(post(urlPathEqualTo("/v2/companies")).willReturn(okJson("{\"id\":3,\"name\":\"Acme\","
        + "\"record_status\":\"active\",\"created_date\":\"2026-03-01 10:00:00\","
        + "\"modified_date\":\"2026-03-01 10:00:00\"}").withStatus(201).withFixedDelay(4000)));
    TinyPlusClient client = closing(builder()
        .okHttpClient(new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMillis(1500)).build())
        .build());

    TinyPlusTransportException e = catchThrowableOfType(TinyPlusTransportException.class,
        () -> client.companies().create(CompanyCreate.builder().name("Acme").remoteId("syn-1").build()));

    assertThat(e.getMessage()).contains("POST /companies", "outcome of the write is unknown");
    assertThat(e.mayHaveReachedServer()).isTrue();
    assertThat(requests()).hasSize(1);
  }

  @Test
  void unknownMembers_inRecordsAndEnvelopes_areIgnored() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).willReturn(okJson("""
        {"total":1,"start":0,"limit":15,"next":"/v2/projects?start=15","records":[%s]}"""
        .formatted(project(1, "2026-06-01 12:00:00")
            .replace("\"id\":1,", "\"id\":1,\"colour\":\"red\",\"custom_fields\":{\"a\":[1,{\"b\":null}]},")))));

    Page<Project> page = client().projects().list(ProjectQuery.builder().build());

    assertThat(page.total()).isEqualTo(1);
    assertThat(page.records()).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo(1L);
      assertThat(p.name()).isEqualTo("Project 1");
    });
  }

  @Test
  void status401_isNotRetried_andSaysTheTokenIsInvalid() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(error(401, "{\"message\":\"Unauthenticated.\"}")));

    TinyPlusAuthenticationException e = catchThrowableOfType(TinyPlusAuthenticationException.class,
        () -> client().projects().get(1));

    assertThat(e.getMessage()).contains("token is invalid", "Unauthenticated.", "HTTP 401", "GET /projects/1")
        .doesNotContain(TOKEN);
    assertThat(requests()).hasSize(1);
  }

  @Test
  void statuses400_403_404_409_areNotRetried_andMapToTheirTypes() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(error(403, "{\"message\":\"Forbidden.\"}")));
    WM.stubFor(get(urlPathEqualTo("/v2/projects/2")).willReturn(error(404, "{\"message\":\"Project not found.\"}")));
    WM.stubFor(post(urlPathEqualTo("/v2/project_types"))
        .willReturn(error(409, "{\"message\":\"The project type already exists.\"}")));
    WM.stubFor(patch(urlPathEqualTo("/v2/projects/3")).willReturn(error(400, "{\"message\":\"Invalid.\"}")));
    TinyPlusClient client = client();

    assertThatThrownBy(() -> client.projects().get(1)).isInstanceOf(TinyPlusPermissionException.class);
    assertThatThrownBy(() -> client.projects().get(2)).isInstanceOf(TinyPlusNotFoundException.class)
        .hasMessageContaining("Project not found.");
    assertThatThrownBy(() -> client.projectTypes().create("commercial"))
        .isInstanceOf(TinyPlusConflictException.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> client.projects().patch(3, ProjectPatch.builder().build()))
        .isInstanceOf(TinyPlusValidationException.class);
    assertThat(requests()).hasSize(4);
  }

  @Test
  void validationError_namesEachField() {
    WM.stubFor(post(urlPathEqualTo("/v2/projects")).willReturn(error(400, """
        {"message":"The given data was invalid.","errors":{"name":["The name field is required."],
         "project_type":["The selected project type is invalid.","Create it first."]}}""")));

    TinyPlusValidationException e = catchThrowableOfType(TinyPlusValidationException.class,
        () -> client().projects().create(ProjectCreate.builder().name(" x").projectType("Zoo").build()));

    assertThat(e.fieldErrors()).containsOnlyKeys("name", "project_type");
    assertThat(e.fieldErrors().get("project_type"))
        .containsExactly("The selected project type is invalid.", "Create it first.");
    assertThat(e.getMessage()).contains("The given data was invalid.", "POST /projects", "req-400",
        "name: The name field is required.", "project_type: The selected project type is invalid., Create it first.");
  }

  @Test
  void malformedJson_isUnreadable_namesTheEndpoint_andIsNotRetried() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/5")).willReturn(okJson("{\"id\":5,\"name\":")));

    TinyPlusUnreadableResponseException e = catchThrowableOfType(TinyPlusUnreadableResponseException.class,
        () -> client().projects().get(5));

    assertThat(e.getMessage()).contains("GET /projects/5", "malformed JSON").doesNotContain("com.squareup");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void missingOrBadMember_isUnreadable_namesTheMember() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/5")).willReturn(okJson(project(5, "2026-06-01 12:00:00")
        .replace("\"created_date\":\"2026-01-01 09:00:00\",", ""))));
    WM.stubFor(get(urlPathEqualTo("/v2/projects/6")).willReturn(okJson(project(6, "yesterday"))));
    WM.stubFor(get(urlPathEqualTo("/v2/projects/7")).willReturn(okJson(project(7, "2026-06-01 12:00:00")
        .replace("\"id\":7", "\"id\":\"seven\""))));

    assertThatThrownBy(() -> client().projects().get(5)).isInstanceOf(TinyPlusUnreadableResponseException.class)
        .hasMessageContaining("has no created_date").hasMessageContaining("GET /projects/5");
    assertThatThrownBy(() -> client().projects().get(6)).isInstanceOf(TinyPlusUnreadableResponseException.class)
        .hasMessageContaining("modified_date is not a YYYY-MM-DD hh:mm:ss date-time")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("yesterday"));
    assertThatThrownBy(() -> client().projects().get(7)).isInstanceOf(TinyPlusUnreadableResponseException.class)
        .hasMessageContaining("id is not a number");
  }

  @Test
  void nonAsciiText_roundTrips() {
    String name = "Zoë Ñúñez — 東京 🏗";
    WM.stubFor(post(urlPathEqualTo("/v2/contacts")).willReturn(okJson("""
        {"id":4,"name":"%s","first_name":"%s","last_name":null,"record_status":"active",
         "created_date":"2026-03-01 10:00:00","modified_date":"2026-03-01 10:00:00"}""".formatted(name, name))
        .withStatus(201)));

    Contact c = client().contacts().create(ContactCreate.builder().firstName(name).build());

    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"first_name\":\"" + name + "\"}");
    assertThat(c.firstName()).isEqualTo(name);
    assertThat(c.name()).isEqualTo(name);
  }

  @Test
  void clientRateLimit_exhausted_failsWithoutCallingTheServer() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(okJson(project(1, "2026-06-01 12:00:00"))));
    TinyPlusClient client = closing(builder()
        .rateLimiter(RateLimiter.burstyBuilder(2, Duration.ofMinutes(1)).build())
        .build());

    client.projects().get(1);
    client.projects().get(1);
    assertThatThrownBy(() -> client.projects().get(1)).isInstanceOf(TinyPlusRateLimitedException.class)
        .hasMessageContaining("client's own rate limit");
    assertThat(requests()).hasSize(2);
  }

  @Test
  void callListener_hearsEveryAttempt() {
    sequence(() -> get(urlPathEqualTo("/v2/projects/1")),
        error(503, "{}"), okJson(project(1, "2026-06-01 12:00:00")));
    List<String> heard = new CopyOnWriteArrayList<>();
    TinyPlusClient client = closing(builder().callListener(new TinyPlusCallListener() {
      @Override
      public void onResponse(String method, String path, int status, int attempt, Duration elapsed) {
        heard.add(method + " " + path + " " + status + " #" + attempt);
      }

      @Override
      public void onFailure(String method, String path, TinyPlusApiException failure, int attempt) {
        heard.add("failed #" + attempt + " " + failure.getClass().getSimpleName());
      }
    }).build());

    client.projects().get(1);

    assertThat(heard).containsExactly(
        "GET /projects/1 503 #1", "failed #1 TinyPlusServerException", "GET /projects/1 200 #2");
  }

  @Test
  void ambiguousPost_isNotResent_evenWithAHostPolicyThatRetriesEverything() {
    WM.stubFor(post(urlPathEqualTo("/v2/projects")).willReturn(error(502, "{}")));
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(error(500, "{}")));
    TinyPlusClient client = closing(builder().retryPolicy(dev.failsafe.RetryPolicy.builder()
        .handle(Exception.class).withMaxRetries(2).withDelay(Duration.ofMillis(1)).build()).build());

    assertThatThrownBy(() -> client.projects().create(ProjectCreate.builder().name("P").build()))
        .isInstanceOf(TinyPlusServerException.class);
    assertThat(requests()).hasSize(1);

    assertThatThrownBy(() -> client.projects().get(1)).isInstanceOf(TinyPlusServerException.class);
    assertThat(requests()).hasSize(4);   // the host's policy applies to reads
  }

  @Test
  void status429_onPost_waitsForRetryAfterToo() {
    sequence(() -> post(urlPathEqualTo("/v2/companies")),
        error(429, "{}").withHeader("Retry-After", "Wed, 21 Oct 2026 07:27:16 GMT"), // 25 ms after the clock
        okJson("{\"id\":3,\"name\":\"Acme\",\"record_status\":\"active\",\"created_date\":\"2026-03-01 10:00:00\","
            + "\"modified_date\":\"2026-03-01 10:00:00\"}").withStatus(201));
    List<Duration> delays = new CopyOnWriteArrayList<>();
    TinyPlusClient client = closing(builder()
        .clock(Clock.fixed(Instant.parse("2026-10-21T07:27:15.975Z"), ZoneOffset.UTC))
        .retryPolicy(fastRetries(Duration.ofSeconds(1)).onRetryScheduled(e -> delays.add(e.getDelay())).build())
        .build());

    assertThat(client.companies().create(CompanyCreate.builder().name("Acme").build()).id()).isEqualTo(3L);
    assertThat(delays).singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(25), Duration.ofMillis(28)));
  }
}
