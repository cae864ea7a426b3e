package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint of the contract: the exact request sent and the mapping of the answer. */
class EndpointsTest extends WireMockSupport {

  @Test
  void currentUser() {
    wm.stubFor(get(API + "/CurrentUser").willReturn(okJson("{\"staffId\":7,\"firstName\":\"Sam\","
        + "\"lastName\":\"Lee\",\"email\":\"sam@firm.example\",\"securityLevel\":\"Administrator\"}")));

    CurrentUser user = client().currentUser();

    assertThat(user).isEqualTo(CurrentUser.builder().staffId(7).firstName("Sam").lastName("Lee")
        .email("sam@firm.example").securityLevel(SecurityLevel.ADMINISTRATOR).build());
    wm.verify(1, getRequestedFor(urlEqualTo(API + "/CurrentUser")).withHeader("access-token", equalTo(KEY)));
  }

  @Test
  void projectStatuses() {
    wm.stubFor(get(API + "/ProjectStatuses").willReturn(okJson(list(2,
        "{\"id\":1,\"name\":\"Proposal - 50%\",\"statusType\":\"Proposal\",\"likelihood\":50,\"isActive\":true}",
        "{\"id\":2,\"name\":\"Pending\",\"statusType\":\"PendingInvoice\",\"likelihood\":null,"
            + "\"isActive\":false}"))));

    List<ProjectStatus> statuses = client().projectStatuses();

    assertThat(statuses).containsExactly(
        ProjectStatus.builder().id(1).name("Proposal - 50%").statusType(StatusType.PROPOSAL).likelihood(50)
            .isActive(true).build(),
        ProjectStatus.builder().id(2).name("Pending").statusType(StatusType.PENDING_INVOICE).isActive(false)
            .build());
    wm.verify(1, getRequestedFor(urlEqualTo(API + "/ProjectStatuses")).withHeader("access-token", equalTo(KEY)));
  }

  @Test
  void listProjectsSendsEveryFilter() {
    wm.stubFor(get(urlPathEqualTo(API + "/Projects")).willReturn(okJson(list(1, projectJson(5, "Harbour")))));

    Page<Project> page = client().projects().list(ProjectQuery.builder()
        .modifiedSince(Instant.parse("2026-11-28T01:02:03.456789Z"))
        .externalReference("tp-5").includeInactive(true).projectNumber("P00005")
        .orderBy(OrderBy.MODIFIED_DATE).page(2).pageSize(50).build());

    assertThat(page.totalItems()).isEqualTo(1);
    assertThat(page.items()).extracting(Project::id).containsExactly(5L);
    assertQuery(only(getRequestedFor(urlPathEqualTo(API + "/Projects"))),
        "criteria.modifiedSince", "2026-11-28T01:02:03.456Z", "orderBy", "modifiedDate",
        "criteria.externalReference", "tp-5", "criteria.includeInactive", "true",
        "criteria.projectNumber", "P00005", "page", "2", "pageSize", "50");
  }

  @Test
  void listWithoutFiltersSendsOnlyThePage() {
    wm.stubFor(get(urlPathEqualTo(API + "/Projects")).willReturn(okJson(list(0))));

    Page<Project> page = client().projects().list(ProjectQuery.builder().build());

    assertThat(page.items()).isEmpty();
    assertQuery(only(getRequestedFor(urlPathEqualTo(API + "/Projects"))),
        "page", "1", "pageSize", "100");
  }

