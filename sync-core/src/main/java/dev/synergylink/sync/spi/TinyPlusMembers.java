package dev.synergylink.sync.spi;

import dev.synergylink.tinyplus.Address;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyWriteBuilder;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactWriteBuilder;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.ProjectWriteBuilder;
import dev.synergylink.tinyplus.SyncedRecord;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberWriteBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The members a field rule can write to tiny+, one typed {@link Member} per member of the contract's create and
 * patch requests (named as the contract names them), and how a set of them lands on a request builder. The members
 * every tiny+ record has ({@link #EXTERNAL_URL} and the engine's markers) are keyed by {@link SyncedRecord}, so any
 * tiny+ record's writer can set them.
 *
 * <pre>{@code
 * FieldWriter<Company> phone = (value, out, ctx) -> out.set(TinyPlusMembers.COMPANY_OFFICE_PHONE, value);
 * }</pre>
 */
public final class TinyPlusMembers {
  private static final String SYSTEM = "tiny+";

  private TinyPlusMembers() {}

  // ---- every record ----

  /** {@code external_url}: a link to the record in the other system. */
  public static final Member<SyncedRecord, String> EXTERNAL_URL =
      Member.of("external_url", SYSTEM, String.class, (t, v) -> t.tinyPlusRecord().externalUrl(v));

  /** {@code remote_id}: the linked record's id; the engine's marker, rules leave it alone. */
  public static final Member<SyncedRecord, String> REMOTE_ID =
      Member.of("remote_id", SYSTEM, String.class, (t, v) -> t.tinyPlusRecord().remoteId(v));

  /** {@code sync_origin}: the connection the remote id belongs to; the engine's marker, rules leave it alone. */
  public static final Member<SyncedRecord, String> SYNC_ORIGIN =
      Member.of("sync_origin", SYSTEM, String.class, (t, v) -> t.tinyPlusRecord().syncOrigin(v));

  /** {@code is_synced}: whether the record is synced; the engine's marker, rules leave it alone. */
  public static final Member<SyncedRecord, Boolean> IS_SYNCED =
      Member.of("is_synced", SYSTEM, Boolean.class, (t, v) -> t.tinyPlusRecord().isSynced(Boolean.TRUE.equals(v)));

  /**
   * {@code locked_fields}: the fields the tiny+ app shows read-only; the engine's marker, rules leave it alone. Set
   * to null, it unlocks every field.
   */
  public static final Member<SyncedRecord, List<String>> LOCKED_FIELDS =
      new Member<>("locked_fields", SYSTEM, false, TinyPlusMembers::strings,
          (t, v) -> t.tinyPlusRecord().lockedFields(v == null ? List.of() : v));

  // ---- companies ----

  /** {@code name}: the company name; required (cannot be cleared). */
  public static final Member<Company, String> COMPANY_NAME =
      Member.required("name", SYSTEM, String.class, (t, v) -> t.tinyPlusCompany().name(v));

  /** {@code physical_address}: replaces the whole address. */
  public static final Member<Company, Address> COMPANY_PHYSICAL_ADDRESS =
      Member.of("physical_address", SYSTEM, Address.class, (t, v) -> t.tinyPlusCompany().physicalAddress(v));

  /** {@code email}. */
  public static final Member<Company, String> COMPANY_EMAIL =
      Member.of("email", SYSTEM, String.class, (t, v) -> t.tinyPlusCompany().email(v));

  /** {@code website}. */
  public static final Member<Company, String> COMPANY_WEBSITE =
      Member.of("website", SYSTEM, String.class, (t, v) -> t.tinyPlusCompany().website(v));

  /** {@code abn}: the Australian Business Number. */
  public static final Member<Company, String> COMPANY_ABN =
      Member.of("abn", SYSTEM, String.class, (t, v) -> t.tinyPlusCompany().abn(v));

  /** {@code mobile}. */
  public static final Member<Company, String> COMPANY_MOBILE =
      Member.of("mobile", SYSTEM, String.class, (t, v) -> t.tinyPlusCompany().mobile(v));

  /** {@code office_phone}. */
  public static final Member<Company, String> COMPANY_OFFICE_PHONE =
      Member.of("office_phone", SYSTEM, String.class, (t, v) -> t.tinyPlusCompany().officePhone(v));

  /** {@code twitter}. */
  public static final Member<Company, String> COMPANY_TWITTER =
      Member.of("twitter", SYSTEM, String.class, (t, v) -> t.tinyPlusCompany().twitter(v));

  // ---- contacts ----

  /** {@code first_name}. */
  public static final Member<Contact, String> CONTACT_FIRST_NAME =
      Member.of("first_name", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().firstName(v));

  /** {@code last_name}. */
  public static final Member<Contact, String> CONTACT_LAST_NAME =
      Member.of("last_name", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().lastName(v));

  /** {@code role}. */
  public static final Member<Contact, String> CONTACT_ROLE =
      Member.of("role", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().role(v));

  /** {@code direct}: the direct telephone. */
  public static final Member<Contact, String> CONTACT_DIRECT =
      Member.of("direct", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().direct(v));

  /** {@code email_address}. */
  public static final Member<Contact, String> CONTACT_EMAIL_ADDRESS =
      Member.of("email_address", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().emailAddress(v));

  /** {@code website}. */
  public static final Member<Contact, String> CONTACT_WEBSITE =
      Member.of("website", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().website(v));

  /** {@code mobile}. */
  public static final Member<Contact, String> CONTACT_MOBILE =
      Member.of("mobile", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().mobile(v));

  /** {@code office_phone}. */
  public static final Member<Contact, String> CONTACT_OFFICE_PHONE =
      Member.of("office_phone", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().officePhone(v));

  /** {@code twitter}. */
  public static final Member<Contact, String> CONTACT_TWITTER =
      Member.of("twitter", SYSTEM, String.class, (t, v) -> t.tinyPlusContact().twitter(v));

  /** {@code primary_company}: the related company's id. */
  public static final Member<Contact, Long> CONTACT_PRIMARY_COMPANY =
      Member.of("primary_company", SYSTEM, Long.class, (t, v) -> t.tinyPlusContact().primaryCompany(v));

  // ---- team members ----

  /** {@code name}: the member's name; required. */
  public static final Member<TeamMember, String> TEAM_MEMBER_NAME =
      Member.required("name", SYSTEM, String.class, (t, v) -> t.tinyPlusTeamMember().name(v));

  /** {@code email}; tiny+ refuses to change an active member's. */
  public static final Member<TeamMember, String> TEAM_MEMBER_EMAIL =
      Member.of("email", SYSTEM, String.class, (t, v) -> t.tinyPlusTeamMember().email(v));

  /** {@code direct}: the direct phone. */
  public static final Member<TeamMember, String> TEAM_MEMBER_DIRECT =
      Member.of("direct", SYSTEM, String.class, (t, v) -> t.tinyPlusTeamMember().direct(v));

  /** {@code mobile}. */
  public static final Member<TeamMember, String> TEAM_MEMBER_MOBILE =
      Member.of("mobile", SYSTEM, String.class, (t, v) -> t.tinyPlusTeamMember().mobile(v));

  /** {@code title}: the job title. */
  public static final Member<TeamMember, String> TEAM_MEMBER_TITLE =
      Member.of("title", SYSTEM, String.class, (t, v) -> t.tinyPlusTeamMember().title(v));

  // ---- projects ----

  /** {@code name}: the project name; required. */
  public static final Member<Project, String> PROJECT_NAME =
      Member.required("name", SYSTEM, String.class, (t, v) -> t.tinyPlusProject().name(v));

  /** {@code project_number}. */
  public static final Member<Project, String> PROJECT_PROJECT_NUMBER =
      Member.of("project_number", SYSTEM, String.class, (t, v) -> t.tinyPlusProject().projectNumber(v));

  /** {@code description}. */
  public static final Member<Project, String> PROJECT_DESCRIPTION =
      Member.of("description", SYSTEM, String.class, (t, v) -> t.tinyPlusProject().description(v));

  /** {@code state}: the pipeline state; cannot be cleared. */
  public static final Member<Project, ProjectState> PROJECT_STATE =
      Member.required("state", SYSTEM, ProjectState.class, (t, v) -> t.tinyPlusProject().state(v));

  /** {@code phase}: a project phase id of the project's state. */
  public static final Member<Project, Long> PROJECT_PHASE =
      Member.of("phase", SYSTEM, Long.class, (t, v) -> t.tinyPlusProject().phase(v));

  /** {@code project_type}: one of the names in {@code /project_types}. */
  public static final Member<Project, String> PROJECT_PROJECT_TYPE =
      Member.of("project_type", SYSTEM, String.class, (t, v) -> t.tinyPlusProject().projectType(v));

  /** {@code assigned_user}: a team member id. */
  public static final Member<Project, Long> PROJECT_ASSIGNED_USER =
      Member.of("assigned_user", SYSTEM, Long.class, (t, v) -> t.tinyPlusProject().assignedUser(v));

  /** {@code client_company}: a company id. */
  public static final Member<Project, Long> PROJECT_CLIENT_COMPANY =
      Member.of("client_company", SYSTEM, Long.class, (t, v) -> t.tinyPlusProject().clientCompany(v));

  /** {@code value}: the fee value, at least zero. */
  public static final Member<Project, BigDecimal> PROJECT_VALUE =
      Member.of("value", SYSTEM, BigDecimal.class, (t, v) -> t.tinyPlusProject().value(v));

  /** {@code address}: replaces the whole address. */
  public static final Member<Project, Address> PROJECT_ADDRESS =
      Member.of("address", SYSTEM, Address.class, (t, v) -> t.tinyPlusProject().address(v));

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    for (Object item : (List<?>) value) {
      strings.add((String) item);
    }
    return List.copyOf(strings);
  }

  // ---- onto the request builders ----

  /**
   * Sets members on a company create or patch.
   *
   * @param values the members
   * @param builder the builder
   * @param <B> the builder type
   * @return the builder
   * @throws SkipRecordException when a required member is cleared
   */
  public static <B extends CompanyWriteBuilder<B>> B applyToCompany(MemberValues<Company> values, B builder) {
    values.applyTo(RequestTarget.tinyPlusCompany(builder));
    return builder;
  }

  /**
   * Sets members on a contact create or patch.
   *
   * @param values the members
   * @param builder the builder
   * @param <B> the builder type
   * @return the builder
   * @throws SkipRecordException when a required member is cleared
   */
  public static <B extends ContactWriteBuilder<B>> B applyToContact(MemberValues<Contact> values, B builder) {
    values.applyTo(RequestTarget.tinyPlusContact(builder));
    return builder;
  }

  /**
   * Sets members on a team member create or patch.
   *
   * @param values the members
   * @param builder the builder
   * @param <B> the builder type
   * @return the builder
   * @throws SkipRecordException when a required member is cleared
   */
  public static <B extends TeamMemberWriteBuilder<B>> B applyToTeamMember(MemberValues<TeamMember> values, B builder) {
    values.applyTo(RequestTarget.tinyPlusTeamMember(builder));
    return builder;
  }

  /**
   * Sets members on a project create or patch.
   *
   * @param values the members
   * @param builder the builder
   * @param <B> the builder type
   * @return the builder
   * @throws SkipRecordException when a required member is cleared
   */
  public static <B extends ProjectWriteBuilder<B>> B applyToProject(MemberValues<Project> values, B builder) {
    values.applyTo(RequestTarget.tinyPlusProject(builder));
    return builder;
  }
}
