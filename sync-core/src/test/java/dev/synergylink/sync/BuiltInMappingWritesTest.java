package dev.synergylink.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.internal.Addresses;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.InvalidValueException;
import dev.synergylink.sync.spi.Member;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.sync.spi.SynergyMembers;
import dev.synergylink.sync.spi.TinyPlusMembers;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.TeamMember;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each built-in rule writes its value as the right typed member of each side's requests. */
class BuiltInMappingWritesTest {
  private final RuleContext ctx = RuleContext.of();

  static Stream<Arguments> textRules() {
    return Stream.of(
        Arguments.of(FieldMappings.companies(), "name", SynergyMembers.CONTACT_NAME, TinyPlusMembers.COMPANY_NAME),
        Arguments.of(FieldMappings.companies(), "email", SynergyMembers.CONTACT_EMAIL, TinyPlusMembers.COMPANY_EMAIL),
        Arguments.of(FieldMappings.companies(), "website", SynergyMembers.CONTACT_WEBSITE,
            TinyPlusMembers.COMPANY_WEBSITE),
        Arguments.of(FieldMappings.companies(), "mobile", SynergyMembers.CONTACT_MOBILE,
            TinyPlusMembers.COMPANY_MOBILE),
        Arguments.of(FieldMappings.companies(), "phone", SynergyMembers.CONTACT_PHONE,
            TinyPlusMembers.COMPANY_OFFICE_PHONE),
        Arguments.of(FieldMappings.companies(), "twitter", SynergyMembers.CONTACT_TWITTER,
            TinyPlusMembers.COMPANY_TWITTER),
        Arguments.of(FieldMappings.contacts(), "firstName", SynergyMembers.PERSONNEL_FIRST_NAME,
            TinyPlusMembers.CONTACT_FIRST_NAME),
        Arguments.of(FieldMappings.contacts(), "lastName", SynergyMembers.PERSONNEL_LAST_NAME,
            TinyPlusMembers.CONTACT_LAST_NAME),
        Arguments.of(FieldMappings.contacts(), "phone", SynergyMembers.PERSONNEL_PHONE, TinyPlusMembers.CONTACT_DIRECT),
        Arguments.of(FieldMappings.contacts(), "title", SynergyMembers.PERSONNEL_TITLE, TinyPlusMembers.CONTACT_ROLE),
        Arguments.of(FieldMappings.contacts(), "email", SynergyMembers.PERSONNEL_EMAIL,
            TinyPlusMembers.CONTACT_EMAIL_ADDRESS),
        Arguments.of(FieldMappings.contacts(), "website", SynergyMembers.PERSONNEL_WEBSITE,
            TinyPlusMembers.CONTACT_WEBSITE),
        Arguments.of(FieldMappings.contacts(), "mobile", SynergyMembers.PERSONNEL_MOBILE,
            TinyPlusMembers.CONTACT_MOBILE),
        Arguments.of(FieldMappings.contacts(), "officePhone", SynergyMembers.PERSONNEL_OFFICE_PHONE,
            TinyPlusMembers.CONTACT_OFFICE_PHONE),
        Arguments.of(FieldMappings.contacts(), "twitter", SynergyMembers.PERSONNEL_TWITTER,
            TinyPlusMembers.CONTACT_TWITTER),
        Arguments.of(ProjectMappings.projects(), "name", SynergyMembers.PROJECT_NAME, TinyPlusMembers.PROJECT_NAME),
        Arguments.of(ProjectMappings.projects(), "scope", SynergyMembers.PROJECT_SCOPE,
            TinyPlusMembers.PROJECT_DESCRIPTION));
  }

