package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The exact request of every endpoint: method, path, query, headers and body (absent vs null). */
class EndpointRequestsTest extends HttpTestSupport {
  private static final String COMPANY = """
      {"id":3,"name":"Acme Pty Ltd","physical_address":{"street":"1 George St","suburb":"Sydney","state":"NSW",
       "postcode":"2000","country":"Australia"},"email":"info@acme.example","website":null,"abn":"51824753556",
       "mobile":null,"office_phone":"02 9000 0000","twitter":null,"record_status":"prospect",
       "created_date":"2026-03-01 10:00:00","modified_date":"2026-03-02 11:30:15",
       "remote_id":"c-9","sync_origin":"synergy:org-1","is_synced":true,"locked_fields":["name","email"],
       "external_url":"https://app.synergy.example/contacts/9","related":{"contacts":[]}}""";
  private static final String CONTACT = """
      {"id":4,"name":"Zoë Ng","first_name":"Zoë","last_name":"Ng","role":null,"direct":null,
       "email_address":"zoe@acme.example","website":null,"mobile":"0400 000 000","office_phone":null,"twitter":null,
       "primary_company":3,"record_status":"active","created_date":"2026-03-01 10:00:00",
       "modified_date":"2026-03-01 10:00:00"}""";
  private static final String MEMBER = """
      {"id":5,"name":"Kim Lee","email":"kim@example.com","direct":null,"mobile":null,"title":"Associate",
       "record_status":"ghost","account_admin":false,"created_date":"2026-03-01 10:00:00",
       "modified_date":"2026-03-01 10:00:00","remote_id":"s-1","sync_origin":"synergy:org-1","is_synced":true,
       "locked_fields":[]}""";

  private static void answer(int status, String body) {
    WM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-1").withBody(body)));
  }

