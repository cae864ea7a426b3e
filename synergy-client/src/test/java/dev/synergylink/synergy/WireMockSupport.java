package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.failsafe.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the WireMock tests share: a server on a dynamic port, a client against it with tiny backoff and a
 * sleeper that records instead of sleeping, and JSON of the contract's records.
 */
abstract class WireMockSupport {
  static final String ORG = "acme";
  static final String API = "/api/v2/Organisation/acme";
  static final String KEY = "test-api-key-1";
  static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");

  @RegisterExtension
  final WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .failOnUnmatchedRequests(true)
      .build();

  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable client : toClose) {
      client.close();
    }
  }

  /** {@code client}, closed after the test, as a host closes a client when done with it. */
  <T extends AutoCloseable> T closing(T client) {
    toClose.add(client);
    return client;
  }

  @AfterEach
  void noUnmatchedRequests() {
    org.assertj.core.api.Assertions.assertThat(wm.findAllUnmatchedRequests()).isEmpty();
  }

  String baseUrl() {
    return wm.baseUrl() + "/api/v2";
  }

  /** A client with tiny backoff, a fast throttle and a recording sleeper; the API key by default. */
  SynergyClientBuilder builder() {
    return SynergyClient.builder()
        .baseUrl(baseUrl())
        .webAppUrl("https://app.totalsynergy.com")
        .organisation(ORG)
        .apiKey(KEY)
        .clock(clock)
        .okHttpClient(http(30_000))
        .retryPolicy(SynergyRetryPolicies.idempotent(Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofSeconds(60), 4).build())
        .createRetryPolicy(SynergyRetryPolicies.creates(Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofSeconds(60), 4).build())
        .rateLimiter(RateLimiter.smoothBuilder(1000, Duration.ofSeconds(1)).withMaxWaitTime(Duration.ofSeconds(5))
            .build())
        .sleeper(sleeps::add);
  }

  SynergyClient client() {
    return closing(builder().build());
  }

  static OkHttpClient http(long readTimeoutMillis) {
    return new OkHttpClient.Builder().readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS).build();
  }

  static String projectJson(long id, String name) {
    return "{\"id\":" + id + ",\"projectNumber\":\"P" + String.format("%05d", id) + "\",\"name\":\"" + name + "\","
        + "\"statusId\":3,\"status\":\"Active - Documentation\",\"statusType\":\"Active\","
        + "\"primaryContactId\":42,\"projectType\":\"Commercial\",\"managerId\":7,"
        + "\"address\":{\"address1\":\"1 Main St\",\"address2\":null,\"town\":\"Sydney\",\"state\":\"NSW\","
        + "\"zipCode\":\"2000\",\"country\":\"Australia\"},"
        + "\"scope\":\"Fit-out\",\"totalFee\":12500.50,"
        + "\"stages\":[{\"id\":11,\"name\":\"Fee\",\"fee\":10000.00},{\"id\":12,\"name\":\"Extra\",\"fee\":2500.50}],"
        + "\"externalReference\":\"tp-" + id + "\",\"isActive\":true,"
        + "\"createdDate\":\"2026-11-01T02:03:04.005Z\",\"modifiedDate\":\"2026-11-27T10:11:12.345Z\"}";
  }

  static String contactJson(long id, String name) {
    return "{\"id\":" + id + ",\"contactType\":\"Company\",\"name\":\"" + name + "\","
        + "\"officeAddress\":{\"address1\":\"2 Side St\",\"town\":\"Perth\",\"state\":\"WA\"},"
        + "\"email\":\"office@acme.example\",\"website\":\"https://acme.example\",\"abn\":\"51 824 753 556\","
        + "\"mobile\":\"0400 000 000\",\"phone\":\"08 9000 0000\",\"twitter\":\"@acme\","
        + "\"externalReference\":null,\"isActive\":true,"
        + "\"createdDate\":\"2026-10-01T00:00:00.000Z\",\"modifiedDate\":\"2026-11-27T00:00:00.001Z\"}";
  }

  static String personnelJson(long id, String firstName) {
    return "{\"id\":" + id + ",\"parentContactId\":42,\"firstName\":\"" + firstName + "\",\"lastName\":\"Ng\","
        + "\"title\":\"Director\",\"phone\":\"02 1111 1111\",\"email\":\"zoe@acme.example\",\"website\":null,"
        + "\"mobile\":\"0411 111 111\",\"officePhone\":\"02 2222 2222\",\"twitter\":null,"
        + "\"externalReference\":\"tp-c-" + id + "\",\"isActive\":true,"
        + "\"createdDate\":\"2026-09-01T00:00:00.000Z\",\"modifiedDate\":\"2026-11-20T00:00:00.000Z\"}";
  }

  static String staffJson(long id, String level) {
    return "{\"id\":" + id + ",\"firstName\":\"Sam\",\"lastName\":\"Lee\",\"email\":\"sam@firm.example\","
        + "\"workPhone\":\"02 3333 3333\",\"mobile\":null,\"jobTitle\":\"Architect\",\"securityLevel\":\"" + level
        + "\",\"isActive\":true,"
        + "\"createdDate\":\"2025-01-01T00:00:00.000Z\",\"modifiedDate\":\"2026-11-01T00:00:00.000Z\"}";
  }

  static String list(long total, String... items) {
    return "{\"items\":[" + String.join(",", items) + "],\"totalItems\":" + total + "}";
  }
}
