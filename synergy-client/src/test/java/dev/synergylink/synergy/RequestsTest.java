package dev.synergylink.synergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create and patch requests, queries and exceptions as values, without HTTP. */
class RequestsTest {

  @Test
  void membersKeepInsertionOrderAndTellClearFromAbsent() {
    ContactPatch patch = ContactPatch.builder().email("a@b.example").phone(null).twitter("@x").build();

    assertThat(patch.members()).containsExactly(entry("email", "a@b.example"), entry("phone", null),
        entry("twitter", "@x"));
    assertThat(patch.members()).doesNotContainKey("website");
    assertThat(patch.isEmpty()).isFalse();
    assertThat(ContactPatch.builder().build().isEmpty()).isTrue();
  }

  @Test
  void membersAreModelTypesKeyedByContractNames() {
    Address address = Address.builder().town("Sydney").build();
    ProjectCreate create = ProjectCreate.builder().name("N").statusId(3).primaryContactId(42).managerId(7L)
        .address(address).initialFee(new BigDecimal("10.00")).build();
    ContactCreate contact = ContactCreate.builder().name("Acme").contactType(ContactType.INDIVIDUAL).build();

    assertThat(create.members()).containsExactly(entry("name", "N"), entry("statusId", 3L),
        entry("primaryContactId", 42L), entry("managerId", 7L), entry("address", address),
        entry("initialFee", new BigDecimal("10.00")));
    assertThat(contact.members()).containsExactly(entry("name", "Acme"), entry("contactType", ContactType.INDIVIDUAL));
  }

  @Test
  void settingAMemberAgainReplacesItInPlace() {
    PersonnelPatch patch = PersonnelPatch.builder().firstName("A").lastName("B").firstName(null).build();

    assertThat(patch.members()).containsExactly(entry("firstName", null), entry("lastName", "B"));
  }

  @Test
  void requestsAreImmutableValues() {
    ProjectPatch one = ProjectPatch.builder().scope(null).build();

    assertThat(one).isEqualTo(ProjectPatch.builder().scope(null).build())
        .isNotEqualTo(ProjectPatch.builder().build());
    assertThat(one.hashCode()).isEqualTo(ProjectPatch.builder().scope(null).build().hashCode());
    assertThat(one.toString()).isEqualTo("ProjectPatch{scope=null}");
    assertThatThrownBy(() -> one.members().put("name", "x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiredMembersAreNamed() {
    assertThatThrownBy(() -> ProjectCreate.builder().name("N").statusId(1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("primaryContactId");
    assertThatThrownBy(() -> ContactCreate.builder().email("x").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> PersonnelCreate.builder().parentContactId(1).firstName(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("firstName or lastName");
    assertThatThrownBy(() -> ProjectPatch.builder().name(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> ProjectCreate.builder().initialFee(new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialFee");
    assertThatThrownBy(() -> ContactCreate.builder().contactType(ContactType.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void queriesCheckTheirPagingAndCanMoveToAnotherPage() {
    ProjectQuery query = ProjectQuery.builder().includeInactive(true).pageSize(10).build();

    assertThat(query.withPage(3).page()).isEqualTo(3);
    assertThat(query.withPage(3).includeInactive()).isTrue();
    assertThat(query.page()).isEqualTo(1);
    assertThat(StaffQuery.builder().build().pageSize()).isEqualTo(SynergyQuery.MAX_PAGE_SIZE);
    assertThatThrownBy(() -> ProjectQuery.builder().pageSize(101).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
    assertThatThrownBy(() -> query.withPage(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(() -> ContactQuery.builder().contactType(ContactType.UNKNOWN).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contactType");
  }

  @Test
  void forStatusPicksTheSubclassForWhatTheCallerDoesNext() {
    Map<String, List<String>> none = Map.of();

    assertThat(SynergyApiException.forStatus(400, "r", null, "POST", "/p", Map.of("a", List.of("b")), null))
        .isInstanceOf(SynergyValidationException.class)
        .satisfies(e -> assertThat(e.fieldErrors()).containsEntry("a", List.of("b")));
    assertThat(SynergyApiException.forStatus(401, "r", null, "GET", "/p", none, null))
        .isInstanceOf(SynergyAuthenticationException.class);
    assertThat(SynergyApiException.forStatus(403, "r", null, "GET", "/p", none, null))
        .isInstanceOf(SynergyPermissionException.class);
    assertThat(SynergyApiException.forStatus(404, "r", "id-1", "GET", "/p", none, null))
        .isInstanceOf(SynergyNotFoundException.class).hasMessage("r (GET /p, status 404, request id id-1)");
    assertThat(SynergyApiException.forStatus(429, "r", null, "GET", "/p", none, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(SynergyRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
    assertThat(SynergyApiException.forStatus(504, "r", null, "GET", "/p", none, null))
        .isInstanceOf(SynergyServerException.class);
    assertThat(SynergyApiException.forStatus(409, "r", null, "GET", "/p", none, null))
        .isExactlyInstanceOf(SynergyApiException.class);
  }

  @Test
  void unknownWireNamesReadAsUnknown() {
    assertThat(StatusType.fromWireName("PendingInvoice")).isEqualTo(StatusType.PENDING_INVOICE);
    assertThat(StatusType.fromWireName("pendinginvoice")).isEqualTo(StatusType.UNKNOWN);
    assertThat(SecurityLevel.fromWireName(null)).isEqualTo(SecurityLevel.UNKNOWN);
    assertThat(ContactType.fromWireName("Individual")).isEqualTo(ContactType.INDIVIDUAL);
  }
}