  @Test
  void getProjectMapsEveryMember() {
    wm.stubFor(get(API + "/Projects/5").willReturn(okJson(projectJson(5, "Harbour House"))));

    Project project = client().projects().get(5);

    assertThat(project).isEqualTo(Project.builder()
        .id(5).projectNumber("P00005").name("Harbour House").statusId(3).status("Active - Documentation")
        .statusType(StatusType.ACTIVE).primaryContactId(42).projectType("Commercial").managerId(7L)
        .address(Address.builder().address1("1 Main St").town("Sydney").state("NSW").zipCode("2000")
            .country("Australia").build())
        .scope("Fit-out").totalFee(new BigDecimal("12500.50"))
        .addStages(Stage.builder().id(11).name("Fee").fee(new BigDecimal("10000.00")).build())
        .addStages(Stage.builder().id(12).name("Extra").fee(new BigDecimal("2500.50")).build())
        .externalReference("tp-5").isActive(true)
        .createdDate(Instant.parse("2026-11-01T02:03:04.005Z"))
        .modifiedDate(Instant.parse("2026-11-27T10:11:12.345Z"))
        .build());
    wm.verify(1, getRequestedFor(urlEqualTo(API + "/Projects/5")).withHeader("access-token", equalTo(KEY)));
  }

  @Test
  void createProjectSendsOnlyTheSetMembersWithNullsForCleared() {
    wm.stubFor(post(API + "/Projects").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(projectJson(9, "New"))));

    Project created = client().projects().create(ProjectCreate.builder()
        .name("New").statusId(3).primaryContactId(42).projectType(null)
        .address(Address.builder().town("Sydney").build())
        .initialFee(new BigDecimal("12500.50")).externalReference("tp-9").build());

    assertThat(created.id()).isEqualTo(9);
    LoggedRequest sent = only(postRequestedFor(urlEqualTo(API + "/Projects")));
    assertThat(sent.getHeader("access-token")).isEqualTo(KEY);
    assertThat(sent.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
    assertThat(sent.getBodyAsString()).isEqualTo("{\"name\":\"New\",\"statusId\":3,\"primaryContactId\":42,"
        + "\"projectType\":null,\"address\":{\"address1\":null,\"address2\":null,\"town\":\"Sydney\","
        + "\"state\":null,\"zipCode\":null,\"country\":null},\"initialFee\":12500.50,"
        + "\"externalReference\":\"tp-9\"}");
  }

  @Test
  void patchProjectTellsAbsentFromNull() {
    wm.stubFor(patch(urlEqualTo(API + "/Projects/5")).willReturn(okJson(projectJson(5, "Renamed"))));

    Project patched = client().projects().patch(5, ProjectPatch.builder().name("Renamed").managerId(null)
        .scope(null).build());

    assertThat(patched.name()).isEqualTo("Renamed");
    LoggedRequest sent = only(patchRequestedFor(urlEqualTo(API + "/Projects/5")));
    assertThat(sent.getHeader("access-token")).isEqualTo(KEY);
    assertThat(sent.getHeader("Content-Type")).isEqualToIgnoringCase("application/merge-patch+json; charset=utf-8");
    assertThat(sent.getBodyAsString()).isEqualTo("{\"name\":\"Renamed\",\"managerId\":null,\"scope\":null}");
  }

  @Test
  void listContactsSendsEveryFilter() {
    wm.stubFor(get(urlPathEqualTo(API + "/Contacts")).willReturn(okJson(list(1, contactJson(42, "Acme")))));

    Page<Contact> page = client().contacts().list(ContactQuery.builder()
        .modifiedSince(Instant.parse("2026-11-28T00:00:00Z")).externalReference("tp-co-1")
        .contactType(ContactType.INDIVIDUAL).orderBy(OrderBy.ID).pageSize(10).build());

    assertThat(page.items()).extracting(Contact::name).containsExactly("Acme");
    assertQuery(only(getRequestedFor(urlPathEqualTo(API + "/Contacts"))),
        "criteria.modifiedSince", "2026-11-28T00:00:00.000Z", "orderBy", "id",
        "criteria.externalReference", "tp-co-1", "criteria.contactType", "Individual", "page", "1",
        "pageSize", "10");
  }

