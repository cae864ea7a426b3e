package dev.synergylink.sync;

import dev.synergylink.sync.internal.Addresses;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.sync.spi.SkipRecordException;
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
            .synergy("name", dev.synergylink.synergy.Contact::name)
            .tinyPlus("name", Company::name)
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("address")
            .synergy("officeAddress", (c, ctx) -> Addresses.fromSynergy(c.officeAddress()),
                (value, members, ctx) -> members.put("officeAddress", Addresses.toSynergy(value)))
            .tinyPlus("physical_address", (c, ctx) -> Addresses.fromTinyPlus(c.physicalAddress()),
                (value, members, ctx) -> members.put("physical_address", Addresses.toTinyPlus(value)))
            .normaliser(Addresses.normaliser())
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("email")
            .synergy("email", dev.synergylink.synergy.Contact::email)
            .tinyPlus("email", Company::email)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("website")
            .synergy("website", dev.synergylink.synergy.Contact::website)
            .tinyPlus("website", Company::website)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("abn")
            .synergy("abn", dev.synergylink.synergy.Contact::abn)
            .tinyPlus("abn", Company::abn)
            .normaliser(Normaliser.digits())
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("mobile")
            .synergy("mobile", dev.synergylink.synergy.Contact::mobile)
            .tinyPlus("mobile", Company::mobile)
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("phone")
            .synergy("phone", dev.synergylink.synergy.Contact::phone)
            .tinyPlus("office_phone", Company::officePhone)
            .build(),
        FieldRule.<dev.synergylink.synergy.Contact, Company>builder("twitter")
            .synergy("twitter", dev.synergylink.synergy.Contact::twitter)
            .tinyPlus("twitter", Company::twitter)
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
            .synergy("firstName", Personnel::firstName)
            .tinyPlus("first_name", dev.synergylink.tinyplus.Contact::firstName)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("lastName")
            .synergy("lastName", Personnel::lastName)
            .tinyPlus("last_name", dev.synergylink.tinyplus.Contact::lastName)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("phone")
            .synergy("phone", Personnel::phone)
            .tinyPlus("direct", dev.synergylink.tinyplus.Contact::direct)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("title")
            .synergy("title", Personnel::title)
            .tinyPlus("role", dev.synergylink.tinyplus.Contact::role)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("email")
            .synergy("email", Personnel::email)
            .tinyPlus("email_address", dev.synergylink.tinyplus.Contact::emailAddress)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("website")
            .synergy("website", Personnel::website)
            .tinyPlus("website", dev.synergylink.tinyplus.Contact::website)
            .normaliser(Normaliser.caseInsensitive())
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("mobile")
            .synergy("mobile", Personnel::mobile)
            .tinyPlus("mobile", dev.synergylink.tinyplus.Contact::mobile)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("officePhone")
            .synergy("officePhone", Personnel::officePhone)
            .tinyPlus("office_phone", dev.synergylink.tinyplus.Contact::officePhone)
            .build(),
        FieldRule.<Personnel, dev.synergylink.tinyplus.Contact>builder("twitter")
            .synergy("twitter", Personnel::twitter)
            .tinyPlus("twitter", dev.synergylink.tinyplus.Contact::twitter)
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
            .tinyPlus("name", TeamMember::name)
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Staff, TeamMember>builder("email")
            .synergy("email", (s, ctx) -> s.email(), null)
            .tinyPlus("email", TeamMember::email)
            .normaliser(Normaliser.caseInsensitive())
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Staff, TeamMember>builder("workPhone")
            .synergy("workPhone", (s, ctx) -> s.workPhone(), null)
            .tinyPlus("direct", TeamMember::direct)
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Staff, TeamMember>builder("mobile")
            .synergy("mobile", (s, ctx) -> s.mobile(), null)
            .tinyPlus("mobile", TeamMember::mobile)
            .direction(Direction.TO_TINYPLUS)
            .build(),
        FieldRule.<Staff, TeamMember>builder("jobTitle")
            .synergy("jobTitle", (s, ctx) -> s.jobTitle(), null)
            .tinyPlus("title", TeamMember::title)
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
        .tinyPlus("external_url", SyncedRecord::externalUrl)
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

  private static void writeParent(String value, java.util.Map<String, Object> members, FieldContext ctx) {
    if (value == null) {
      throw new SkipRecordException("it has no related company: give it a company that is synced with Synergy");
    }
    if (value.startsWith(UNLINKED_COMPANY)) {
      throw new SkipRecordException("its related company (tiny+ company " + value.substring(UNLINKED_COMPANY.length())
          + ") is not synced with Synergy: sync the company first");
    }
    members.put("parentContactId", Long.parseLong(value));
  }

  private static void writeCompany(String value, java.util.Map<String, Object> members, FieldContext ctx) {
    if (value == null) {
      members.put("primary_company", null);
      return;
    }
    if (value.startsWith(UNLINKED_COMPANY)) {
      members.put("primary_company", Long.parseLong(value.substring(UNLINKED_COMPANY.length())));
      return;
    }
    Long company = ctx.linkedTinyPlusId(RecordType.COMPANY, Long.parseLong(value));
    if (company == null) {
      throw new SkipRecordException("its parent contact (Synergy contact " + value
          + ") is not synced with tiny+ yet: sync the company first");
    }
    members.put("primary_company", company);
  }
}
