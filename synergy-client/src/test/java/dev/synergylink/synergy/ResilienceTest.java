package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retries, backoff, Retry-After, the throttle and the quota. */
class ResilienceTest extends WireMockSupport {
  private static final String STAFF_7 = API + "/Staff/7";

  /** Answers {@code first} to the first calls in order, then {@code then} for ever. */
  private void stubSequence(com.github.tomakehurst.wiremock.client.MappingBuilder call,
      java.util.function.Supplier<com.github.tomakehurst.wiremock.client.MappingBuilder> again,
      ResponseDefinitionBuilder then, ResponseDefinitionBuilder... first) {
    String state = Scenario.STARTED;
    for (int i = 0; i < first.length; i++) {
      String next = "after " + (i + 1);
      wm.stubFor((i == 0 ? call : again.get()).inScenario("sequence").whenScenarioStateIs(state)
          .willSetStateTo(next).willReturn(first[i]));
      state = next;
    }
    wm.stubFor(again.get().inScenario("sequence").whenScenarioStateIs(state).willReturn(then));
  }

  private void stubStaffSequence(ResponseDefinitionBuilder then, ResponseDefinitionBuilder... first) {
    stubSequence(get(STAFF_7), () -> get(STAFF_7), then, first);
  }

  @Test
  void rateLimitedThenOkWaitsTheRetryAfterThroughTheSleeper() {
    stubStaffSequence(okJson(staffJson(7, "Standard")),
        aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"message\":\"slow down\"}"));

    Staff staff = client().staff().get(7);