  @Test
  void getContactMapsEveryMember() {
    wm.stubFor(get(API + "/Contacts/42").willReturn(okJson(contactJson(42, "Acme Pty Ltd"))));

    Contact contact = client().contacts().get(42);

    assertThat(contact).isEqualTo(Contact.builder().id(42).contactType(ContactType.COMPANY).name("Acme Pty Ltd")
        .officeAddress(Address.builder().address1("2 Side St").town("Perth").state("WA").build())
        .email("office@acme.example").website("https://acme.example").abn("51 824 753 556")
        .mobile("0400 000 000").phone("08 9000 0000").twitter("@acme").isActive(true)
        .createdDate(Instant.parse("2026-10-01T00:00:00Z")).modifiedDate(Instant.parse("2026-11-27T00:00:00.001Z"))
        .build());
    wm.verify(1, getRequestedFor(urlEqualTo(API + "/Contacts/42")).withHeader("access-token", equalTo(KEY)));
  }

  @Test
  void createContact() {
    wm.stubFor(post(API + "/Contacts").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(contactJson(43, "Acme"))));

    Contact created = client().contacts().create(ContactCreate.builder().contactType(ContactType.COMPANY)
        .name("Acme").email("office@acme.example").abn(null).externalReference("tp-co-43").build());

    assertThat(created.id()).isEqualTo(43);
    LoggedRequest sent = only(postRequestedFor(urlEqualTo(API + "/Contacts")));
    assertThat(sent.getHeader("access-token")).isEqualTo(KEY);
    assertThat(sent.getBodyAsString()).isEqualTo("{\"contactType\":\"Company\",\"name\":\"Acme\","
        + "\"email\":\"office@acme.example\",\"abn\":null,\"externalReference\":\"tp-co-43\"}");
  }

  @Test
  void patchContact() {
    wm.stubFor(patch(urlEqualTo(API + "/Contacts/42")).willReturn(okJson(contactJson(42, "Acme"))));

    client().contacts().patch(42, ContactPatch.builder().email("a@b.example").phone(null)
        .officeAddress(null).build());

    LoggedRequest sent = only(patchRequestedFor(urlEqualTo(API + "/Contacts/42")));
    assertThat(sent.getHeader("access-token")).isEqualTo(KEY);
    assertThat(sent.getBodyAsString())
        .isEqualTo("{\"email\":\"a@b.example\",\"phone\":null,\"officeAddress\":{\"address1\":null,"
            + "\"address2\":null,\"town\":null,\"state\":null,\"zipCode\":null,\"country\":null}}");
  }

  @Test
  void listPersonnelSendsEveryFilter() {
    wm.stubFor(get(urlPathEqualTo(API + "/Personnel")).willReturn(okJson(list(1, personnelJson(8, "Zoë")))));

    Page<Personnel> page = client().personnel().list(PersonnelQuery.builder().parentContactId(42L)
        .externalReference("tp-c-8").modifiedSince(Instant.parse("2026-11-01T00:00:00.100Z")).page(3)
        .pageSize(20).build());

    assertThat(page.items()).extracting(Personnel::firstName).containsExactly("Zoë");
    assertQuery(only(getRequestedFor(urlPathEqualTo(API + "/Personnel"))),
        "criteria.modifiedSince", "2026-11-01T00:00:00.100Z",
        "criteria.externalReference", "tp-c-8", "criteria.parentContactId", "42", "page", "3",
        "pageSize", "20");
  }

  @Test
  void getPersonnelMapsEveryMember() {
    wm.stubFor(get(API + "/Personnel/8").willReturn(okJson(personnelJson(8, "Zoe"))));

    Personnel person = client().personnel().get(8);

    assertThat(person).isEqualTo(Personnel.builder().id(8).parentContactId(42).firstName("Zoe").lastName("Ng")
        .title("Director").phone("02 1111 1111").email("zoe@acme.example").mobile("0411 111 111")
        .officePhone("02 2222 2222").externalReference("tp-c-8").isActive(true)
        .createdDate(Instant.parse("2026-09-01T00:00:00Z")).modifiedDate(Instant.parse("2026-11-20T00:00:00Z"))
        .build());
    wm.verify(1, getRequestedFor(urlEqualTo(API + "/Personnel/8")).withHeader("access-token", equalTo(KEY)));
  }

  @Test
  void createPersonnel() {
    wm.stubFor(post(API + "/Personnel").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(personnelJson(8, "Zoe"))));

    client().personnel().create(PersonnelCreate.builder().parentContactId(42).firstName("Zoe").lastName("Ng")
        .title(null).build());

    LoggedRequest sent = only(postRequestedFor(urlEqualTo(API + "/Personnel")));
    assertThat(sent.getHeader("access-token")).isEqualTo(KEY);
    assertThat(sent.getBodyAsString())
        .isEqualTo("{\"parentContactId\":42,\"firstName\":\"Zoe\",\"lastName\":\"Ng\",\"title\":null}");
  }

  @Test
  void patchPersonnel() {
    wm.stubFor(patch(urlEqualTo(API + "/Personnel/8")).willReturn(okJson(personnelJson(8, "Zoe"))));

    client().personnel().patch(8, PersonnelPatch.builder().parentContactId(43).mobile(null).build());

    LoggedRequest sent = only(patchRequestedFor(urlEqualTo(API + "/Personnel/8")));
    assertThat(sent.getHeader("access-token")).isEqualTo(KEY);
    assertThat(sent.getBodyAsString()).isEqualTo("{\"parentContactId\":43,\"mobile\":null}");
  }

  @Test
  void emptyPatchSendsAnEmptyObject() {
    wm.stubFor(patch(urlEqualTo(API + "/Personnel/8")).willReturn(okJson(personnelJson(8, "Zoe"))));

    client().personnel().patch(8, PersonnelPatch.builder().build());

    wm.verify(1, patchRequestedFor(urlEqualTo(API + "/Personnel/8")).withRequestBody(equalToJson("{}")));
  }

  @Test
  void listStaffSendsEveryFilter() {
    wm.stubFor(get(urlPathEqualTo(API + "/Staff")).willReturn(okJson(list(1, staffJson(7, "Manager")))));

    Page<Staff> page = client().staff().list(StaffQuery.builder().includeInactive(true)
        .modifiedSince(Instant.parse("2026-01-01T00:00:00Z")).orderBy(OrderBy.MODIFIED_DATE).build());

    assertThat(page.items()).extracting(Staff::securityLevel).containsExactly(SecurityLevel.MANAGER);
    assertQuery(only(getRequestedFor(urlPathEqualTo(API + "/Staff"))),
        "criteria.modifiedSince", "2026-01-01T00:00:00.000Z", "orderBy", "modifiedDate",
        "criteria.includeInactive", "true", "page", "1", "pageSize", "100");
  }

  @Test
  void getStaffMapsEveryMember() {
    wm.stubFor(get(API + "/Staff/7").willReturn(okJson(staffJson(7, "Restricted"))));

    Staff staff = client().staff().get(7);

    assertThat(staff).isEqualTo(Staff.builder().id(7).firstName("Sam").lastName("Lee").email("sam@firm.example")
        .workPhone("02 3333 3333").jobTitle("Architect").securityLevel(SecurityLevel.RESTRICTED).isActive(true)
        .createdDate(Instant.parse("2025-01-01T00:00:00Z")).modifiedDate(Instant.parse("2026-11-01T00:00:00Z"))
        .build());
    wm.verify(1, getRequestedFor(urlEqualTo(API + "/Staff/7")).withHeader("access-token", equalTo(KEY))
        .withRequestBody(absent()));
  }

  /** The request's decoded query is exactly these name/value pairs, and it carried the API key. */
  private static void assertQuery(LoggedRequest request, String... nameValues) {
    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      expected.put(nameValues[i], nameValues[i + 1]);
    }
    java.util.Map<String, String> actual = new java.util.LinkedHashMap<>();
    request.getQueryParams().forEach((name, value) -> actual.put(name, String.join(",", value.values())));
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(request.getHeader("access-token")).isEqualTo(KEY);
  }

  private LoggedRequest only(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
    List<LoggedRequest> requests = wm.findAll(pattern);
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
