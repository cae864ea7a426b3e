package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers that are odd, broken or errors: what the caller gets. */
class ResponsesTest extends WireMockSupport {

  @Test
  void malformedJsonNamesTheEndpointAndIsNotRetried() {
    wm.stubFor(get(API + "/Projects/5").willReturn(okJson("{\"id\":5,\"name\":").withHeader("X-Request-Id", "r-9")));

    assertThatThrownBy(() -> client().projects().get(5))
        .isInstanceOfSatisfying(SynergyUnreadableResponseException.class, e -> {
          assertThat(e.status()).isEqualTo(200);
          assertThat(e.requestId()).isEqualTo("r-9");
          assertThat(e.path()).isEqualTo("/api/v2/Organisation/acme/Projects/5");
        })
        .hasMessageStartingWith("Synergy answered GET /api/v2/Organisation/acme/Projects/5 with a body that is not"
            + " a valid Project");
    wm.verify(1, getRequestedFor(urlEqualTo(API + "/Projects/5")));
  }

  @Test
  void aMissingRequiredMemberIsNamed() {
    wm.stubFor(get(API + "/Staff/7").willReturn(okJson("{\"id\":7,\"isActive\":true,\"securityLevel\":\"Standard\","
        + "\"createdDate\":\"2026-01-01T00:00:00.000Z\"}")));

    assertThatThrownBy(() -> client().staff().get(7))
        .isInstanceOf(SynergyUnreadableResponseException.class)
        .hasMessageContaining("not a valid Staff").hasMessageContaining("'modifiedDate'");
  }

  @Test
  void aBadTimestampIsUnreadableNotACrash() {
    wm.stubFor(get(API + "/Staff/7").willReturn(okJson(staffJson(7, "Standard")
        .replace("2026-11-01T00:00:00.000Z", "yesterday"))));

    assertThatThrownBy(() -> client().staff().get(7)).isInstanceOf(SynergyUnreadableResponseException.class);
  }

  @Test
  void unknownMembersAreIgnoredAndUnknownEnumValuesTolerated() {
    wm.stubFor(get(API + "/Projects/5").willReturn(okJson(projectJson(5, "Harbour")
        .replace("\"statusType\":\"Active\"", "\"statusType\":\"Archived\",\"newThing\":{\"a\":[1,2]}"))));
    wm.stubFor(get(API + "/Staff/7").willReturn(okJson(staffJson(7, "Owner").replace("{\"id\"",
        "{\"colour\":\"blue\",\"id\""))));

    assertThat(client().projects().get(5).statusType()).isEqualTo(StatusType.UNKNOWN);
    assertThat(client().staff().get(7).securityLevel()).isEqualTo(SecurityLevel.UNKNOWN);
  }

  @Test
  void nonAsciiTextRoundTrips() {
    String name = "Zoë Ñúñez — 東京 🏗";
    wm.stubFor(patch(urlEqualTo(API + "/Contacts/42")).willReturn(okJson(contactJson(42, name))));

    Contact contact = client().contacts().patch(42, ContactPatch.builder().name(name).build());

    assertThat(contact.name()).isEqualTo(name);
    wm.verify(patchRequestedFor(urlEqualTo(API + "/Contacts/42"))
        .withRequestBody(equalToJson("{\"name\":\"" + name + "\"}")));
  }

  @Test
  void validationErrorsReachTheException() {
    wm.stubFor(post(API + "/Contacts").willReturn(aResponse().withStatus(400).withHeader("X-Request-Id", "r-400")
        .withBody("{\"message\":\"Validation failed\",\"errors\":{\"abn\":[\"ABN checksum failed\"],"
            + "\"name\":[\"required\",\"too long\"]},\"requestId\":\"r-400\"}")));

    assertThatThrownBy(() -> client().contacts().create(ContactCreate.builder().name("x").abn("123").build()))
        .isInstanceOfSatisfying(SynergyValidationException.class, e -> {
          assertThat(e.fieldErrors()).isEqualTo(Map.of("abn", List.of("ABN checksum failed"),
              "name", List.of("required", "too long")));
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.method()).isEqualTo("POST");
          assertThat(e.reason()).contains("Validation failed");
        })
        .hasMessageContaining("ABN checksum failed").hasMessageContaining("POST /api/v2/Organisation/acme/Contacts")
        .hasMessageContaining("request id r-400");
  }

  @Test
  void anErrorBodyThatIsNotJsonStillGivesTheStatus() {
    wm.stubFor(get(API + "/Contacts/1").willReturn(aResponse().withStatus(404).withBody("<html>gone</html>")));

    assertThatThrownBy(() -> client().contacts().get(1))
        .isInstanceOf(SynergyNotFoundException.class).hasMessageContaining("no such record");
  }

  @Test
  void forbiddenSaysWhatToDo() {
    wm.stubFor(get(API + "/CurrentUser").willReturn(aResponse().withStatus(403)
        .withBody("{\"message\":\"Insufficient security level\"}")));

    assertThatThrownBy(() -> client().currentUser())
        .isInstanceOf(SynergyPermissionException.class).hasMessageContaining("Administrator");
  }

  @Test
  void anEmptyListIsAPageWithNoItems() {
    wm.stubFor(get(urlEqualTo(API + "/Staff?page=1&pageSize=100")).willReturn(okJson(list(0))));

    assertThat(client().staff().list(StaffQuery.builder().build())).isEqualTo(Page.of(List.of(), 0));
  }

  @Test
  void aListWithoutTotalIsUnreadable() {
    wm.stubFor(get(urlEqualTo(API + "/Staff?page=1&pageSize=100")).willReturn(okJson("{\"items\":[]}")));

    assertThatThrownBy(() -> client().staff().list(StaffQuery.builder().build()))
        .isInstanceOf(SynergyUnreadableResponseException.class).hasMessageContaining("'totalItems'");
  }
}
