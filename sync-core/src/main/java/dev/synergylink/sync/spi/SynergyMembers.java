package dev.synergylink.sync.spi;

import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactMembers;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelMembers;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectMembers;
import java.math.BigDecimal;

/**
 * The members a field rule can write to Synergy, one typed {@link Member} per member of the contract's create and
 * patch requests (named as the Synergy client's builders name them), and how a set of them lands on a request
 * builder. Staff are read-only: nothing is ever written to them.
 *
 * <pre>{@code
 * FieldWriter<Contact> phone = (value, out, ctx) -> out.set(SynergyMembers.CONTACT_PHONE, value);
 * }</pre>
 */
public final class SynergyMembers {
  private static final String SYSTEM = "Synergy";

  private SynergyMembers() {}

  // ---- contacts (Company and Individual) ----

  /** {@code name}: the contact's name; required (cannot be cleared). */
  public static final Member<Contact, String> CONTACT_NAME =
      Member.required("name", SYSTEM, String.class, (t, v) -> t.synergyContact().name(v));

  /** {@code officeAddress}: the office address, sent whole. */
  public static final Member<Contact, Address> CONTACT_OFFICE_ADDRESS =
      Member.of("officeAddress", SYSTEM, Address.class, (t, v) -> t.synergyContact().officeAddress(v));

  /** {@code email}. */
  public static final Member<Contact, String> CONTACT_EMAIL =
      Member.of("email", SYSTEM, String.class, (t, v) -> t.synergyContact().email(v));

  /** {@code website}. */
  public static final Member<Contact, String> CONTACT_WEBSITE =
      Member.of("website", SYSTEM, String.class, (t, v) -> t.synergyContact().website(v));

  /** {@code abn}: the Australian Business Number. */
  public static final Member<Contact, String> CONTACT_ABN =
      Member.of("abn", SYSTEM, String.class, (t, v) -> t.synergyContact().abn(v));

  /** {@code mobile}. */
  public static final Member<Contact, String> CONTACT_MOBILE =
      Member.of("mobile", SYSTEM, String.class, (t, v) -> t.synergyContact().mobile(v));

  /** {@code phone}. */
  public static final Member<Contact, String> CONTACT_PHONE =
      Member.of("phone", SYSTEM, String.class, (t, v) -> t.synergyContact().phone(v));

  /** {@code twitter}. */
  public static final Member<Contact, String> CONTACT_TWITTER =
      Member.of("twitter", SYSTEM, String.class, (t, v) -> t.synergyContact().twitter(v));

  /** {@code externalReference}: the engine's marker on a contact it created; rules leave it alone. */
  public static final Member<Contact, String> CONTACT_EXTERNAL_REFERENCE =
      Member.of("externalReference", SYSTEM, String.class, (t, v) -> t.synergyContact().externalReference(v));

  // ---- personnel ----

  /** {@code parentContactId}: the Company contact the person belongs to; required. */
  public static final Member<Personnel, Long> PERSONNEL_PARENT_CONTACT_ID =
      Member.required("parentContactId", SYSTEM, Long.class, (t, v) -> t.synergyPersonnel().parentContactId(v));

  /** {@code firstName}. */
  public static final Member<Personnel, String> PERSONNEL_FIRST_NAME =
      Member.of("firstName", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().firstName(v));

  /** {@code lastName}. */
  public static final Member<Personnel, String> PERSONNEL_LAST_NAME =
      Member.of("lastName", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().lastName(v));

  /** {@code title}: the job title or role. */
  public static final Member<Personnel, String> PERSONNEL_TITLE =
      Member.of("title", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().title(v));

  /** {@code phone}: the direct line. */
  public static final Member<Personnel, String> PERSONNEL_PHONE =
      Member.of("phone", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().phone(v));

  /** {@code email}. */
  public static final Member<Personnel, String> PERSONNEL_EMAIL =
      Member.of("email", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().email(v));

  /** {@code website}. */
  public static final Member<Personnel, String> PERSONNEL_WEBSITE =
      Member.of("website", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().website(v));

  /** {@code mobile}. */
  public static final Member<Personnel, String> PERSONNEL_MOBILE =
      Member.of("mobile", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().mobile(v));

  /** {@code officePhone}. */
  public static final Member<Personnel, String> PERSONNEL_OFFICE_PHONE =
      Member.of("officePhone", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().officePhone(v));

  /** {@code twitter}. */
  public static final Member<Personnel, String> PERSONNEL_TWITTER =
      Member.of("twitter", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().twitter(v));

