package dev.synergylink.tinyplus;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Account-local date-times in both directions across Sydney's daylight-saving changes of 2026: on the first Sunday
 * of April (5 April) clocks go back from 03:00 AEDT (+11) to 02:00 AEST (+10), so 02:00-02:59 happens twice; on the
 * first Sunday of October (4 October) they go forward from 02:00 AEST to 03:00 AEDT, so 02:00-02:59 never happens.
 */
class LocalTimeTest extends HttpTestSupport {

  @BeforeAll
  static void theTransitionsAreWhereTheTestsSayTheyAre() {
    ZoneOffsetTransition april = SYDNEY.getRules().getTransition(LocalDateTime.parse("2026-04-05T02:30:00"));
    assertThat(april.isOverlap()).isTrue();
    ZoneOffsetTransition october = SYDNEY.getRules().getTransition(LocalDateTime.parse("2026-10-04T02:30:00"));
    assertThat(october.isGap()).isTrue();
  }

  private static Instant readModified(String local) {
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(okJson(project(1, local))));
    return client().projects().get(1).modifiedDate();
  }

  private static String writtenFilter(Instant after) {
    WM.stubFor(get(urlPathEqualTo("/v2/projects")).willReturn(okJson(page(0, 0, 100))));
    client().projects().list(ProjectQuery.builder().modifiedAfter(after).build());
    return query(requests().get(0)).get("modified_date");
  }

  @Test
  void read_ordinaryTimes_useTheOffsetInForce() {
    assertThat(readModified("2026-01-15 09:30:00")).isEqualTo(Instant.parse("2026-01-14T22:30:00Z"));  // AEDT
    assertThat(readModified("2026-07-15 09:30:00")).isEqualTo(Instant.parse("2026-07-14T23:30:00Z"));  // AEST
  }

  @Test
  void read_aprilOverlap_takesTheEarlierInstant() {
    // 02:30 happens at 15:30Z (still +11) and again at 16:30Z (+10): the earlier one is chosen
    assertThat(readModified("2026-04-05 02:30:00")).isEqualTo(Instant.parse("2026-04-04T15:30:00Z"));
    // either side of the overlap is unambiguous
    assertThat(readModified("2026-04-05 01:59:59")).isEqualTo(Instant.parse("2026-04-04T14:59:59Z"));
    assertThat(readModified("2026-04-05 03:00:00")).isEqualTo(Instant.parse("2026-04-04T17:00:00Z"));
  }

  @Test
  void read_octoberGap_shiftsForwardByTheGap() {
    // 02:30 never happens; it is read as 03:30 AEDT
    assertThat(readModified("2026-10-04 02:30:00")).isEqualTo(Instant.parse("2026-10-03T16:30:00Z"));
    assertThat(readModified("2026-10-04 01:59:59")).isEqualTo(Instant.parse("2026-10-03T15:59:59Z"));
    assertThat(readModified("2026-10-04 03:00:00")).isEqualTo(Instant.parse("2026-10-03T16:00:00Z"));
  }

  @Test
  void write_aprilOverlap_bothInstantsOfTheRepeatedHourWriteTheSameLocalTime() {
    assertThat(writtenFilter(Instant.parse("2026-04-04T15:30:00Z"))).isEqualTo(">2026-04-05 02:30:00");
  }

  @Test
  void write_aprilOverlap_secondPass() {
    // the documented consequence: a strict > after the second 02:30 is the same filter as after the first one
    assertThat(writtenFilter(Instant.parse("2026-04-04T16:30:00Z"))).isEqualTo(">2026-04-05 02:30:00");
  }

  @Test
  void write_octoberGap_jumpsFromBeforeToAfterTheGap() {
    assertThat(writtenFilter(Instant.parse("2026-10-03T15:59:59Z"))).isEqualTo(">2026-10-04 01:59:59");
  }

  @Test
  void write_octoberGap_firstSecondOfSummerTime() {
    assertThat(writtenFilter(Instant.parse("2026-10-03T16:00:00Z"))).isEqualTo(">2026-10-04 03:00:00");
  }

  @Test
  void write_truncatesToTheSecond() {
    assertThat(writtenFilter(Instant.parse("2026-07-14T23:30:00.999Z"))).isEqualTo(">2026-07-15 09:30:00");
  }

  @Test
  void roundTrip_everyInstantOutsideTheOverlapSurvives() {
    for (String iso : new String[] {"2026-04-04T14:59:59Z", "2026-04-04T17:00:00Z", "2026-10-03T15:59:59Z",
        "2026-10-03T16:00:00Z", "2026-12-31T13:00:00Z"}) {
      Instant instant = Instant.parse(iso);
      WM.resetAll();
      String local = writtenFilter(instant).substring(1);
      WM.resetAll();
      assertThat(readModified(local)).as(iso).isEqualTo(instant);
    }
  }

  @Test
  void zone_isReadOnceFromTheAccount_whenNotPreset() {
    WM.stubFor(get(urlPathEqualTo("/v2/account"))
        .willReturn(okJson("{\"id\":1,\"name\":\"Studio\",\"timezone\":\"Australia/Perth\"}")));
    WM.stubFor(get(urlPathEqualTo("/v2/projects/1")).willReturn(okJson(project(1, "2026-10-04 02:30:00"))));
    TinyPlusClient client = closing(TinyPlusClient.builder().baseUrl(WM.baseUrl() + "/v2")
        .tokenProvider(TokenProvider.of(TOKEN)).build());

    Instant first = client.projects().get(1).modifiedDate();
    client.projects().get(1);

    // Perth has no daylight saving: +08 all year
    assertThat(first).isEqualTo(Instant.parse("2026-10-03T18:30:00Z"));
    assertThat(requests()).extracting(HttpTestSupport::path)
        .containsExactlyInAnyOrder("/v2/account", "/v2/projects/1", "/v2/projects/1");
  }

  @Test
  void accountWithAnUnknownZone_isAnUnreadableResponse() {
    WM.stubFor(get(urlPathEqualTo("/v2/account"))
        .willReturn(okJson("{\"id\":1,\"name\":\"Studio\",\"timezone\":\"Mars/Olympus_Mons\"}")));
    TinyPlusClient client = closing(TinyPlusClient.builder().baseUrl(WM.baseUrl() + "/v2")
        .tokenProvider(TokenProvider.of(TOKEN)).build());

    org.assertj.core.api.Assertions.assertThatThrownBy(client::zone)
        .isInstanceOf(TinyPlusUnreadableResponseException.class)
        .hasMessageContaining("timezone is not an IANA time zone: Mars/Olympus_Mons")
        .hasMessageContaining("GET /account");
  }
}
