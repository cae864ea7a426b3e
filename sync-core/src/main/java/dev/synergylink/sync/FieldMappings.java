package dev.synergylink.sync;

import dev.synergylink.sync.internal.AbnChecksum;
import dev.synergylink.sync.internal.Addresses;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.sync.spi.SynergyMembers;
import dev.synergylink.sync.spi.TinyPlusMembers;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.SyncedRecord;
import dev.synergylink.tinyplus.TeamMember;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The built-in field mappings: every row of the integration guide's Companies / Contacts, Contacts / Personnel and
 * Team Members / Staff tables, with its direction. Title &lt;&gt; Role is synced (the guide's known bug, fixed).
 * A host changes a rule with {@link FieldMapping#withDirection(String, Direction)} and hands the mapping to
 * {@code SyncEngineBuilder}.
 *
 * <p>Rule names (for {@code withDirection}): companies {@code name, address, email, website, abn, mobile, phone,
 * twitter, externalUrl}; contacts {@code firstName, lastName, phone, title, email, website, mobile, officePhone,
 * twitter, parent, externalUrl}; team members {@code name, email, workPhone, mobile, jobTitle, externalUrl}.
 */
public final class FieldMappings {
  private FieldMappings() {}

  /**
   * Synergy contacts &lt;&gt; tiny+ companies.
   *
   * @return the mapping
   */
  public static FieldMapping<dev.synergylink.synergy.Contact, Company> companies() {
    return FieldMapping.of(List.of(
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("name")
            .synergy(SynergyMembers.CONTACT_NAME, dev.synergylink.synergy.Contact::name)
            .tinyPlus(TinyPlusMembers.COMPANY_NAME, Company::name)
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("address")
            .synergy("officeAddress", (c, ctx) -> Addresses.fromSynergy(c.officeAddress()),
                (value, out, ctx) -> out.set(SynergyMembers.CONTACT_OFFICE_ADDRESS, Addresses.toSynergy(value)))
            .tinyPlus("physical_address", (c, ctx) -> Addresses.fromTinyPlus(c.physicalAddress()),
                (value, out, ctx) -> out.set(TinyPlusMembers.COMPANY_PHYSICAL_ADDRESS, Addresses.toTinyPlus(value)))
            .normaliser(Addresses.normaliser())
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("email")
            .synergy(SynergyMembers.CONTACT_EMAIL, dev.synergylink.synergy.Contact::email)
            .tinyPlus(TinyPlusMembers.COMPANY_EMAIL, Company::email)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("website")
            .synergy(SynergyMembers.CONTACT_WEBSITE, dev.synergylink.synergy.Contact::website)
            .tinyPlus(TinyPlusMembers.COMPANY_WEBSITE, Company::website)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("abn")
            .synergy("abn", (c, ctx) -> c.abn(), (value, members, ctx) -> {
              AbnChecksum.checkForSynergy(value); // never sent for Synergy to refuse
              members.set(SynergyMembers.CONTACT_ABN, value);
            })
            .tinyPlus(TinyPlusMembers.COMPANY_ABN, Company::abn)
            .normaliser(Normaliser.digits())
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("mobile")
            .synergy(SynergyMembers.CONTACT_MOBILE, dev.synergylink.synergy.Contact::mobile)
            .tinyPlus(TinyPlusMembers.COMPANY_MOBILE, Company::mobile)
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("phone")
            .synergy(SynergyMembers.CONTACT_PHONE, dev.synergylink.synergy.Contact::phone)
            .tinyPlus(TinyPlusMembers.COMPANY_OFFICE_PHONE, Company::officePhone)
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("twitter")
            .synergy(SynergyMembers.CONTACT_TWITTER, dev.synergylink.synergy.Contact::twitter)
            .tinyPlus(TinyPlusMembers.COMPANY_TWITTER, Company::twitter)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        externalUrl(RecordType.COMPANY, dev.synergylink.synergy.Contact::id)));
  }

  /**
   * Synergy personnel &lt;&gt; tiny+ contacts. The parent contact and the related company are compared through the
   * link table: a tiny+ contact whose company is blank or not synced is not sent to Synergy (it is skipped with
   * that reason). First and last name are a group of which at least one must keep a value
   * ({@link FieldMapping#withAtLeastOneOf(String...)}): one side clearing one and the other side the other is settled
   * as one conflict of the whole name, never merged into a person with no name.
   *
   * @return the mapping
   */
  public static FieldMapping<Personnel, dev.synergylink.tinyplus.Contact> contacts() {
    return FieldMapping.of(List.of(
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("firstName")
            .synergy(SynergyMembers.PERSONNEL_FIRST_NAME, Personnel::firstName)
            .tinyPlus(TinyPlusMembers.CONTACT_FIRST_NAME, dev.synergylink.tinyplus.Contact::firstName)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("lastName")
            .synergy(SynergyMembers.PERSONNEL_LAST_NAME, Personnel::lastName)
            .tinyPlus(TinyPlusMembers.CONTACT_LAST_NAME, dev.synergylink.tinyplus.Contact::lastName)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("phone")
            .synergy(SynergyMembers.PERSONNEL_PHONE, Personnel::phone)
            .tinyPlus(TinyPlusMembers.CONTACT_DIRECT, dev.synergylink.tinyplus.Contact::direct)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("title")
            .synergy(SynergyMembers.PERSONNEL_TITLE, Personnel::title)
            .tinyPlus(TinyPlusMembers.CONTACT_ROLE, dev.synergylink.tinyplus.Contact::role)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("email")
            .synergy(SynergyMembers.PERSONNEL_EMAIL, Personnel::email)
            .tinyPlus(TinyPlusMembers.CONTACT_EMAIL_ADDRESS, dev.synergylink.tinyplus.Contact::emailAddress)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("website")
            .synergy(SynergyMembers.PERSONNEL_WEBSITE, Personnel::website)
            .tinyPlus(TinyPlusMembers.CONTACT_WEBSITE, dev.synergylink.tinyplus.Contact::website)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("mobile")
            .synergy(SynergyMembers.PERSONNEL_MOBILE, Personnel::mobile)
            .tinyPlus(TinyPlusMembers.CONTACT_MOBILE, dev.synergylink.tinyplus.Contact::mobile)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("officePhone")
            .synergy(SynergyMembers.PERSONNEL_OFFICE_PHONE, Personnel::officePhone)
            .tinyPlus(TinyPlusMembers.CONTACT_OFFICE_PHONE, dev.synergylink.tinyplus.Contact::officePhone)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("twitter")
            .synergy(SynergyMembers.PERSONNEL_TWITTER, Personnel::twitter)
            .tinyPlus(TinyPlusMembers.CONTACT_TWITTER, dev.synergylink.tinyplus.Contact::twitter)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("parent")
            .synergy("parentContactId", (p, ctx) -> Long.toString(p.parentContactId()), FieldMappings::writeParent)
            .tinyPlus("primary_company", FieldMappings::readCompany, FieldMappings::writeCompany)
            .normaliser(Normaliser.none())
            .build(),
        externalUrl(RecordType.CONTACT, Personnel::id)))
        .withAtLeastOneOf("firstName", "lastName");
  }

  /**
   * Synergy staff &gt; tiny+ team members: every field is Synergy's and nothing is ever written to Synergy staff.
   *
   * @return the mapping
   */
  public static FieldMapping<Staff, TeamMember> teamMembers() {
    return FieldMapping.of(List.of(
        FieldRule.<Staff, TeamMember>builder("name")
            .synergy("firstName lastName", (s, ctx) -> staffName(s), null)
            .tinyPlus(TinyPlusMembers.TEAM_MEMBER_NAME, TeamMember::name)
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Staff, TeamMember>builder("email")
            .synergy("email", (s, ctx) -> s.email(), null)
            .tinyPlus(TinyPlusMembers.TEAM_MEMBER_EMAIL, TeamMember::email)
            .normaliser(Normaliser.caseInsensitive())
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Staff, TeamMember>builder("workPhone")
            .synergy("workPhone", (s, ctx) -> s.workPhone(), null)
            .tinyPlus(TinyPlusMembers.TEAM_MEMBER_DIRECT, TeamMember::direct)
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Staff, TeamMember>builder("mobile")
            .synergy("mobile", (s, ctx) -> s.mobile(), null)
            .tinyPlus(TinyPlusMembers.TEAM_MEMBER_MOBILE, TeamMember::mobile)
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Staff, TeamMember>builder("jobTitle")
            .synergy("jobTitle", (s, ctx) -> s.jobTitle(), null)
            .tinyPlus(TinyPlusMembers.TEAM_MEMBER_TITLE, TeamMember::title)
            .direction(Direction.TO_TINYPLUS)
            .build(),
        externalUrl(RecordType.TEAM_MEMBER, Staff::id)));
  }

  /**
   * A staff member's name as tiny+ shows it: first and last name joined by one space.
   *
   * @param staff the staff member
   * @return the name, or null when both parts are empty
   */
  public static String staffName(Staff staff) {
    String first = staff.firstName() == null ? "" : staff.firstName().strip();
    String last = staff.lastName() == null ? "" : staff.lastName().strip();
    String name = (first + " " + last).strip();
    return name.isEmpty() ? null : name;
  }

  private static <S, T extends SyncedRecord> FieldRule<S, T> externalUrl(RecordType type, ToLongFunction<S> id) {
    return FieldRule.<S, T>builder("externalUrl")
        .synergy("(web link)", (s, ctx) -> ctx.synergyWebLink(type, id.applyAsLong(s)), null)
        .tinyPlus(TinyPlusMembers.EXTERNAL_URL, SyncedRecord::externalUrl)
        .normaliser(Normaliser.none())
        .direction(Direction.TO_TINYPLUS)
        .build();
  }

  private static final String UNLINKED_COMPANY = "tinyplus-company:";

  private static String readCompany(dev.synergylink.tinyplus.Contact contact, FieldContext ctx) {
    Long company = contact.primaryCompany();
    if (company == null) {
      return null;
    }
    Long synergyId = ctx.linkedSynergyId(RecordType.COMPANY, company);
    return synergyId == null ? UNLINKED_COMPANY + company : synergyId.toString();
  }

  private static void writeParent(String value, MemberValues<Personnel> out, FieldContext ctx) {
    if (value == null) {
      throw new SkipRecordException("it has no related company: give it a company that is synced with Synergy");
    }
    if (value.startsWith(UNLINKED_COMPANY)) {
      throw new SkipRecordException("its related company (tiny+ company " + value.substring(UNLINKED_COMPANY.length())
          + ") is not synced with Synergy: sync the company first");
    }
    out.set(SynergyMembers.PERSONNEL_PARENT_CONTACT_ID, Long.parseLong(value));
  }

  private static void writeCompany(String value, MemberValues<dev.synergylink.tinyplus.Contact> out,
      FieldContext ctx) {
    if (value == null) {
      out.set(TinyPlusMembers.CONTACT_PRIMARY_COMPANY, null);
      return;
    }
    if (value.startsWith(UNLINKED_COMPANY)) {
      out.set(TinyPlusMembers.CONTACT_PRIMARY_COMPANY, Long.parseLong(value.substring(UNLINKED_COMPANY.length())));
      return;
    }
    Long company = ctx.linkedTinyPlusId(RecordType.COMPANY, Long.parseLong(value));
    if (company == null) {
      throw new SkipRecordException("its parent contact (Synergy contact " + value
          + ") is not synced with tiny+ yet: sync the company first");
    }
    out.set(TinyPlusMembers.CONTACT_PRIMARY_COMPANY, company);
  }
}