    assertThat(staff.id()).isEqualTo(7);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Sat, 28 Nov 2026 01:00:07 GMT",
      "Saturday, 28-Nov-26 01:00:07 GMT",
      "Sat Nov 28 01:00:07 2026"})
  void aRetryAfterGivenAsAnHttpDateIsWaitedForUntilThatDate(String date) {
    stubStaffSequence(okJson(staffJson(7, "Standard")),
        aResponse().withStatus(429).withHeader("Retry-After", date));

    client().staff().get(7);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(7)); // the client's clock reads 01:00:00
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void aRetryAfterDateInThePastMeansNoWait() {
    stubStaffSequence(okJson(staffJson(7, "Standard")),
        aResponse().withStatus(429).withHeader("Retry-After", "Sat, 28 Nov 2026 00:59:00 GMT"));

    client().staff().get(7);

    assertThat(sleeps).isEmpty();
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void serviceUnavailableTwiceThenOk() {
    stubStaffSequence(okJson(staffJson(7, "Standard")), aResponse().withStatus(503), aResponse().withStatus(503));
    List<Integer> statuses = new CopyOnWriteArrayList<>();

    Staff staff = closing(builder().callListener((method, path, status, elapsed) -> statuses.add(status)).build())
        .staff().get(7);

    assertThat(staff.id()).isEqualTo(7);
    assertThat(sleeps).isEmpty(); // no Retry-After: the policy's (tiny) backoff, not the sleeper
    assertThat(statuses).containsExactly(503, 503, 200);
    wm.verify(3, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void requestsSentOnThisThreadCountEveryAttemptOfARetriedCall() {
    stubStaffSequence(okJson(staffJson(7, "Standard")), aResponse().withStatus(503));
    SynergyClient client = client();
    long before = client.requestsSentOnThisThread();

    client.staff().get(7);

    assertThat(client.requestsSentOnThisThread() - before).isEqualTo(2);
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void requestsSentOnAnotherThreadAreNotCountedOnThisOne() throws Exception {
    stubStaffSequence(okJson(staffJson(7, "Standard")), aResponse().withStatus(503));
    SynergyClient client = client();
    long before = client.requestsSentOnThisThread();

    Thread other = new Thread(() -> client.staff().get(7));
    other.start();
    other.join();

    assertThat(client.requestsSentOnThisThread()).isEqualTo(before);
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @ParameterizedTest
  @CsvSource({"502", "503", "504"})
  void eachTransientServerStatusIsRetriedOnARead(int status) {
    stubStaffSequence(okJson(staffJson(7, "Standard")), aResponse().withStatus(status));

    assertThat(client().staff().get(7).id()).isEqualTo(7);
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void theBackoffDoublesUpToItsMaximumWithJitterOfUpToHalf() {
    wm.stubFor(get(STAFF_7).willReturn(aResponse().withStatus(503)));
    List<Duration> delays = new CopyOnWriteArrayList<>();
    SynergyClient client = closing(builder().retryPolicy(SynergyRetryPolicies.idempotent(Duration.ofMillis(10),
        Duration.ofMillis(40), Duration.ofSeconds(60), 4).onRetryScheduled(e -> delays.add(e.getDelay())).build())
        .build());

    assertThatThrownBy(() -> client.staff().get(7)).isInstanceOf(SynergyServerException.class);

    assertThat(delays).hasSize(4);
    long[] full = {10, 20, 40, 40};
    for (int i = 0; i < full.length; i++) {
      assertThat(delays.get(i)).as("delay %d", i + 1)
          .isBetween(Duration.ofMillis(full[i] / 2), Duration.ofMillis(full[i]));
    }
    wm.verify(5, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void serviceUnavailableWithRetryAfterIsWaitedFor() {
    stubStaffSequence(okJson(staffJson(7, "Standard")), aResponse().withStatus(503).withHeader("Retry-After", "3"));

    client().staff().get(7);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void retriesEndAfterMaxRetriesWithTheLastFailure() {
    wm.stubFor(get(STAFF_7).willReturn(aResponse().withStatus(502).withHeader("X-Request-Id", "r-502")));

    assertThatThrownBy(() -> client().staff().get(7))
        .isInstanceOfSatisfying(SynergyServerException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.requestId()).isEqualTo("r-502");
        });
    wm.verify(5, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @ParameterizedTest
  @CsvSource({
      "400, dev.synergylink.synergy.SynergyValidationException",
      "401, dev.synergylink.synergy.SynergyAuthenticationException",
      "403, dev.synergylink.synergy.SynergyPermissionException",
      "404, dev.synergylink.synergy.SynergyNotFoundException",
      "500, dev.synergylink.synergy.SynergyServerException"})
  void neverRetried(int status, Class<?> expected) {
    wm.stubFor(get(STAFF_7).willReturn(aResponse().withStatus(status)
        .withBody("{\"message\":\"no\",\"requestId\":\"r-1\"}")));

    assertThatThrownBy(() -> client().staff().get(7)).isInstanceOf(expected)
        .hasMessageContaining("GET /api/v2/Organisation/acme/Staff/7")
        .hasMessageContaining("status " + status).hasMessageContaining("request id r-1");
    wm.verify(1, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void aReadThatTimesOutIsRetried() {
    stubStaffSequence(okJson(staffJson(7, "Standard")), okJson(staffJson(7, "Standard")).withFixedDelay(1000));

    Staff staff = closing(builder().okHttpClient(http(150)).build()).staff().get(7);

    assertThat(staff.id()).isEqualTo(7);
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void aReadWhoseConnectionIsResetIsRetried() {
    stubStaffSequence(okJson(staffJson(7, "Standard")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(client().staff().get(7).id()).isEqualTo(7);
    wm.verify(2, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void aPatchIsRetriedOnBadGateway() {
    String path = API + "/Contacts/42";
    stubSequence(patch(urlEqualTo(path)), () -> patch(urlEqualTo(path)), okJson(contactJson(42, "Acme")),
        aResponse().withStatus(502));

    client().contacts().patch(42, ContactPatch.builder().phone("1").build());

    wm.verify(2, patchRequestedFor(urlEqualTo(path)));
  }

  @Test
  void aCreateThatTimesOutIsSentOnce() {
    // a read timeout well under the delay, yet long enough for the request to arrive on a loaded machine
    wm.stubFor(post(API + "/Projects").willReturn(aResponse().withStatus(201).withFixedDelay(4000)
        .withHeader("Content-Type", "application/json").withBody(projectJson(9, "New"))));

    assertThatThrownBy(() -> builder().okHttpClient(http(1500)).build().projects().create(ProjectCreate.builder()
        .name("New").statusId(3).primaryContactId(42).externalReference("tp-9").build()))
        .isInstanceOfSatisfying(SynergyTransportException.class,
            e -> assertThat(e.mayHaveReachedServer()).isTrue());
    wm.verify(1, postRequestedFor(urlEqualTo(API + "/Projects")));
  }

  @Test
  void aCreateWhoseConnectionDropsIsSentOnceEvenOnAPooledConnection() {
    wm.stubFor(get(STAFF_7).willReturn(okJson(staffJson(7, "Standard"))));
    wm.stubFor(post(API + "/Contacts").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    SynergyClient client = client();
    client.staff().get(7); // leaves a pooled connection, which OkHttp would silently retry a request on

    assertThatThrownBy(() -> client.contacts().create(ContactCreate.builder().name("Acme").build()))
        .isInstanceOfSatisfying(SynergyTransportException.class,
            e -> assertThat(e.mayHaveReachedServer()).isTrue());
    wm.verify(1, postRequestedFor(urlEqualTo(API + "/Contacts")));
  }

  @Test
  void aCreateIsNotResentAfterServerTrouble() {
    wm.stubFor(post(API + "/Contacts").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client().contacts().create(ContactCreate.builder().name("Acme").build()))
        .isInstanceOf(SynergyServerException.class);
    wm.verify(1, postRequestedFor(urlEqualTo(API + "/Contacts")));
  }

  @Test
  void aCreateIsResentAfterRateLimiting() {
    String path = API + "/Contacts";
    stubSequence(post(path), () -> post(path), aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody(contactJson(43, "Acme")),
        aResponse().withStatus(429).withHeader("Retry-After", "2"));

    assertThat(client().contacts().create(ContactCreate.builder().name("Acme").build()).id()).isEqualTo(43);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    wm.verify(2, postRequestedFor(urlEqualTo(path)));
  }

  @Test
  void aCreateIsNeverResentAfterAnAmbiguousFailureEvenWithAHostPolicyThatRetriesEverything() {
    String path = API + "/Contacts";
    wm.stubFor(post(path).willReturn(aResponse().withStatus(503)));
    wm.stubFor(post(API + "/Projects").willReturn(aResponse().withStatus(201).withFixedDelay(1000)
        .withHeader("Content-Type", "application/json").withBody(projectJson(9, "New"))));
    SynergyClient client = closing(builder().okHttpClient(http(150))
        .createRetryPolicy(dev.failsafe.RetryPolicy.builder().handle(Exception.class).withMaxRetries(3)
            .withDelay(Duration.ofMillis(1)).build())
        .build());

    assertThatThrownBy(() -> client.contacts().create(ContactCreate.builder().name("Acme").build()))
        .isInstanceOf(SynergyServerException.class);
    assertThatThrownBy(() -> client.projects().create(ProjectCreate.builder().name("New").statusId(3)
        .primaryContactId(42).build())).isInstanceOf(SynergyTransportException.class);

    wm.verify(1, postRequestedFor(urlEqualTo(path)));
    wm.verify(1, postRequestedFor(urlEqualTo(API + "/Projects")));
  }

  @Test
  void aHostCreatePolicyStillRetriesWhatIsSafeToResend() {
    String path = API + "/Contacts";
    stubSequence(post(path), () -> post(path), aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody(contactJson(43, "Acme")),
        aResponse().withStatus(429).withHeader("Retry-After", "2"));
    SynergyClient client = closing(builder()
        .createRetryPolicy(dev.failsafe.RetryPolicy.builder().handle(Exception.class).withMaxRetries(3)
            .withDelay(Duration.ofMillis(1)).build())
        .build());

    assertThat(client.contacts().create(ContactCreate.builder().name("Acme").build()).id()).isEqualTo(43);
    wm.verify(2, postRequestedFor(urlEqualTo(path)));
  }

  @Test
  void aRetryAfterBeyondTheCapFailsAtOnce() {
    wm.stubFor(get(STAFF_7).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> client().staff().get(7))
        .isInstanceOfSatisfying(SynergyRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
    assertThat(sleeps).isEmpty();
    wm.verify(1, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void theThrottleHoldsBackCallsOverItsRate() {
    wm.stubFor(get(STAFF_7).willReturn(okJson(staffJson(7, "Standard"))));
    SynergyClient client = closing(builder()
        .rateLimiter(RateLimiter.smoothBuilder(1, Duration.ofMinutes(1)).withMaxWaitTime(Duration.ZERO).build())
        .build());

    client.staff().get(7);

    assertThatThrownBy(() -> client.staff().get(7))
        .isInstanceOfSatisfying(SynergyRateLimitedException.class, e -> assertThat(e.status()).isZero())
        .hasMessageContaining("throttle");
    wm.verify(1, getRequestedFor(urlEqualTo(STAFF_7)));
  }

  @Test
  void theLastQuotaIsExposed() {
    wm.stubFor(get(STAFF_7).willReturn(okJson(staffJson(7, "Standard")).withHeader("X-RateLimit-Limit", "60000")
        .withHeader("X-RateLimit-Remaining", "59876").withHeader("X-RateLimit-Reset", "1796342400")));
    SynergyClient client = client();
    assertThat(client.lastQuota()).isEmpty();

    client.staff().get(7);

    assertThat(client.lastQuota()).contains(Quota.builder().limit(60000).remaining(59876)
        .resetAt(Instant.ofEpochSecond(1796342400)).observedAt(NOW).build());
  }

  @Test
  void theDefaultPoliciesRetryWhatTheyShould() {
    SynergyApiException unavailable = SynergyApiException.forStatus(503, "x", null, "GET", "/p", java.util.Map.of(),
        null);
    SynergyTransportException reset = new SynergyTransportException("x", "GET", "/p", true, null);
    SynergyTransportException refused = new SynergyTransportException("x", "POST", "/p", false, null);

    assertThat(SynergyRetryPolicies.isRetryable(unavailable)).isTrue();
    assertThat(SynergyRetryPolicies.isRetryable(reset)).isTrue();
    assertThat(SynergyRetryPolicies.isSafeToResend(unavailable)).isFalse();
    assertThat(SynergyRetryPolicies.isSafeToResend(reset)).isFalse();
    assertThat(SynergyRetryPolicies.isSafeToResend(refused)).isTrue();
    assertThat(SynergyRetryPolicies.idempotent().getConfig().getMaxRetries()).isEqualTo(4);
  }
}
