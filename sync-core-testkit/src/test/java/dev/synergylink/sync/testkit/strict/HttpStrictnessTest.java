package dev.synergylink.sync.testkit.strict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.synergylink.sync.testkit.ContractViolation;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.CompanyCreate;
import java.io.IOException;
import java.time.Instant;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP fake servers are as strict as the contracts about what only the wire shows (media types, methods,
 * paths, credentials, query parameters), and record each refusal in the fake's contract violations.
 */
class HttpStrictnessTest {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final MediaType MERGE_PATCH = MediaType.get("application/merge-patch+json");

  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final SynergyHttpFakeServer synergyServer = SynergyHttpFakeServer.start(synergy);
  private final TinyPlusHttpFakeServer tinyPlusServer = TinyPlusHttpFakeServer.start(tinyPlus);
  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

  @AfterEach
  void stop() {
    synergyServer.close();
    tinyPlusServer.close();
  }

  private Request.Builder synergy(String path) {
    return new Request.Builder().url(synergyServer.baseUrl() + "Organisation/" + synergy.organisation() + path)
        .header("access-token", synergyServer.apiKey());
  }

  private Request.Builder tinyPlus(String path) {
    return new Request.Builder().url(tinyPlusServer.baseUrl() + path).header("Authorization", tinyPlusServer.token());
  }

