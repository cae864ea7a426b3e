package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bad record, a fee no system can hold, and a server that pages for ever. */
class DataResilienceTest extends WireMockSupport {

  private void projectsPage(int page, String body) {
    wm.stubFor(get(urlPathEqualTo(API + "/Projects")).withQueryParam("page", equalTo(Integer.toString(page)))
        .willReturn(okJson(body)));
  }

  private static String projectWith(long id, String member, String json) {
    String good = projectJson(id, "P" + id);
    int at = good.indexOf("\"" + member + "\":");
    int comma = good.indexOf(',', at);
    int end = comma < 0 ? good.lastIndexOf('}') : comma;
    return good.substring(0, at) + "\"" + member + "\":" + json + good.substring(end);
  }

  private static <T> List<T> all(Iterable<T> iterable) {
    List<T> list = new ArrayList<>();
    iterable.forEach(list::add);
    return list;
  }

  @Test
  void aRecordThatCannotBeRead_isSetAsideOnItsPage_andTheOthersAreRead() {
    projectsPage(1, list(6,
        projectJson(1, "Good"),
        projectWith(2, "modifiedDate", "\"01/06/2026 12:00\""),
        projectWith(3, "totalFee", "\"NaN\""),
        projectWith(4, "statusId", "\"three-secret-value\""),
        "\"not a record\"",
        projectJson(6, "Also good")));

    Page<Project> page = client().projects().list(ProjectQuery.builder().build());

    assertThat(page.items()).extracting(Project::id).containsExactly(1L, 6L);
    assertThat(page.undecodable()).extracting(UndecodableRecord::id).containsExactly(2L, 3L, 4L, null);
    assertThat(page.undecodable()).extracting(UndecodableRecord::member)
        .containsExactly("modifiedDate", "totalFee", "statusId", null);
    assertThat(page.undecodable()).extracting(UndecodableRecord::index).containsExactly(1, 2, 3, 4);
    assertThat(page.undecodable().get(0).reason())
        .isEqualTo("items[1]: modifiedDate is not an ISO-8601 instant such as 2026-11-28T01:02:03.456Z");
    assertThat(page.undecodable()).allSatisfy(r -> assertThat(r.reason())
        .doesNotContain("01/06/2026", "NaN", "three-secret-value", "not a record"));
    assertThat(page.totalItems()).isEqualTo(6);
    assertThat(page.received()).isEqualTo(6);
  }

  @Test
  void aBadStageFee_isNamedByItsPath() {
    projectsPage(1, list(1, projectJson(1, "A").replace("\"fee\":2500.50", "\"fee\":true")));

    UndecodableRecord bad = client().projects().list(ProjectQuery.builder().build()).undecodable().get(0);

    assertThat(bad.member()).isEqualTo("stages[1].fee");
    assertThat(bad.id()).isEqualTo(1L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "\"1e999999999\"", "1e-999999999", "0E+999999999", "1000000000000000",
      "0.1234567890123456", "\"Infinity\""})
  void aFeeNoSystemCanHold_isRefusedForThatRecordOnly(String fee) {
    projectsPage(1, list(2, projectWith(1, "totalFee", fee), projectJson(2, "B")));

    Page<Project> page = client().projects().list(ProjectQuery.builder().build());

    assertThat(page.items()).extracting(Project::id).containsExactly(2L);
    assertThat(page.undecodable()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo(1L);
      assertThat(r.member()).isEqualTo("totalFee");
    });
  }

  @Test
  void theLargestFeeEitherSystemHolds_isRead() {
    projectsPage(1, list(1, projectWith(1, "totalFee", "999999999999999.99")));

    assertThat(client().projects().list(ProjectQuery.builder().build()).items())
        .extracting(Project::totalFee).containsExactly(new BigDecimal("999999999999999.99"));
  }

  @Test
  void aSingleRecordWithABadMember_stillFailsItsCall() {
    wm.stubFor(get(API + "/Projects/1").willReturn(okJson(projectWith(1, "totalFee", "1e999999999"))));

    assertThatThrownBy(() -> client().projects().get(1)).isInstanceOf(SynergyUnreadableResponseException.class)
        .hasMessageContaining("totalFee is a number outside what a fee can hold");
  }

  @Test
  void aProjectStatusThatCannotBeRead_failsTheStatusList() {
    wm.stubFor(get(API + "/ProjectStatuses").willReturn(okJson(list(1,
        "{\"id\":\"x\",\"name\":\"Active\",\"statusType\":\"Active\",\"isActive\":true}"))));

    assertThatThrownBy(() -> client().projectStatuses()).isInstanceOf(SynergyUnreadableResponseException.class)
        .hasMessageContaining("items[0]: id is not a long");
  }

  @Test
  void listAll_countsUnreadableRecordsWhenItPages_andHandsThemOver() {
    projectsPage(1, list(3, projectJson(1, "A"), projectWith(2, "isActive", "\"yes\"")));
    projectsPage(2, list(3, projectJson(3, "C")));
    List<UndecodableRecord> setAside = new ArrayList<>();

    List<Project> read = all(client().projects().listAll(ProjectQuery.builder().pageSize(2).build(),
        setAside::add));

    assertThat(read).extracting(Project::id).containsExactly(1L, 3L);
    assertThat(setAside).extracting(UndecodableRecord::id).containsExactly(2L);
    wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/Projects")));
  }

  @Test
  void listPages_givesEveryPageWithItsUnreadableRecords() {
    projectsPage(1, list(3, projectJson(1, "A"), projectWith(2, "isActive", "\"yes\"")));
    projectsPage(2, list(3, projectJson(3, "C")));

    List<Page<Project>> pages = all(client().projects().listPages(ProjectQuery.builder().pageSize(2).build()));

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).undecodable()).extracting(UndecodableRecord::id).containsExactly(2L);
  }

  @Test
  void aServerThatIgnoresThePage_stopsTheListingAtTheFirstRepeatedPage() {
    wm.stubFor(get(urlPathEqualTo(API + "/Projects"))
        .willReturn(okJson(list(1_000_000, projectJson(1, "A"), projectJson(2, "B")))));

    SynergyPagingException e = catchThrowableOfType(SynergyPagingException.class,
        () -> all(client().projects().listAll(ProjectQuery.builder().pageSize(2).build())));

    assertThat(e).isInstanceOf(SynergyApiException.class);
    assertThat(e.getMessage()).contains("ProjectQuery listing", "page 2", "same records as the page before");
    wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/Projects")));
  }

  @Test
  void aTotalThatKeepsGrowing_stopsTheListingAtThePageCap() {
    // every page is full and promises one record more: the first promised 2 pages, the cap is 2 + 10
    for (int page = 1; page <= 20; page++) {
      projectsPage(page, list(page * 2L + 1, projectJson(page * 2L - 1, "A"), projectJson(page * 2L, "B")));
    }

    SynergyPagingException e = catchThrowableOfType(SynergyPagingException.class,
        () -> all(client().projects().listAll(ProjectQuery.builder().pageSize(2).build())));

    assertThat(e.getMessage()).contains("stopped at page 13", "promised 2 page(s)", "totalItems is now 27");
    wm.verify(13, getRequestedFor(urlPathEqualTo(API + "/Projects")));
  }
}