  private static LoggedRequest sent(String method, String path, Consumer<LoggedRequest> more) {
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().value()).isEqualTo(method);
    assertThat(path(request)).isEqualTo(path);
    assertThat(request.getHeader("Authorization")).isEqualTo(TOKEN);
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    more.accept(request);
    return request;
  }

  private static String body(LoggedRequest request) {
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    return request.getBodyAsString();
  }

  @Test
  void account_sendsRawTokenAndReadsZone() {
    answer(200, "{\"id\":7,\"name\":\"Studio\",\"timezone\":\"Australia/Sydney\",\"currency\":\"AUD\"}");

    Account account = client().account();

    sent("GET", "/v2/account", r -> assertThat(query(r)).isEmpty());
    assertThat(account).isEqualTo(Account.builder().id(7).name("Studio").timezone(SYDNEY).currency("AUD").build());
  }

  @Test
  void me_readsTheTeamMember() {
    answer(200, MEMBER.replace("\"account_admin\":false", "\"account_admin\":true"));

    TeamMember me = client().me();

    sent("GET", "/v2/me", r -> assertThat(query(r)).isEmpty());
    assertThat(me.accountAdmin()).isTrue();
    assertThat(me.recordStatus()).isEqualTo(TeamMemberStatus.GHOST);
  }

  @Test
  void projectList_sendsEveryFilterInOrderAndWithRelatedZero() {
    answer(200, page(1, 20, 10, project(1, "2026-06-01 12:00:00")));

    Page<Project> page = client().projects().list(ProjectQuery.builder()
        .start(20).limit(10).sort(Sort.MODIFIED_DATE_ASC)
        .modifiedAfter(Instant.parse("2026-06-01T02:00:00Z"))
        .recordStatus(RecordStatus.ARCHIVED).remoteId("p-1").syncOrigin("synergy:org-1")
        .build());

    sent("GET", "/v2/projects", r -> assertThat(query(r)).containsExactly(
        entry("limit", "10"), entry("start", "20"), entry("sort", "modified_date asc"), entry("with_related", "0"),
        entry("modified_date", ">2026-06-01 12:00:00"), entry("record_status", "archived"),
        entry("remote_id", "p-1"), entry("sync_origin", "synergy:org-1")));
    assertThat(page.records()).extracting(Project::id).containsExactly(1L);
  }

  @Test
  void projectList_withDefaults_sendsOnlyPagingAndWithRelated() {
    answer(200, page(0, 0, 100));

    client().projects().list(ProjectQuery.builder().build());

    sent("GET", "/v2/projects", r -> assertThat(query(r)).containsExactly(
        entry("limit", "100"), entry("start", "0"), entry("with_related", "0")));
  }

  @Test
  void projectList_withRelatedAskedFor_sendsOne() {
    answer(200, page(0, 0, 100));

    client().projects().list(ProjectQuery.builder().withRelated(true).build());

    sent("GET", "/v2/projects", r -> assertThat(query(r)).contains(entry("with_related", "1")));
  }

  @Test
  void projectGet_readsEveryMember() {
    answer(200, """
        {"id":12,"name":"Harbour Bridge","project_number":"P-0012","description":"Repaint","state":"won",
         "phase":4,"project_type":"Infrastructure","assigned_user":5,"client_company":3,"value":1234567.89,
         "address":{"street":"1 Bradfield Hwy","suburb":"Dawes Point","state":"NSW","postcode":"2000","country":null},
         "record_status":"active","record_url":"https://crm.tiny.plus/projects/12",
         "created_date":"2026-02-01 09:00:00","modified_date":"2026-02-03 17:45:30",
         "external_url":"https://app.synergy.example/projects/77","remote_id":"77","sync_origin":"synergy:org-1",
         "is_synced":true,"locked_fields":["project_number","client_company"],"related":{"client_company":{}}}""");

    Project p = client().projects().get(12);

    sent("GET", "/v2/projects/12", r -> assertThat(query(r)).containsExactly(entry("with_related", "0")));
    assertThat(p).isEqualTo(Project.builder()
        .id(12).name("Harbour Bridge").projectNumber("P-0012").description("Repaint").state(ProjectState.WON)
        .phase(4L).projectType("Infrastructure").assignedUser(5L).clientCompany(3L)
        .value(new BigDecimal("1234567.89"))
        .address(Address.builder().street("1 Bradfield Hwy").suburb("Dawes Point").state("NSW").postcode("2000")
            .build())
        .recordStatus(RecordStatus.ACTIVE).recordUrl("https://crm.tiny.plus/projects/12")
        .createdDate(Instant.parse("2026-01-31T22:00:00Z"))   // 09:00 AEDT (+11)
        .modifiedDate(Instant.parse("2026-02-03T06:45:30Z"))
        .externalUrl("https://app.synergy.example/projects/77").remoteId("77").syncOrigin("synergy:org-1")
        .isSynced(true).lockedFields(List.of("project_number", "client_company"))
        .build());
  }

  @Test
  void projectCreate_sendsExactlyTheSetMembersWithNulls() {
    answer(201, project(13, "2026-06-01 12:00:00"));

    client().projects().create(ProjectCreate.builder()
        .name("Harbour Bridge").state(ProjectState.PROPOSED).value(new BigDecimal("1000.50")).description(null)
        .address(Address.builder().street("1 Bradfield Hwy").build())
        .remoteId("77").syncOrigin("synergy:org-1").isSynced(true).lockedFields(List.of("project_number"))
        .externalUrl("https://app.synergy.example/projects/77")
        .build());

    LoggedRequest r = sent("POST", "/v2/projects", x -> assertThat(query(x)).isEmpty());
    assertThat(body(r)).isEqualTo("{\"name\":\"Harbour Bridge\",\"state\":\"proposed\",\"value\":1000.50,"
        + "\"description\":null,\"address\":{\"street\":\"1 Bradfield Hwy\",\"suburb\":null,\"state\":null,"
        + "\"postcode\":null,\"country\":null},\"remote_id\":\"77\",\"sync_origin\":\"synergy:org-1\","
        + "\"is_synced\":true,\"locked_fields\":[\"project_number\"],"
        + "\"external_url\":\"https://app.synergy.example/projects/77\"}");
  }

  @Test
  void projectPatch_sendsOnlyTheGivenMembers_nullClears() {
    answer(200, project(13, "2026-06-01 12:00:00"));

    client().projects().patch(13, ProjectPatch.builder()
        .projectNumber(null).assignedUser(5L).clientCompany(null).phase(2L).projectType("Commercial")
        .recordStatus(RecordStatus.ARCHIVED).remoteId(null).build());

    LoggedRequest r = sent("PATCH", "/v2/projects/13", x -> assertThat(query(x)).isEmpty());
    assertThat(body(r)).isEqualTo("{\"project_number\":null,\"assigned_user\":5,\"client_company\":null,"
        + "\"phase\":2,\"project_type\":\"Commercial\",\"record_status\":\"archived\",\"remote_id\":null}");
  }

  @Test
  void projectPatch_empty_sendsAnEmptyObject() {
    answer(200, project(13, "2026-06-01 12:00:00"));

    client().projects().patch(13, ProjectPatch.builder().build());

    assertThat(body(sent("PATCH", "/v2/projects/13", x -> {}))).isEqualTo("{}");
  }

  @Test
  void projectDelete_isASoftDelete() {
    answer(200, project(13, "2026-06-01 12:00:00").replace("\"record_status\":\"active\"",
        "\"record_status\":\"deleted\""));

    Project deleted = client().projects().delete(13);

    sent("DELETE", "/v2/projects/13", x -> assertThat(query(x)).isEmpty());
    assertThat(deleted.recordStatus()).isEqualTo(RecordStatus.DELETED);
  }

  @Test
  void companyEndpoints() {
    answer(200, COMPANY);
    Company c = client().companies().get(3);
    sent("GET", "/v2/companies/3", x -> assertThat(query(x)).containsExactly(entry("with_related", "0")));
    assertThat(c.physicalAddress().suburb()).isEqualTo("Sydney");
    assertThat(c.recordStatus()).isEqualTo(RecordStatus.PROSPECT);
    assertThat(c.lockedFields()).containsExactly("name", "email");
    assertThat(c.officePhone()).isEqualTo("02 9000 0000");

    WM.resetAll();
    answer(200, page(1, 0, 100, COMPANY));
    client().companies().list(CompanyQuery.builder().remoteId("c-9").build());
    sent("GET", "/v2/companies", x -> assertThat(query(x)).containsExactly(
        entry("limit", "100"), entry("start", "0"), entry("with_related", "0"), entry("remote_id", "c-9")));

    WM.resetAll();
    answer(201, COMPANY);
    client().companies().create(CompanyCreate.builder().name("Acme Pty Ltd").abn("51824753556")
        .recordStatus(RecordStatus.PROSPECT).physicalAddress(null).build());
    assertThat(body(sent("POST", "/v2/companies", x -> {}))).isEqualTo(
        "{\"name\":\"Acme Pty Ltd\",\"abn\":\"51824753556\",\"record_status\":\"prospect\","
            + "\"physical_address\":{\"street\":null,\"suburb\":null,\"state\":null,\"postcode\":null,"
            + "\"country\":null}}");

    WM.resetRequests();
    client().companies().patch(3, CompanyPatch.builder().website(null).twitter("@acme").email("a@acme.example")
        .officePhone(null).mobile("0400").build());
    assertThat(body(sent("PATCH", "/v2/companies/3", x -> {}))).isEqualTo(
        "{\"website\":null,\"twitter\":\"@acme\",\"email\":\"a@acme.example\",\"office_phone\":null,"
            + "\"mobile\":\"0400\"}");

    WM.resetRequests();
    client().companies().delete(3);
    sent("DELETE", "/v2/companies/3", x -> {});
  }

  @Test
  void contactEndpoints() {
    answer(200, page(1, 0, 100, CONTACT));
    Page<Contact> page = client().contacts().list(ContactQuery.builder().primaryCompany(3L)
        .recordStatus(RecordStatus.ACTIVE).build());
    sent("GET", "/v2/contacts", x -> assertThat(query(x)).containsExactly(
        entry("limit", "100"), entry("start", "0"), entry("with_related", "0"), entry("record_status", "active"),
        entry("primary_company", "3")));
    assertThat(page.records().get(0).name()).isEqualTo("Zoë Ng");
    assertThat(page.records().get(0).primaryCompany()).isEqualTo(3L);

    WM.resetAll();
    answer(200, CONTACT);
    client().contacts().get(4);
    sent("GET", "/v2/contacts/4", x -> assertThat(query(x)).containsExactly(entry("with_related", "0")));

    WM.resetRequests();
    client().contacts().create(ContactCreate.builder().firstName("Zoë").lastName("Ng").primaryCompany(3L)
        .emailAddress("zoe@acme.example").build());
    assertThat(body(sent("POST", "/v2/contacts", x -> {}))).isEqualTo(
        "{\"first_name\":\"Zoë\",\"last_name\":\"Ng\",\"primary_company\":3,\"email_address\":\"zoe@acme.example\"}");

    WM.resetRequests();
    client().contacts().patch(4, ContactPatch.builder().role("Director").direct(null).primaryCompany(null).build());
    assertThat(body(sent("PATCH", "/v2/contacts/4", x -> {}))).isEqualTo(
        "{\"role\":\"Director\",\"direct\":null,\"primary_company\":null}");

    WM.resetRequests();
    client().contacts().delete(4);
    sent("DELETE", "/v2/contacts/4", x -> {});
  }

  @Test
  void teamMemberEndpoints() {
    answer(200, page(1, 0, 100, MEMBER));
    client().teamMembers().list(TeamMemberQuery.builder().email("kim@example.com")
        .recordStatus(TeamMemberStatus.GHOST).build());
    sent("GET", "/v2/team_members", x -> assertThat(query(x)).containsExactly(
        entry("limit", "100"), entry("start", "0"), entry("with_related", "0"), entry("record_status", "ghost"),
        entry("email", "kim@example.com")));

    WM.resetAll();
    answer(200, MEMBER);
    TeamMember member = client().teamMembers().get(5);
    sent("GET", "/v2/team_members/5", x -> assertThat(query(x)).containsExactly(entry("with_related", "0")));
    assertThat(member.title()).isEqualTo("Associate");

    WM.resetAll();
    answer(201, MEMBER);
    client().teamMembers().createGhost(TeamMemberCreate.builder().name("Kim Lee").email("kim@example.com")
        .remoteId("s-1").syncOrigin("synergy:org-1").build());
    assertThat(body(sent("POST", "/v2/team_members", x -> {}))).isEqualTo(
        "{\"name\":\"Kim Lee\",\"email\":\"kim@example.com\",\"remote_id\":\"s-1\",\"sync_origin\":\"synergy:org-1\","
            + "\"record_status\":\"ghost\"}");

    WM.resetRequests();
    client().teamMembers().patch(5, TeamMemberPatch.builder().title(null).mobile("0411")
        .recordStatus(TeamMemberStatus.DEACTIVATED).build());
    assertThat(body(sent("PATCH", "/v2/team_members/5", x -> {}))).isEqualTo(
        "{\"title\":null,\"mobile\":\"0411\",\"record_status\":\"deactivated\"}");
  }

  @Test
  void projectPhasesList() {
    answer(200, page(2, 0, 100,
        "{\"id\":1,\"name\":\"Lead\",\"state\":\"proposed\",\"sort_order\":1}",
        "{\"id\":2,\"name\":\"Concept Design\",\"state\":\"active\"}"));

    Page<ProjectPhase> page = client().projectPhases().list(ListQuery.firstPage());

    sent("GET", "/v2/project_phases", x -> assertThat(query(x)).containsExactly(entry("limit", "100"),
        entry("start", "0")));
    assertThat(page.records()).containsExactly(
        ProjectPhase.builder().id(1).name("Lead").state(ProjectState.PROPOSED).sortOrder(1).build(),
        ProjectPhase.builder().id(2).name("Concept Design").state(ProjectState.ACTIVE).build());
  }

  @Test
  void projectTypesListAndCreate() {
    answer(200, page(1, 0, 50, "{\"id\":1,\"name\":\"Commercial\"}"));
    Page<ProjectType> page = client().projectTypes().list(ListQuery.builder().limit(50).build());
    sent("GET", "/v2/project_types", x -> assertThat(query(x)).containsExactly(entry("limit", "50"),
        entry("start", "0")));
    assertThat(page.records()).containsExactly(ProjectType.builder().id(1).name("Commercial").build());

    WM.resetAll();
    answer(201, "{\"id\":2,\"name\":\"Education\"}");
    ProjectType created = client().projectTypes().create("Education");
    assertThat(body(sent("POST", "/v2/project_types", x -> {}))).isEqualTo("{\"name\":\"Education\"}");
    assertThat(created.id()).isEqualTo(2);
  }
}
