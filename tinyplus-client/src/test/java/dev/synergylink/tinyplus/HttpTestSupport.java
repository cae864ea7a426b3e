package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server on a dynamic port, a client against it, and helpers to read what the client sent. */
abstract class HttpTestSupport {
  static final String TOKEN = "canary-tok3n-7f1d9a";
  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

  private static final List<AutoCloseable> TO_CLOSE = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .failOnUnmatchedRequests(true)
      .build();

  /** A builder against the server with the zone preset and retries that wait milliseconds, not seconds. */
  static TinyPlusClientBuilder builder() {
    return TinyPlusClient.builder()
        .baseUrl(WM.baseUrl() + "/v2")
        .tokenProvider(TokenProvider.of(TOKEN))
        .zone(SYDNEY)
        .retryPolicy(fastRetries(Duration.ofMillis(20)).build());
  }

  static dev.failsafe.RetryPolicyBuilder<Object> fastRetries(Duration maxRetryAfter) {
    return TinyPlusClientBuilder.defaultRetryPolicy(Duration.ofMillis(1), Duration.ofMillis(4), maxRetryAfter);
  }

  /** A client of {@link #builder()}, closed after the test. */
  static TinyPlusClient client() {
    return closing(builder().build());
  }

  /** {@code client}, closed after the test, as a host closes a client when done with it. */
  static <T extends AutoCloseable> T closing(T client) {
    TO_CLOSE.add(client);
    return client;
  }

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable client : TO_CLOSE) {
      client.close();
    }
    TO_CLOSE.clear();
  }

  static List<LoggedRequest> requests() {
    return WM.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }

  static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = requests();
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
    }
    return all.get(0);
  }

  /** The query parameters of a request, decoded, in the order sent. */
  static Map<String, String> query(LoggedRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    String url = request.getUrl();
    int q = url.indexOf('?');
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  static String path(LoggedRequest request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  static String page(int total, int start, int limit, String... records) {
    return "{\"total\":" + total + ",\"start\":" + start + ",\"limit\":" + limit + ",\"records\":["
        + String.join(",", records) + "]}";
  }

  static String project(long id, String modified) {
    return """
        {"id":%d,"name":"Project %d","project_number":null,"description":null,"state":"active","phase":null,
         "project_type":null,"assigned_user":null,"client_company":null,"value":null,"address":null,
         "record_status":"active","record_url":"https://crm.tiny.plus/projects/%d",
         "created_date":"2026-01-01 09:00:00","modified_date":"%s",
         "external_url":null,"remote_id":null,"sync_origin":null,"is_synced":false,"locked_fields":[]}"""
        .formatted(id, id, id, modified);
  }
}
