package dev.synergylink.tinyplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Absent vs null in members(), and eager checks that name the field and the fix. */
class WriteRequestTest {

  @Test
  void members_keepOrderAndExplicitNulls_andLeaveUnsetOut() {
    ContactPatch patch = ContactPatch.builder().emailAddress(null).firstName("Zoë").mobile(null).build();

    assertThat(patch.members()).containsExactly(
        entry("email_address", null), entry("first_name", "Zoë"), entry("mobile", null));
    assertThat(patch.isSet("mobile")).isTrue();
    assertThat(patch.isSet("last_name")).isFalse();
    assertThat(patch.get("mobile")).isNull();
  }

  @Test
  void members_areUnmodifiable_andTheBuilderIsNotShared() {
    ProjectPatch.Builder builder = ProjectPatch.builder().name("a");
    ProjectPatch first = builder.build();
    builder.description("later");

    assertThat(first.members()).containsOnlyKeys("name");
    assertThatThrownBy(() -> first.members().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void settingAgain_replacesTheValueInPlace() {
    ProjectPatch patch = ProjectPatch.builder().name("a").value(BigDecimal.ONE).name("b").build();

    assertThat(patch.members()).containsExactly(entry("name", "b"), entry("value", BigDecimal.ONE));
  }

  @Test
  void valueObjects_compareByMembers() {
    assertThat(CompanyPatch.builder().abn("1").build()).isEqualTo(CompanyPatch.builder().abn("1").build())
        .isNotEqualTo(CompanyCreate.builder().name("x").abn("1").build());
    assertThat(CompanyPatch.builder().abn("1").build().toString()).isEqualTo("CompanyPatch{abn=1}");
  }

  @Test
  void requiredMembers_cannotBeCleared() {
    assertThatThrownBy(() -> ProjectPatch.builder().name(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("name cannot be cleared");
    assertThatThrownBy(() -> ProjectPatch.builder().state(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CompanyPatch.builder().name(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name is blank");
  }

  @Test
  void creates_needTheirRequiredMembers() {
    assertThatThrownBy(() -> ProjectCreate.builder().description("x").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("name(...)");
    assertThatThrownBy(() -> CompanyCreate.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ContactCreate.builder().firstName(" ").lastName(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("firstName(...) or lastName(...)");
    assertThat(ContactCreate.builder().lastName("Ng").build().members()).containsOnlyKeys("last_name");
  }

  @Test
  void teamMemberCreate_isAlwaysAGhost() {
    TeamMemberCreate create = TeamMemberCreate.builder().name("Kim").build();

    assertThat(create.members()).containsExactly(entry("name", "Kim"), entry("record_status", TeamMemberStatus.GHOST));
  }

  @Test
  void statuses_onlyTheWritableOnes() {
    assertThatThrownBy(() -> TeamMemberPatch.builder().recordStatus(TeamMemberStatus.ACTIVE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[GHOST, DEACTIVATED]");
    assertThatThrownBy(() -> ProjectPatch.builder().recordStatus(RecordStatus.DELETED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ContactPatch.builder().recordStatus(RecordStatus.PROSPECT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CompanyPatch.builder().recordStatus(RecordStatus.LATENT).build().get("record_status"))
        .isEqualTo(RecordStatus.LATENT);
    assertThatThrownBy(() -> ProjectPatch.builder().state(ProjectState.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void value_mustNotBeNegative() {
    assertThatThrownBy(() -> ProjectPatch.builder().value(new BigDecimal("-0.01")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value must be 0 or more");
  }

  @Test
  void lockedFields_areCopied() {
    List<String> fields = new java.util.ArrayList<>(List.of("name"));
    ProjectPatch patch = ProjectPatch.builder().lockedFields(fields).build();
    fields.add("value");

    assertThat(patch.get("locked_fields")).isEqualTo(List.of("name"));
    assertThatThrownBy(() -> ProjectPatch.builder().lockedFields(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("empty list");
  }
}
