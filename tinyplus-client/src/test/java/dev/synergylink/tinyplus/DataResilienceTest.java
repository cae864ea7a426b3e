package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bad record, a number no fee can hold, a server that pages for ever and a body nested too deep. */
class DataResilienceTest extends HttpTestSupport {

  private static void projectsPage(int start, String body) {
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).withQueryParam("start", equalTo(Integer.toString(start)))
        .willReturn(okJson(body)));
  }

  private static String projectWith(long id, String member, String json) {
    String good = project(id, "2026-06-01 12:00:00");
    int at = good.indexOf("\"" + member + "\":");
    int end = good.indexOf(',', at);
    return good.substring(0, at) + "\"" + member + "\":" + json + good.substring(end);
  }

  private static List<Project> all(Iterable<Project> records) {
    List<Project> list = new ArrayList<>();
    records.forEach(list::add);
    return list;
  }

  @Test
  void aRecordThatCannotBeRead_isSetAsideOnItsPage_andTheOthersAreRead() {
    projectsPage(0, page(6, 0, 100,
        project(1, "2026-06-01 12:00:00"),
        project(2, "01/06/2026 12:00"),
        projectWith(3, "value", "\"NaN\""),
        projectWith(4, "name", "{\"first\":\"x\"}"),
        "\"not a record\"",
        project(6, "2026-06-01 12:00:00")));

    Page<Project> page = client().projects().list(ProjectQuery.builder().build());

    assertThat(page.records()).extracting(Project::id).containsExactly(1L, 6L);
    assertThat(page.undecodable()).extracting(UndecodableRecord::id).containsExactly(2L, 3L, 4L, null);
    assertThat(page.undecodable()).extracting(UndecodableRecord::member)
        .containsExactly("modified_date", "value", "name", null);
    assertThat(page.undecodable()).extracting(UndecodableRecord::index).containsExactly(1, 2, 3, 4);
    assertThat(page.undecodable().get(0).reason())
        .isEqualTo("records[1].modified_date is not a YYYY-MM-DD hh:mm:ss date-time");
    assertThat(page.undecodable()).allSatisfy(r -> assertThat(r.reason())
        .doesNotContain("01/06/2026", "NaN", "first", "not a record"));
    assertThat(page.total()).isEqualTo(6);
    assertThat(page.received()).isEqualTo(6);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void aBadNestedMember_isNamedByItsPath() {
    projectsPage(0, page(1, 0, 100, projectWith(1, "address", "{\"street\":7}")));

    UndecodableRecord bad = client().projects().list(ProjectQuery.builder().build()).undecodable().get(0);

    assertThat(bad.member()).isEqualTo("address.street");
    assertThat(bad.reason()).isEqualTo("records[0].address.street is not a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "\"1e999999999\"", "1e-999999999", "0E+999999999", "1000000000000000",
      "0.1234567890123456", "\"Infinity\"", "\"-Infinity\""})
  void aFeeNoSystemCanHold_isRefusedForThatRecordOnly(String fee) {
    projectsPage(0, page(2, 0, 100, projectWith(1, "value", fee), project(2, "2026-06-01 12:00:00")));

    Page<Project> page = client().projects().list(ProjectQuery.builder().build());

    assertThat(page.records()).extracting(Project::id).containsExactly(2L);
    assertThat(page.undecodable()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo(1L);
      assertThat(r.member()).isEqualTo("value");
    });
  }

  @Test
  void aLongNumberText_isRefusedBeforeItIsParsed() {
    String digits = "1".repeat(5000);
    projectsPage(0, page(1, 0, 100, projectWith(1, "value", digits)));

    UndecodableRecord bad = client().projects().list(ProjectQuery.builder().build()).undecodable().get(0);

    assertThat(bad.reason()).contains("value is not a number of at most 100 characters").doesNotContain("111");
  }

  @Test
  void theLargestFeesEitherSystemHolds_areRead() {
    projectsPage(0, page(2, 0, 100, projectWith(1, "value", "999999999999999.99"),
        projectWith(2, "value", "\"0.000000000000001\"")));

    Page<Project> page = client().projects().list(ProjectQuery.builder().build());

    assertThat(page.undecodable()).isEmpty();
    assertThat(page.records()).extracting(Project::value)
        .containsExactly(new BigDecimal("999999999999999.99"), new BigDecimal("0.000000000000001"));
  }

  @Test
  void listAll_countsUnreadableRecordsWhenItPages_andHandsThemOver() {
    projectsPage(0, page(3, 0, 2, project(1, "2026-06-01 12:00:00"), projectWith(2, "id", "\"two\"")));
    projectsPage(2, page(3, 2, 2, project(3, "2026-06-01 12:00:00")));
    List<UndecodableRecord> setAside = new ArrayList<>();

    List<Project> read = all(client().projects().listAll(ProjectQuery.builder().limit(2).build(), setAside::add));

    assertThat(read).extracting(Project::id).containsExactly(1L, 3L);
    assertThat(setAside).extracting(UndecodableRecord::member).containsExactly("id");
    assertThat(requests()).extracting(r -> query(r).get("start")).containsExactlyInAnyOrder("0", "2");
  }

  @Test
  void listPages_givesEveryPageWithItsUnreadableRecords() {
    projectsPage(0, page(3, 0, 2, project(1, "2026-06-01 12:00:00"), projectWith(2, "is_synced", "\"yes\"")));
    projectsPage(2, page(3, 2, 2, project(3, "2026-06-01 12:00:00")));

    List<Page<Project>> pages = new ArrayList<>();
    client().projects().listPages(ProjectQuery.builder().limit(2).build()).forEach(pages::add);

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).undecodable()).extracting(UndecodableRecord::id).containsExactly(2L);
    assertThat(pages.get(1).nextStart()).isEqualTo(3);
  }

  @Test
  void aServerThatIgnoresTheOffset_stopsTheListingAtTheFirstRepeatedPage() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).willReturn(okJson(page(1_000_000, 0, 2,
        project(1, "2026-06-01 12:00:00"), project(2, "2026-06-01 12:00:00")))));

    TinyPlusPagingException e = catchThrowableOfType(TinyPlusPagingException.class,
        () -> all(client().projects().listAll(ProjectQuery.builder().limit(2).build())));

    assertThat(e).isInstanceOf(TinyPlusApiException.class);
    assertThat(e.getMessage()).contains("ProjectQuery listing", "page 2", "same records as the page before");
    assertThat(requests()).hasSize(2);
  }

  @Test
  void aTotalThatKeepsGrowing_stopsTheListingAtThePageCap() {
    // every page is full and promises one record more: the first promised 2 pages, the cap is 2 + 10
    for (int start = 0; start <= 40; start += 2) {
      projectsPage(start, page(start + 3, start, 2, project(start + 1, "2026-06-01 12:00:00"),
          project(start + 2, "2026-06-01 12:00:00")));
    }

    TinyPlusPagingException e = catchThrowableOfType(TinyPlusPagingException.class,
        () -> all(client().projects().listAll(ProjectQuery.builder().limit(2).build())));

    assertThat(e.getMessage()).contains("stopped at page 13", "promised 2 page(s)", "total is now 27");
    assertThat(requests()).hasSize(13);
  }

  @Test
  void aBodyNestedDeeperThanTheReaderAllows_isAnUnreadableResponse() {
    String deep = "[".repeat(300) + "]".repeat(300);
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).willReturn(okJson(deep)));

    TinyPlusUnreadableResponseException e = catchThrowableOfType(TinyPlusUnreadableResponseException.class,
        () -> client().projects().list(ProjectQuery.builder().build()));

    assertThat(e.getMessage()).contains("GET /projects", "malformed JSON");
  }
}
