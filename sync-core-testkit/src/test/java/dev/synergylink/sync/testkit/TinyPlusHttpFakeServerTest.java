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

/** What only the HTTP fake server does, seen by a bare OkHttp client with its default settings. */
class TinyPlusHttpFakeServerTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
  private final TinyPlusBackend backend =
      new TinyPlusBackend(clock, ZoneId.of("Australia/Sydney"), 1, "Acme", 0);
  private TinyPlusHttpFakeServer server;
  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

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
  void everyAnswerCarriesItsOwnRequestId() throws IOException {
    java.util.List<String> ids = new java.util.ArrayList<>();
    Request list = new Request.Builder().url(server.baseUrl() + "companies").header("Authorization", server.token())
        .build();
    Request missing = new Request.Builder().url(server.baseUrl() + "companies/999999")
        .header("Authorization", server.token()).build();
    for (Request request : java.util.List.of(list, createCompany(), missing, list)) {
      try (Response response = http.newCall(request).execute()) {
        assertThat(response.code()).isIn(200, 201, 404);
        ids.add(response.header("X-Request-Id"));
      }
    }

    assertThat(ids).doesNotContainNull().allSatisfy(id -> assertThat(id).isNotBlank()).doesNotHaveDuplicates();
  }

  @Test
  void aTokenThatIsNotTheServersIs401() throws IOException {
    Request wrong = createCompany().newBuilder().header("Authorization", "not-" + server.token()).build();
    try (Response response = http.newCall(wrong).execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.header("X-Request-Id")).isNotBlank();
    }
    Request none = createCompany().newBuilder().removeHeader("Authorization").build();
    try (Response response = http.newCall(none).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
    assertThat(backend.all(TinyPlusBackend.Resource.COMPANIES)).isEmpty();
  }

  @Test
  void contactsFilterByTheirJoinedName() throws IOException {
    for (String body : new String[] {"{\"first_name\":\"Jo\",\"last_name\":\"Bloggs\"}",
        "{\"first_name\":\"Jo\"}", "{\"last_name\":\"Bloggs\"}"}) {
      Request create = new Request.Builder().url(server.baseUrl() + "contacts").header("Authorization", server.token())
          .post(RequestBody.create(body, MediaType.get("application/json"))).build();
      try (Response response = http.newCall(create).execute()) {
        assertThat(response.code()).isEqualTo(201);
      }
    }

    assertThat(listContacts("name=Jo%20Bloggs")).contains("\"total\":1").contains("\"name\":\"Jo Bloggs\"")
        .doesNotContain("\"name\":\"Jo\"");
    assertThat(listContacts("name=Jo")).contains("\"total\":1").contains("\"name\":\"Jo\"");
    assertThat(listContacts("name=%3EJo")).as("strictly after \"Jo\"").contains("\"total\":1")
        .contains("\"name\":\"Jo Bloggs\"");
    assertThat(listContacts("name=Bloggs%20Jo")).contains("\"total\":0");
  }

  private String listContacts(String query) throws IOException {
    Request list = new Request.Builder().url(server.baseUrl() + "contacts?" + query)
        .header("Authorization", server.token()).build();
    try (Response response = http.newCall(list).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().string();
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

  private Request post(String path, String json) {
    return new Request.Builder().url(server.baseUrl() + path).header("Authorization", server.token())
        .post(RequestBody.create(json, MediaType.get("application/json"))).build();
  }

  @Test
  void onlyGhostsCanBePostedAndReadOnlyMembersAreRefused() throws IOException {
    try (Response active = http.newCall(post("team_members", "{\"name\":\"Al\",\"record_status\":\"active\"}"))
        .execute()) {
      assertThat(active.code()).isEqualTo(400);
      assertThat(active.body().string()).contains("\"record_status\":[");
    }
    try (Response named = http.newCall(post("contacts", "{\"name\":\"Jo Bloggs\",\"first_name\":\"Jo\"}"))
        .execute()) {
      assertThat(named.code()).isEqualTo(400);
      assertThat(named.body().string()).contains("\"name\":[\"is read-only and cannot be sent.\"]");
    }
    try (Response deleted = http.newCall(post("projects", "{\"name\":\"P\",\"record_status\":\"deleted\"}"))
        .execute()) {
      assertThat(deleted.code()).isEqualTo(400);
    }
    assertThat(backend.writes()).isEmpty();
  }

  @Test
  void recordsCarryLocalTimesAndRelatedRecords() throws IOException {
    try (Response created = http.newCall(post("companies", "{\"name\":\"Acme\"}")).execute()) {
      assertThat(created.code()).isEqualTo(201);
    }
    Request list = new Request.Builder().url(server.baseUrl() + "contacts?first_name=Jo").header("Authorization",
        server.token()).build();
    try (Response contact = http.newCall(post("contacts",
        "{\"first_name\":\"Jo\",\"primary_company\":10001}")).execute()) {
      assertThat(contact.body().string()).contains("\"created_date\":\"2026-11-28 11:00:00\"")
          .contains("\"record_url\":\"https://crm.tiny.plus/contacts/20001\"");
    }
    try (Response listed = http.newCall(list).execute()) {
      assertThat(listed.body().string()).startsWith("{\"total\":1,\"start\":0,\"limit\":15,\"records\":[")
          .contains("\"related\":{\"primary_company\":{\"id\":10001,\"name\":\"Acme\"}}");
    }
  }

  @Test
  void theImplicitFlowIssuesATokenThatCanBeRevoked() throws IOException {
    Request authorize = new Request.Builder().url(server.authorizeUrl()
        + "?response_type=token&client_id=app&redirect_uri=https://app.example/cb&scope=readwrite&state=s1").build();
    String token;
    try (Response response = http.newCall(authorize).execute()) {
      assertThat(response.code()).isEqualTo(302);
      String location = response.header("Location");
      assertThat(location).startsWith("https://app.example/cb#token_type=Bearer&expires_in=").endsWith("&state=s1");
      token = location.substring(location.indexOf("access_token=") + 13, location.indexOf("&state"));
    }
    java.util.Map<String, Object> admin = new java.util.LinkedHashMap<>();
    admin.put("name", "Ada");
    admin.put("record_status", "active");
    backend.setMe((Long) backend.create(TinyPlusBackend.Resource.TEAM_MEMBERS, admin, FakeWrite.Source.WEB_APP)
        .get("id"));
    Request me = new Request.Builder().url(server.baseUrl() + "me").header("Authorization", token).build();
    try (Response response = http.newCall(me).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).contains("\"name\":\"Ada\"");
    }
    server.revoke(token);
    try (Response response = http.newCall(me).execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).contains("no scheme");
    }
  }
}
