package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How faults look on the wire, seen by a bare OkHttp client with its default settings. */
class WireFaultTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
  private final TinyPlusBackend backend =
      new TinyPlusBackend(clock, ZoneId.of("Australia/Sydney"), 1, "Acme", 0);
  private TinyPlusHttpFakeServer server;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() {
    server = TinyPlusHttpFakeServer.start(backend);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Request createCompany() {
    return new Request.Builder().url(server.baseUrl() + "companies")
        .header("Authorization", server.token())
        .post(RequestBody.create("{\"name\":\"Acme Pty Ltd\"}", MediaType.get("application/json")))
        .build();
  }

  @Test
  void anAmbiguousCreateIsMadeOnceAndTheCallerCannotReadTheAnswer() throws IOException {
    // a pooled connection first: OkHttp silently resends a request when such a connection dies before any answer
    Request list = new Request.Builder().url(server.baseUrl() + "companies").header("Authorization", server.token())
        .build();
    try (Response response = http.newCall(list).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    backend.faults.on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.ambiguousCreate());

    assertThatThrownBy(() -> {
      try (Response response = http.newCall(createCompany()).execute()) {
        response.body().string();
      }
    }).isInstanceOf(IOException.class);

    assertThat(backend.calls.count(TinyPlusOperation.CREATE_COMPANY)).isEqualTo(1);
    assertThat(backend.all(TinyPlusBackend.Resource.COMPANIES)).hasSize(1);
  }

  @Test
  void aTimeoutCreatesNothing() {
    backend.faults.on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.timeout());

    assertThatThrownBy(() -> {
      try (Response response = http.newCall(createCompany()).execute()) {
        response.body().string();
      }
    }).isInstanceOf(IOException.class);

    assertThat(backend.calls.count(TinyPlusOperation.CREATE_COMPANY)).isEqualTo(1);
    assertThat(backend.all(TinyPlusBackend.Resource.COMPANIES)).isEmpty();
  }

  @Test
  void aWrongTokenOrABearerPrefixIs401WithARequestId() throws IOException {
    Request bearer = createCompany().newBuilder().header("Authorization", "Bearer " + server.token()).build();
    try (Response response = http.newCall(bearer).execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.header("X-Request-Id")).isNotBlank();
      assertThat(response.body().string()).contains("\"message\"").doesNotContain(server.token());
    }
  }

  @Test
  void rateLimitedAnswers429WithRetryAfter() throws IOException {
    backend.enforcePerMinuteLimit(1);
    try (Response first = http.newCall(createCompany()).execute()) {
      assertThat(first.code()).isEqualTo(201);
      assertThat(first.body().string()).contains("\"modified_date\":\"2026-11-28 11:00:00\"");
    }
    clock.advance(java.time.Duration.ofSeconds(15));
    try (Response second = http.newCall(createCompany()).execute()) {
      assertThat(second.code()).isEqualTo(429);
      assertThat(second.header("Retry-After")).isEqualTo("45");
    }
  }
}
