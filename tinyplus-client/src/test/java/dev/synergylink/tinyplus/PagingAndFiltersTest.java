package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Envelopes, paging, the lazy walk over all pages, strict date filters and soft-deleted records. */
class PagingAndFiltersTest extends HttpTestSupport {

  private static void pageAt(int start, int total, long... ids) {
    String[] records = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      records[i] = project(ids[i], "2026-06-01 12:00:0" + i);
    }
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).withQueryParam("start",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(start)))
        .willReturn(okJson(page(total, start, 2, records))));
  }

  @Test
  void page_carriesTheEnvelope() {
    pageAt(0, 5, 1, 2);

    Page<Project> page = client().projects().list(ProjectQuery.builder().limit(2).build());

    assertThat(page.total()).isEqualTo(5);
    assertThat(page.start()).isZero();
    assertThat(page.limit()).isEqualTo(2);
    assertThat(page.hasMore()).isTrue();
    assertThat(page.records()).extracting(Project::id).containsExactly(1L, 2L);
  }

  @Test
  void listAll_walksEveryPageLazily() {
    pageAt(0, 5, 1, 2);
    pageAt(2, 5, 3, 4);
    pageAt(4, 5, 5);

    Iterator<Project> it = client().projects().listAll(ProjectQuery.builder().limit(2).build()).iterator();
    assertThat(it.next().id()).isEqualTo(1L);
    assertThat(it.next().id()).isEqualTo(2L);
    assertThat(requests()).hasSize(1);   // the second page is not fetched before it is needed

    assertThat(it.next().id()).isEqualTo(3L);
    assertThat(requests()).hasSize(2);
    assertThat(it.next().id()).isEqualTo(4L);
    assertThat(it.next().id()).isEqualTo(5L);
    assertThat(it.hasNext()).isFalse();
    assertThat(requests()).hasSize(3);
    assertThat(requests()).extracting(r -> query(r).get("start")).containsExactlyInAnyOrder("0", "2", "4");
  }

  @Test
  void listAll_stopsOnAnEmptyPage_evenIfTotalSaysMore() {
    pageAt(0, 9, 1, 2);
    pageAt(2, 9);

    List<Long> ids = StreamSupport.stream(
            client().projects().listAll(ProjectQuery.builder().limit(2).build()).spliterator(), false)
        .map(Project::id).collect(Collectors.toList());

    assertThat(ids).containsExactly(1L, 2L);
    assertThat(requests()).hasSize(2);
  }

  @Test
  void listAll_startsFromTheQuerysOffset() {
    pageAt(2, 3, 3);

    List<Long> ids = StreamSupport.stream(
            client().projects().listAll(ProjectQuery.builder().start(2).limit(2).build()).spliterator(), false)
        .map(Project::id).collect(Collectors.toList());

    assertThat(ids).containsExactly(3L);
  }

  @Test
  void filters_afterIsStrictGreater_beforeIsStrictLess_atIsEquality() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).willReturn(okJson(page(0, 0, 100))));
    Instant noonSydneyWinter = Instant.parse("2026-06-01T02:00:00Z");

    client().projects().list(ProjectQuery.builder().modifiedAfter(noonSydneyWinter).build());
    client().projects().list(ProjectQuery.builder().modifiedBefore(noonSydneyWinter).build());
    client().projects().list(ProjectQuery.builder().modifiedAt(noonSydneyWinter).build());

    assertThat(requests()).extracting(r -> query(r).get("modified_date")).containsExactlyInAnyOrder(
        ">2026-06-01 12:00:00", "<2026-06-01 12:00:00", "2026-06-01 12:00:00");
  }

  @Test
  void filters_twoDateFiltersInOneQueryAreRefused() {
    assertThatThrownBy(() -> ProjectQuery.builder()
            .modifiedAfter(Instant.EPOCH).modifiedBefore(Instant.now()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one modified_date filter");
  }

  @Test
  void filters_anEqualityValueThatTinyPlusWouldReadAsAComparisonIsRefused() {
    assertThatThrownBy(() -> CompanyQuery.builder().remoteId(">5").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remoteId starts with '>'");
    assertThatThrownBy(() -> ContactQuery.builder().syncOrigin("<synergy").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syncOrigin starts with '<'");
    assertThatThrownBy(() -> TeamMemberQuery.builder().email("<kim@example.com>").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email starts with '<'");
    assertThat(ProjectQuery.builder().remoteId("5>4").syncOrigin("synergy:acme").build().remoteId()).isEqualTo("5>4");
    assertThat(requests()).isEmpty();
  }

  @Test
  void paging_outOfRangeIsRefused() {
    assertThatThrownBy(() -> ProjectQuery.builder().limit(101).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be 1 to 100");
    assertThatThrownBy(() -> ListQuery.builder().start(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start must be 0 or more");
    assertThat(ContactQuery.builder().build().withStart(300).start()).isEqualTo(300);
  }

  @Test
  void softDeleted_areListedWhenAskedFor_andReadAsDeleted() {
    WM.stubFor(get(urlPathEqualTo("/v2/contacts")).willReturn(okJson(page(1, 0, 100, """
        {"id":4,"name":"Ng","first_name":null,"last_name":"Ng","record_status":"deleted",
         "created_date":"2026-03-01 10:00:00","modified_date":"2026-03-05 08:00:00"}"""))));

    Page<Contact> page = client().contacts().list(ContactQuery.builder().recordStatus(RecordStatus.DELETED).build());

    assertThat(query(onlyRequest()).get("record_status")).isEqualTo("deleted");
    assertThat(page.records()).singleElement().satisfies(c -> {
      assertThat(c.recordStatus()).isEqualTo(RecordStatus.DELETED);
      assertThat(c.firstName()).isNull();
      assertThat(c.lockedFields()).isEmpty();
      assertThat(c.isSynced()).isFalse();
    });
  }

  @Test
  void unknownEnumValues_readAsUnknown() {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(okJson(project(1, "2026-06-01 12:00:00")
        .replace("\"state\":\"active\"", "\"state\":\"on_hold\"")
        .replace("\"record_status\":\"active\"", "\"record_status\":\"frozen\""))));

    Project p = client().projects().get(1);

    assertThat(p.state()).isEqualTo(ProjectState.UNKNOWN);
    assertThat(p.recordStatus()).isEqualTo(RecordStatus.UNKNOWN);
  }
}