  private Answer send(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      return new Answer(response.code(), response.header("Allow"), response.body().string());
    }
  }

  private record Answer(int status, String allow, String body) {}

  @Test
  void aSynergyPostThatIsNotJsonIs400AndRecorded() throws IOException {
    Answer answer = send(synergy("/Contacts")
        .post(RequestBody.create("{\"name\":\"Acme\"}", MediaType.get("text/plain"))).build());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("application/json");
    assertThat(synergy.webApp().contacts()).isEmpty();
    assertThat(synergy.contractViolations()).singleElement().satisfies(v -> {
      assertThat(v.method()).isEqualTo("POST");
      assertThat(v.path()).isEqualTo("/Organisation/test-org/Contacts");
      assertThat(v.status()).isEqualTo(400);
      assertThat(v.rule()).isEqualTo("The Content-Type must be application/json, was text/plain; charset=utf-8.");
    });
  }

  @Test
  void aSynergyPatchMustBeAMergePatch() throws IOException {
    long id = synergy.webApp().createContact(ContactCreate.builder().name("Acme").build()).id();

    Answer plainJson = send(synergy("/Contacts/" + id)
        .patch(RequestBody.create("{\"name\":\"Acme Pty Ltd\"}", JSON)).build());
    Answer mergePatch = send(synergy("/Contacts/" + id)
        .patch(RequestBody.create("{\"name\":\"Acme Pty Ltd\"}", MERGE_PATCH)).build());

    assertThat(plainJson.status()).isEqualTo(400);
    assertThat(mergePatch.status()).isEqualTo(200);
    assertThat(synergy.webApp().contact(id).name()).isEqualTo("Acme Pty Ltd");
    assertThat(synergy.contractViolations()).extracting(ContractViolation::toString).containsExactly(
        "PATCH /Organisation/test-org/Contacts/" + id + " -> 400 The Content-Type must be"
            + " application/merge-patch+json, was application/json; charset=utf-8.");
  }

  @Test
  void aTinyPlusWriteMustBeJsonAPatchIncluded() throws IOException {
    long id = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build()).id();

    Answer form = send(tinyPlus("companies")
        .post(RequestBody.create("name=Acme", MediaType.get("application/x-www-form-urlencoded"))).build());
    Answer mergePatch = send(tinyPlus("companies/" + id)
        .patch(RequestBody.create("{\"name\":\"Acme Pty Ltd\"}", MERGE_PATCH)).build());
    Answer json = send(tinyPlus("companies/" + id).patch(RequestBody.create("{\"name\":\"Acme Pty Ltd\"}", JSON))
        .build());

    assertThat(form.status()).isEqualTo(400);
    assertThat(mergePatch.status()).isEqualTo(400);
    assertThat(json.status()).isEqualTo(200);
    assertThat(tinyPlus.webApp().companies()).hasSize(1);
    assertThat(tinyPlus.contractViolations()).extracting(ContractViolation::method, ContractViolation::path)
        .containsExactly(tuple("POST", "/companies"),
            tuple("PATCH", "/companies/" + id));
  }

  @Test
  void a405NamesTheAllowedMethods() throws IOException {
    Answer staffCreate = send(synergy("/Staff").post(RequestBody.create("{}", JSON)).build());
    Answer staffPatch = send(synergy("/Staff/" + SynergyFake.ADMIN_STAFF_ID)
        .patch(RequestBody.create("{}", MERGE_PATCH)).build());
    Answer projectDelete = send(synergy("/Projects/5001").delete().build());
    Answer memberDelete = send(tinyPlus("team_members/" + TinyPlusFake.ADMIN_ID).delete().build());
    Answer typePatch = send(tinyPlus("project_types").put(RequestBody.create("{}", JSON)).build());

    assertThat(staffCreate).extracting(Answer::status, Answer::allow).containsExactly(405, "GET");
    assertThat(staffPatch).extracting(Answer::status, Answer::allow).containsExactly(405, "GET");
    assertThat(projectDelete).extracting(Answer::status, Answer::allow).containsExactly(405, "GET, PATCH");
    assertThat(memberDelete).extracting(Answer::status, Answer::allow).containsExactly(405, "GET, PATCH");
    assertThat(typePatch).extracting(Answer::status, Answer::allow).containsExactly(405, "GET, POST");
    assertThat(synergy.contractViolations()).extracting(ContractViolation::status).containsExactly(405, 405, 405);
    assertThat(tinyPlus.contractViolations()).extracting(ContractViolation::toString).containsExactly(
        "DELETE /team_members/1 -> 405 DELETE is not allowed on /v2/team_members/1; allowed: GET, PATCH.",
        "PUT /project_types -> 405 PUT is not allowed on /v2/project_types; allowed: GET, POST.");
  }

  @Test
  void aPathOrACredentialOutsideTheContractIsRecordedButAnUnknownTokenIsNot() throws IOException {
    Answer noSuchPath = send(tinyPlus("invoices").build());
    Answer textId = send(tinyPlus("companies/acme").build());
    Answer bearer = send(tinyPlus("companies").header("Authorization", "Bearer " + tinyPlusServer.token()).build());
    Answer unknownToken = send(tinyPlus("companies").header("Authorization", "revoked-token").build());
    Answer noToken = send(synergy("/Contacts").removeHeader("access-token").build());
    Answer missingRecord = send(synergy("/Contacts/424242").build());

    assertThat(noSuchPath.status()).isEqualTo(404);
    assertThat(textId.status()).isEqualTo(404);
    assertThat(bearer.status()).isEqualTo(401);
    assertThat(unknownToken.status()).isEqualTo(401);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(missingRecord.status()).isEqualTo(404);
    assertThat(tinyPlus.contractViolations()).extracting(ContractViolation::path, ContractViolation::status)
        .containsExactly(tuple("/invoices", 404),
            tuple("/companies/acme", 404),
            tuple("/companies", 401));
    assertThat(synergy.contractViolations()).extracting(ContractViolation::rule)
        .containsExactly("The access-token header is missing.");
    assertThat(tinyPlus.contractViolations().toString()).doesNotContain(tinyPlusServer.token());
  }

  @Test
  void queryParametersOutsideTheirSchemasAre400() throws IOException {
    String longReference = "x".repeat(101);
    Answer reference = send(synergy("/Contacts?criteria.externalReference=" + longReference).build());
    Answer withRelated = send(tinyPlus("team_members/1?with_related=2").build());
    Answer memberStatus = send(tinyPlus("team_members?record_status=deleted").build());

    assertThat(reference.status()).isEqualTo(400);
    assertThat(withRelated.status()).isEqualTo(400);
    assertThat(memberStatus.status()).isEqualTo(400);
    assertThat(synergy.contractViolations()).extracting(ContractViolation::rule)
        .containsExactly("criteria.externalReference: must be at most 100 characters.");
    assertThat(tinyPlus.contractViolations()).extracting(ContractViolation::rule).containsExactly(
        "with_related: must be 0 or 1.", "record_status: must be one of active, ghost, deactivated.");
  }

  @Test
  void anOAuthRequestMustBeAFormAndUseIsPost() throws IOException {
    Request json = new Request.Builder().url(synergyServer.baseUrl() + "OAuth2/RefreshAccessToken")
        .post(RequestBody.create("{\"refresh_token\":\"x\"}", JSON)).build();
    Request get = new Request.Builder().url(synergyServer.baseUrl() + "OAuth2/RefreshAccessToken").build();
    Request unknownGrant = new Request.Builder().url(synergyServer.baseUrl() + "OAuth2/RefreshAccessToken")
        .post(new okhttp3.FormBody.Builder().add("applicationKey", synergyServer.applicationKey())
            .add("applicationSecret", synergyServer.applicationSecret()).add("refresh_token", "rt-unknown")
            .add("grant_type", "refresh_token").build()).build();

    assertThat(send(json).status()).isEqualTo(400);
    assertThat(send(get)).extracting(Answer::status, Answer::allow).containsExactly(405, "POST");
    assertThat(send(unknownGrant).status()).isEqualTo(400);
    // a refresh token that is unknown or expired is no contract broken: the caller could not know
    assertThat(synergy.contractViolations()).extracting(ContractViolation::method, ContractViolation::status)
        .containsExactly(tuple("POST", 400),
            tuple("GET", 405));
  }

  @Test
  void anEmptyNameIs400InATinyPlusPatchToo() throws IOException {
    long id = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build()).id();

    Answer company = send(tinyPlus("companies/" + id).patch(RequestBody.create("{\"name\":\"\"}", JSON)).build());
    Answer member = send(tinyPlus("team_members/" + TinyPlusFake.ADMIN_ID)
        .patch(RequestBody.create("{\"name\":\"\"}", JSON)).build());

    assertThat(company.status()).isEqualTo(400);
    assertThat(member.status()).isEqualTo(400);
    assertThat(tinyPlus.webApp().company(id).name()).isEqualTo("Acme");
    assertThat(tinyPlus.contractViolations()).extracting(ContractViolation::rule)
        .containsExactly("name: must not be empty.", "name: must not be empty.");
  }

  @Test
  void aNullAddressIs400OnBothSides() throws IOException {
    long id = synergy.webApp().createContact(ContactCreate.builder().name("Acme").build()).id();
    long company = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme").build()).id();

    Answer synergyNull = send(synergy("/Contacts/" + id)
        .patch(RequestBody.create("{\"officeAddress\":null}", MERGE_PATCH)).build());
    Answer synergyNulls = send(synergy("/Contacts/" + id)
        .patch(RequestBody.create("{\"officeAddress\":{\"address1\":null,\"town\":null}}", MERGE_PATCH)).build());
    Answer tinyPlusNull = send(tinyPlus("companies/" + company)
        .patch(RequestBody.create("{\"physical_address\":null}", JSON)).build());

    assertThat(synergyNull.status()).isEqualTo(400);
    assertThat(synergyNulls.status()).isEqualTo(200);
    assertThat(tinyPlusNull.status()).isEqualTo(400);
    assertThat(synergy.contractViolations()).extracting(ContractViolation::rule).containsExactly("officeAddress:"
        + " must be an object, not null: to clear it, send an object whose members are all null.");
    assertThat(tinyPlus.contractViolations()).extracting(ContractViolation::rule).containsExactly("physical_address:"
        + " must be an object, not null: to clear it, send an object whose members are all null.");
  }
}