  @Test
  void theAbnRuleSendsAValidAbnAndRefusesOneThatFailsTheChecksumWithoutSendingIt() {
    FieldRule<dev.synergylink.synergy.Contact, dev.synergylink.tinyplus.Company> rule =
        FieldMappings.companies().rule("abn").orElseThrow();

    assertThat(toSynergy(rule, "51 824 753 556").get(SynergyMembers.CONTACT_ABN)).isEqualTo("51 824 753 556");
    assertThat(toSynergy(rule, null).names()).containsExactly(SynergyMembers.CONTACT_ABN.name());
    assertThat(toTinyPlus(rule, "12 345 678 901").get(TinyPlusMembers.COMPANY_ABN)).isEqualTo("12 345 678 901");
    assertThatThrownBy(() -> toSynergy(rule, "12 345 678 901"))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.field()).isEqualTo("abn");
          assertThat(e.getMessage()).contains("not a valid ABN", "correct it in tiny+").doesNotContain("345");
        });
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("textRules")
  <S, T> void aTextRuleWritesItsOneMemberOnEachSideAndClearsItWithNull(FieldMapping<S, T> mapping, String name,
      Member<S, String> synergy, Member<T, String> tinyPlus) {
    FieldRule<S, T> rule = mapping.rule(name).orElseThrow();

    assertThat(toSynergy(rule, "Acme")).satisfies(out -> {
      assertThat(out.names()).containsExactly(synergy.name());
      assertThat(out.get(synergy)).isEqualTo("Acme");
    });
    assertThat(toTinyPlus(rule, "Acme")).satisfies(out -> {
      assertThat(out.names()).containsExactly(tinyPlus.name());
      assertThat(out.get(tinyPlus)).isEqualTo("Acme");
    });
    assertThat(rule.synergyField()).isEqualTo(synergy.name());
    assertThat(rule.tinyPlusField()).isEqualTo(tinyPlus.name());
    MemberValues<T> cleared = toTinyPlus(rule, null);
    assertThat(cleared.isSet(tinyPlus)).as("set, to clear it").isTrue();
    assertThat(cleared.get(tinyPlus)).isNull();
  }

  @Test
  void addressesAreWrittenAsEachSystemsAddress() {
    String text = Addresses.fromTinyPlus(dev.synergylink.tinyplus.Address.builder().street("1 Main St")
        .suburb("Glebe").state("NSW").postcode("2037").build());

    FieldRule<dev.synergylink.synergy.Contact, Company> address = FieldMappings.companies().rule("address")
        .orElseThrow();
    assertThat(toSynergy(address, text).get(SynergyMembers.CONTACT_OFFICE_ADDRESS))
        .satisfies(a -> {
          assertThat(a.address1()).isEqualTo("1 Main St");
          assertThat(a.town()).isEqualTo("Glebe");
          assertThat(a.zipCode()).isEqualTo("2037");
        });
    assertThat(toTinyPlus(address, text).get(TinyPlusMembers.COMPANY_PHYSICAL_ADDRESS).suburb()).isEqualTo("Glebe");

    FieldRule<Project, dev.synergylink.tinyplus.Project> site = ProjectMappings.projects().rule("address")
        .orElseThrow();
    assertThat(toSynergy(site, text).get(SynergyMembers.PROJECT_ADDRESS).state()).isEqualTo("NSW");
    assertThat(toTinyPlus(site, text).get(TinyPlusMembers.PROJECT_ADDRESS).postcode()).isEqualTo("2037");
  }

  @Test
  void derivedValuesAreWrittenToTinyPlusOnly() {
    FieldRule<dev.synergylink.synergy.Contact, Company> url = FieldMappings.companies().rule("externalUrl")
        .orElseThrow();

    assertThat(url.canWriteSynergy()).isFalse();
    assertThat(toTinyPlus(url, "https://synergy.example/x").get(TinyPlusMembers.EXTERNAL_URL))
        .isEqualTo("https://synergy.example/x");
    assertThatThrownBy(() -> toSynergy(url, "x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theTeamMembersMappingWritesTeamMemberMembersAndNeverSynergyStaff() {
    FieldMapping<Staff, TeamMember> mapping = FieldMappings.teamMembers();

    assertThat(mapping.rules()).noneMatch(FieldRule::canWriteSynergy);
    assertThat(toTinyPlus(mapping.rule("name").orElseThrow(), "Kim Lee").get(TinyPlusMembers.TEAM_MEMBER_NAME))
        .isEqualTo("Kim Lee");
    assertThat(toTinyPlus(mapping.rule("email").orElseThrow(), "k@x.example").names()).containsExactly("email");
    assertThat(toTinyPlus(mapping.rule("workPhone").orElseThrow(), "1").get(TinyPlusMembers.TEAM_MEMBER_DIRECT))
        .isEqualTo("1");
    assertThat(toTinyPlus(mapping.rule("mobile").orElseThrow(), "2").get(TinyPlusMembers.TEAM_MEMBER_MOBILE))
        .isEqualTo("2");
    assertThat(toTinyPlus(mapping.rule("jobTitle").orElseThrow(), "Director").get(TinyPlusMembers.TEAM_MEMBER_TITLE))
        .isEqualTo("Director");
  }

  @Test
  void aContactsParentIsWrittenAsTheLinkedRecordOnEachSide() {
    ctx.link(RecordType.COMPANY, 42, 7);
    FieldRule<Personnel, dev.synergylink.tinyplus.Contact> parent = FieldMappings.contacts().rule("parent")
        .orElseThrow();

    assertThat(toSynergy(parent, "42").get(SynergyMembers.PERSONNEL_PARENT_CONTACT_ID)).isEqualTo(42L);
    assertThat(toTinyPlus(parent, "42").get(TinyPlusMembers.CONTACT_PRIMARY_COMPANY)).isEqualTo(7L);
    assertThat(toTinyPlus(parent, null).isSet(TinyPlusMembers.CONTACT_PRIMARY_COMPANY)).as("cleared").isTrue();
    assertThatThrownBy(() -> toSynergy(parent, "tinyplus-company:9")).isInstanceOf(SkipRecordException.class)
        .hasMessageContaining("tiny+ company 9").hasMessageContaining("sync the company first");
    assertThatThrownBy(() -> toTinyPlus(parent, "43")).isInstanceOf(SkipRecordException.class)
        .hasMessageContaining("Synergy contact 43");
  }

  @Test
  void aProjectStatusIsWrittenAsTheStatusIdOrAsStateAndPhaseThroughTheCheckedMapping() {
    FieldRule<Project, dev.synergylink.tinyplus.Project> status = ProjectMappings.projects().rule("status")
        .orElseThrow();

    assertThat(toSynergy(status, "5").get(SynergyMembers.PROJECT_STATUS_ID)).isEqualTo(5L);
    MemberValues<dev.synergylink.tinyplus.Project> tinyPlus = toTinyPlus(status, "5");
    assertThat(tinyPlus.names()).containsExactly("state", "phase");
    assertThat(tinyPlus.get(TinyPlusMembers.PROJECT_STATE)).isEqualTo(ProjectState.WON);
    assertThat(tinyPlus.get(TinyPlusMembers.PROJECT_PHASE)).isEqualTo(50L);
    assertThat(ctx.statusChecks).as("each write checks the mapping").isEqualTo(2);
  }

  @Test
  void anUnmappedSynergyStatusLeavesTheTinyPlusStatusAsItIsAndSaysWhy() {
    FieldRule<Project, dev.synergylink.tinyplus.Project> status = ProjectMappings.projects().rule("status")
        .orElseThrow();

    assertThat(toTinyPlus(status, "6").isEmpty()).as("nothing set: left as it is").isTrue();
    assertThat(ctx.notSynced).singleElement().asString().startsWith("TINYPLUS status: Synergy status 6");
    assertThatThrownBy(() -> toSynergy(status, "tinyplus-status:lost")).isInstanceOf(SkipRecordException.class)
        .hasMessageContaining("Configure Project Statuses");
  }

  @Test
  void aProjectManagerIsWrittenAsTheLinkedTeamMemberElseTheActivatingUser() {
    ctx.link(RecordType.TEAM_MEMBER, 3, 9);
    ctx.link(RecordType.TEAM_MEMBER, 5, 77); // the activating user's staff member
    FieldRule<Project, dev.synergylink.tinyplus.Project> manager = ProjectMappings.projects().rule("manager")
        .orElseThrow();

    assertThat(toTinyPlus(manager, "3").get(TinyPlusMembers.PROJECT_ASSIGNED_USER)).isEqualTo(9L);
    assertThat(toSynergy(manager, "3").get(SynergyMembers.PROJECT_MANAGER_ID)).isEqualTo(3L);
    assertThat(ctx.notSynced).isEmpty();
    assertThat(toTinyPlus(manager, "synergy-staff:4").get(TinyPlusMembers.PROJECT_ASSIGNED_USER)).isEqualTo(77L);
    assertThat(toTinyPlus(manager, null).get(TinyPlusMembers.PROJECT_ASSIGNED_USER)).isEqualTo(77L);
    assertThat(toSynergy(manager, "tinyplus-member:8").get(SynergyMembers.PROJECT_MANAGER_ID)).isEqualTo(5L);
    assertThat(toSynergy(manager, null).get(SynergyMembers.PROJECT_MANAGER_ID)).isEqualTo(5L);
    assertThat(ctx.notSynced).hasSize(4).allSatisfy(note -> assertThat(note).asString()
        .contains("defaulted to the activating user"));
  }

  @Test
  void aProjectManagerIsLeftAsItIsWhenTheActivatingUserHasNoStaffMember() {
    FieldRule<Project, dev.synergylink.tinyplus.Project> manager = ProjectMappings.projects().rule("manager")
        .orElseThrow();

    MemberValues<Project> cleared = toSynergy(manager, null);
    assertThat(cleared.isSet(SynergyMembers.PROJECT_MANAGER_ID)).isTrue();
    assertThat(cleared.get(SynergyMembers.PROJECT_MANAGER_ID)).isNull();
    assertThat(toSynergy(manager, "tinyplus-member:8").isEmpty()).as("left as it is").isTrue();
    assertThat(ctx.notSynced).singleElement().asString().contains("team member 8").contains("left as it is")
        .contains("activating user (team member 77)");
  }

  @Test
  void theManagerRuleWithoutTheDefaultLeavesAnUnlinkedAssigneeAndEmptiesAnEmptyOne() {
    ctx.link(RecordType.TEAM_MEMBER, 5, 77);
    FieldRule<Project, dev.synergylink.tinyplus.Project> manager = ProjectMappings.managerWithoutDefault();

    assertThat(manager.name()).isEqualTo("manager");
    assertThat(toSynergy(manager, "tinyplus-member:8").isEmpty()).as("left as it is").isTrue();
    MemberValues<Project> cleared = toSynergy(manager, null);
    assertThat(cleared.isSet(SynergyMembers.PROJECT_MANAGER_ID)).isTrue();
    assertThat(cleared.get(SynergyMembers.PROJECT_MANAGER_ID)).isNull();
    MemberValues<dev.synergylink.tinyplus.Project> unassigned = toTinyPlus(manager, null);
    assertThat(unassigned.isSet(TinyPlusMembers.PROJECT_ASSIGNED_USER)).isTrue();
    assertThat(unassigned.get(TinyPlusMembers.PROJECT_ASSIGNED_USER)).isNull();
    assertThat(toTinyPlus(manager, "synergy-staff:4").get(TinyPlusMembers.PROJECT_ASSIGNED_USER)).isEqualTo(77L);
    assertThat(ctx.notSynced).singleElement().asString().contains("team member 8").contains("left as it is");
  }

  @Test
  void aProjectClientTypeAndFeeAreWrittenAsTheirTypedMembers() {
    ctx.link(RecordType.COMPANY, 42, 7);
    ctx.tinyPlusTypes.put("Residential", "Residential");
    FieldMapping<Project, dev.synergylink.tinyplus.Project> projects = ProjectMappings.projects();

    assertThat(toSynergy(projects.rule("client").orElseThrow(), "tinyplus-company:7")
        .get(SynergyMembers.PROJECT_PRIMARY_CONTACT_ID)).isEqualTo(42L);
    assertThat(toTinyPlus(projects.rule("client").orElseThrow(), "42").get(TinyPlusMembers.PROJECT_CLIENT_COMPANY))
        .isEqualTo(7L);
    assertThat(toSynergy(projects.rule("projectType").orElseThrow(), " Residential ")
        .get(SynergyMembers.PROJECT_PROJECT_TYPE)).isEqualTo("Residential");
    assertThat(toTinyPlus(projects.rule("projectType").orElseThrow(), "Residential")
        .get(TinyPlusMembers.PROJECT_PROJECT_TYPE)).isEqualTo("Residential");
    assertThat(toSynergy(projects.rule("fee").orElseThrow(), "12500.5").get(SynergyMembers.PROJECT_INITIAL_FEE))
        .isEqualByComparingTo(new BigDecimal("12500.50"));
    assertThat(toTinyPlus(projects.rule("fee").orElseThrow(), "99").get(TinyPlusMembers.PROJECT_VALUE))
        .isEqualByComparingTo(new BigDecimal("99"));
    assertThat(projects.rule("projectNumber").orElseThrow().canWriteSynergy()).isFalse();
    assertThat(toTinyPlus(projects.rule("projectNumber").orElseThrow(), "P-1").names())
        .containsExactly("project_number");
  }

  @Test
  void theLockedTinyPlusFieldsAreTheMembersNames() {
    assertThat(ProjectMappings.projects().lockedTinyPlusFields())
        .containsExactly("project_number", "client_company", "value", "external_url");
    assertThat(FieldMappings.teamMembers().lockedTinyPlusFields())
        .containsExactly("name", "email", "direct", "mobile", "title", "external_url");
  }

  private <S, T> MemberValues<S> toSynergy(FieldRule<S, T> rule, String value) {
    MemberValues<S> out = MemberValues.create();
    rule.writeSynergy(value, out, ctx);
    return out;
  }

  private <S, T> MemberValues<T> toTinyPlus(FieldRule<S, T> rule, String value) {
    MemberValues<T> out = MemberValues.create();
    rule.writeTinyPlus(value, out, ctx);
    return out;
  }
}
