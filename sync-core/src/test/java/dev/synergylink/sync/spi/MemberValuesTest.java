package dev.synergylink.sync.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactPatch.Builder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberValuesTest {
  /** A host's rule: one name on Synergy's side, a first and a last name on tiny+'s. */
  private static final FieldRule<Personnel, Contact> FULL_NAME = FieldRule.<Personnel, Contact>builder("fullName")
      .synergy(SynergyMembers.PERSONNEL_TITLE, Personnel::title)
      .tinyPlus("first_name last_name", (contact, ctx) -> contact.firstName() + " " + contact.lastName(),
          (value, out, ctx) -> {
            String[] parts = value == null ? new String[] {null} : value.split(" ", 2);
            out.set(TinyPlusMembers.CONTACT_FIRST_NAME, parts[0])
                .set(TinyPlusMembers.CONTACT_LAST_NAME, parts.length > 1 ? parts[1] : null);
          })
      .build();

  @Test
  void aHostRuleThatWritesTwoMembersSendsBoth() {
    MemberValues<Contact> out = MemberValues.create();
    FULL_NAME.writeTinyPlus("Zoë Ng", out, null);

    Map<String, Object> sent = TinyPlusMembers.applyToContact(out, patch()).build().members();
    assertThat(sent).containsExactly(entry("first_name", "Zoë"), entry("last_name", "Ng"));
  }

  @Test
  void aClearedMemberIsSentAsNullAndAnAbsentOneIsNotSent() {
    MemberValues<Contact> out = MemberValues.create();
    FULL_NAME.writeTinyPlus(null, out, null);

    Map<String, Object> sent = TinyPlusMembers.applyToContact(out, patch()).build().members();
    assertThat(sent).containsOnlyKeys("first_name", "last_name").containsEntry("first_name", null)
        .containsEntry("last_name", null);
    assertThat(sent).doesNotContainKey("role");
  }

  @Test
  void membersKeepTheOrderTheyWereFirstSetIn() {
    MemberValues<dev.synergylink.synergy.Contact> out = MemberValues.<dev.synergylink.synergy.Contact>create()
        .set(SynergyMembers.CONTACT_EMAIL, "a@acme.example")
        .set(SynergyMembers.CONTACT_PHONE, null)
        .set(SynergyMembers.CONTACT_EMAIL, "b@acme.example");

    assertThat(SynergyMembers.applyToContact(out, ContactPatch.builder()).build().members())
        .containsExactly(entry("email", "b@acme.example"), entry("phone", null));
    assertThat(out.without(SynergyMembers.CONTACT_EMAIL).names()).containsExactly("phone");
    assertThat(out.names()).as("without() copies").containsExactly("email", "phone");
  }

  @Test
  void aCreateLeavesClearedMembersOut() {
    MemberValues<dev.synergylink.synergy.Contact> out = MemberValues.<dev.synergylink.synergy.Contact>create()
        .set(SynergyMembers.CONTACT_NAME, "Acme")
        .set(SynergyMembers.CONTACT_PHONE, null);

    ContactCreate create = SynergyMembers.applyToContact(out.withoutClears(), ContactCreate.builder()).build();
    assertThat(create.members()).containsExactly(entry("name", "Acme"));
  }

  @Test
  void aRequiredMemberClearedOrBlankMakesTheRecordWaitWithTheReason() {
    MemberValues<dev.synergylink.synergy.Contact> cleared = MemberValues.<dev.synergylink.synergy.Contact>create()
        .set(SynergyMembers.CONTACT_NAME, null);
    MemberValues<Company> blank = MemberValues.<Company>create().set(TinyPlusMembers.COMPANY_NAME, " ");

    assertThat(SynergyMembers.CONTACT_NAME.isRequired()).isTrue();
    assertThatThrownBy(() -> SynergyMembers.applyToContact(cleared, ContactPatch.builder()))
        .isInstanceOf(SkipRecordException.class).hasMessage("its name is empty, and Synergy needs one: fill it in");
    assertThatThrownBy(() -> TinyPlusMembers.applyToCompany(blank, CompanyPatch.builder()))
        .isInstanceOf(SkipRecordException.class).hasMessage("its name is empty, and tiny+ needs one: fill it in");
  }

  @Test
  void theInitialFeeGoesIntoAProjectCreateOnly() {
    MemberValues<Project> out = MemberValues.<Project>create()
        .set(SynergyMembers.PROJECT_NAME, "Harbour House").set(SynergyMembers.PROJECT_STATUS_ID, 3L)
        .set(SynergyMembers.PROJECT_PRIMARY_CONTACT_ID, 42L)
        .set(SynergyMembers.PROJECT_INITIAL_FEE, new BigDecimal("100.00"));

    assertThat(SynergyMembers.applyToProjectCreate(out, ProjectCreate.builder()).build().members())
        .containsEntry("initialFee", new BigDecimal("100.00")).containsEntry("statusId", 3L);
    assertThatThrownBy(() -> SynergyMembers.applyToProject(out, ProjectPatch.builder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialFee")
        .hasMessageContaining("fix the rule's writer or its direction");
  }

  @Test
  void theMembersEveryTinyPlusRecordHasGoIntoAnyOfItsRequests() {
    MemberValues<Company> out = MemberValues.<Company>create()
        .set(TinyPlusMembers.EXTERNAL_URL, "https://synergy.example/1")
        .set(TinyPlusMembers.LOCKED_FIELDS, List.of("external_url"))
        .set(TinyPlusMembers.IS_SYNCED, true);

    assertThat(out.get(TinyPlusMembers.LOCKED_FIELDS)).containsExactly("external_url");
    assertThat(TinyPlusMembers.applyToCompany(out, CompanyPatch.builder()).build().members()).containsExactly(
        entry("external_url", "https://synergy.example/1"), entry("locked_fields", List.of("external_url")),
        entry("is_synced", true));
  }

  private static Builder patch() {
    return dev.synergylink.tinyplus.ContactPatch.builder();
  }
}