  /** {@code externalReference}: the engine's marker on a person it created; rules leave it alone. */
  public static final Member<Personnel, String> PERSONNEL_EXTERNAL_REFERENCE =
      Member.of("externalReference", SYSTEM, String.class, (t, v) -> t.synergyPersonnel().externalReference(v));

  // ---- projects ----

  /** {@code name}: the project's name; required. */
  public static final Member<Project, String> PROJECT_NAME =
      Member.required("name", SYSTEM, String.class, (t, v) -> t.synergyProject().name(v));

  /** {@code statusId}: the project's status; required. */
  public static final Member<Project, Long> PROJECT_STATUS_ID =
      Member.required("statusId", SYSTEM, Long.class, (t, v) -> t.synergyProject().statusId(v));

  /** {@code primaryContactId}: the client contact; required. */
  public static final Member<Project, Long> PROJECT_PRIMARY_CONTACT_ID =
      Member.required("primaryContactId", SYSTEM, Long.class, (t, v) -> t.synergyProject().primaryContactId(v));

  /** {@code projectType}. */
  public static final Member<Project, String> PROJECT_PROJECT_TYPE =
      Member.of("projectType", SYSTEM, String.class, (t, v) -> t.synergyProject().projectType(v));

  /** {@code managerId}: the project manager, a staff id. */
  public static final Member<Project, Long> PROJECT_MANAGER_ID =
      Member.of("managerId", SYSTEM, Long.class, (t, v) -> t.synergyProject().managerId(v));

  /** {@code address}: the site address, sent whole. */
  public static final Member<Project, Address> PROJECT_ADDRESS =
      Member.of("address", SYSTEM, Address.class, (t, v) -> t.synergyProject().address(v));

  /** {@code scope}: the scope of work. */
  public static final Member<Project, String> PROJECT_SCOPE =
      Member.of("scope", SYSTEM, String.class, (t, v) -> t.synergyProject().scope(v));

  /** {@code externalReference}: the engine's marker on a project it created; rules leave it alone. */
  public static final Member<Project, String> PROJECT_EXTERNAL_REFERENCE =
      Member.of("externalReference", SYSTEM, String.class, (t, v) -> t.synergyProject().externalReference(v));

  /**
   * {@code initialFee}: the fee of the one stage (named Fee) Synergy makes for a new project; a create only (a patch
   * refuses it, so a rule writing it must not write to Synergy after the create).
   */
  public static final Member<Project, BigDecimal> PROJECT_INITIAL_FEE =
      Member.of("initialFee", SYSTEM, BigDecimal.class, (t, v) -> t.synergyProjectCreate().initialFee(v));

  // ---- onto the request builders ----

  /**
   * Sets members on a contact create or patch.
   *
   * @param values the members
   * @param builder the builder
   * @param <B> the builder type
   * @return the builder
   * @throws SkipRecordException when a required member is cleared
   */
  public static <B extends ContactMembers<B>> B applyToContact(MemberValues<Contact> values, B builder) {
    values.applyTo(RequestTarget.synergyContact(builder));
    return builder;
  }

  /**
   * Sets members on a personnel create or patch.
   *
   * @param values the members
   * @param builder the builder
   * @param <B> the builder type
   * @return the builder
   * @throws SkipRecordException when a required member is cleared
   */
  public static <B extends PersonnelMembers<B>> B applyToPersonnel(MemberValues<Personnel> values, B builder) {
    values.applyTo(RequestTarget.synergyPersonnel(builder));
    return builder;
  }

  /**
   * Sets members on a project patch.
   *
   * @param values the members
   * @param builder the builder
   * @param <B> the builder type
   * @return the builder
   * @throws SkipRecordException when a required member is cleared
   * @throws IllegalArgumentException when {@link #PROJECT_INITIAL_FEE} is set (a create only)
   */
  public static <B extends ProjectMembers<B>> B applyToProject(MemberValues<Project> values, B builder) {
    values.applyTo(RequestTarget.synergyProject(builder));
    return builder;
  }

  /**
   * Sets members on a project create, {@link #PROJECT_INITIAL_FEE} included.
   *
   * @param values the members
   * @param builder the builder
   * @return the builder
   * @throws SkipRecordException when a required member is cleared
   */
  public static ProjectCreate.Builder applyToProjectCreate(MemberValues<Project> values,
      ProjectCreate.Builder builder) {
    values.applyTo(RequestTarget.synergyProjectCreate(builder));
    return builder;
  }
}
