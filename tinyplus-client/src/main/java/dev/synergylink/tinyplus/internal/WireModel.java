package dev.synergylink.tinyplus.internal;

import dev.synergylink.tinyplus.Account;
import dev.synergylink.tinyplus.Address;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.ProjectType;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.SyncedRecord;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberStatus;
import dev.synergylink.tinyplus.UndecodableRecord;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Turns response objects into the model; local date-times are read in the account zone. */
final class WireModel {
  private WireModel() {}

  /** The members every synced record shares, fed to the generated builders' {@code from(SyncedRecord)}. */
  private record SyncFields(
      long id,
      Instant createdDate,
      Instant modifiedDate,
      String externalUrl,
      String remoteId,
      String syncOrigin,
      boolean isSynced,
      List<String> lockedFields,
      String recordUrl) implements SyncedRecord {

    static SyncFields read(WireObject o, ZoneId zone) {
      return new SyncFields(
          o.requiredLong("id"),
          o.requiredLocalTime("created_date", zone),
          o.requiredLocalTime("modified_date", zone),
          o.string("external_url"),
          o.string("remote_id"),
          o.string("sync_origin"),
          o.bool("is_synced", false),
          o.strings("locked_fields"),
          o.string("record_url"));
    }
  }

  static Account account(WireObject o) {
    String zone = o.requiredString("timezone");
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      // the executor scrubs this message; the value is named since an account is never part of a list page
      throw new WireFormatException("timezone", o.where() + ".timezone is not an IANA time zone: "
          + (zone.length() > 60 ? zone.substring(0, 60) + "..." : zone), e);
    }
    return Account.builder()
        .id(o.requiredLong("id"))
        .name(o.requiredString("name"))
        .timezone(zoneId)
        .currency(o.string("currency"))
        .build();
  }

  static Project project(WireObject o, ZoneId zone) {
    return Project.builder()
        .from(SyncFields.read(o, zone))
        .name(o.requiredString("name"))
        .projectNumber(o.string("project_number"))
        .description(o.string("description"))
        .state(ProjectState.fromWireName(o.requiredString("state")))
        .phase(o.optionalLong("phase"))
        .projectType(o.string("project_type"))
        .assignedUser(o.optionalLong("assigned_user"))
        .clientCompany(o.optionalLong("client_company"))
        .value(o.decimal("value"))
        .address(address(o.object("address")))
        .recordStatus(RecordStatus.fromWireName(o.requiredString("record_status")))
        .build();
  }

  static Company company(WireObject o, ZoneId zone) {
    return Company.builder()
        .from(SyncFields.read(o, zone))
        .name(o.requiredString("name"))
        .physicalAddress(address(o.object("physical_address")))
        .email(o.string("email"))
        .website(o.string("website"))
        .abn(o.string("abn"))
        .mobile(o.string("mobile"))
        .officePhone(o.string("office_phone"))
        .twitter(o.string("twitter"))
        .recordStatus(RecordStatus.fromWireName(o.requiredString("record_status")))
        .build();
  }

  static Contact contact(WireObject o, ZoneId zone) {
    return Contact.builder()
        .from(SyncFields.read(o, zone))
        .name(o.requiredString("name"))
        .firstName(o.string("first_name"))
        .lastName(o.string("last_name"))
        .role(o.string("role"))
        .direct(o.string("direct"))
        .emailAddress(o.string("email_address"))
        .website(o.string("website"))
        .mobile(o.string("mobile"))
        .officePhone(o.string("office_phone"))
        .twitter(o.string("twitter"))
        .primaryCompany(o.optionalLong("primary_company"))
        .recordStatus(RecordStatus.fromWireName(o.requiredString("record_status")))
        .build();
  }

  static TeamMember teamMember(WireObject o, ZoneId zone) {
    return TeamMember.builder()
        .from(SyncFields.read(o, zone))
        .name(o.requiredString("name"))
        .email(o.string("email"))
        .direct(o.string("direct"))
        .mobile(o.string("mobile"))
        .title(o.string("title"))
        .recordStatus(TeamMemberStatus.fromWireName(o.requiredString("record_status")))
        .accountAdmin(o.bool("account_admin", false))
        .build();
  }

  static ProjectPhase projectPhase(WireObject o) {
    Long sortOrder = o.optionalLong("sort_order");
    return ProjectPhase.builder()
        .id(o.requiredLong("id"))
        .name(o.requiredString("name"))
        .state(ProjectState.fromWireName(o.requiredString("state")))
        .sortOrder(sortOrder == null ? null : Math.toIntExact(sortOrder))
        .build();
  }

  static ProjectType projectType(WireObject o) {
    return ProjectType.builder().id(o.requiredLong("id")).name(o.requiredString("name")).build();
  }

  /**
   * A list page, read record by record: a record that cannot be read becomes an {@link UndecodableRecord} and the
   * others are read as usual. Only a page whose envelope breaks the contract fails as a whole.
   */
  static <T> Page<T> page(WireObject o, Function<WireObject, T> record) {
    List<?> items = o.array("records");
    List<T> records = new ArrayList<>(items.size());
    List<UndecodableRecord> undecodable = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      try {
        records.add(record.apply(WireObject.of(item, "records[" + i + "]")));
      } catch (WireFormatException e) {
        undecodable.add(undecodable(item, i, e.member(), e.getMessage()));
      } catch (IllegalStateException | IllegalArgumentException | ArithmeticException | DateTimeException e) {
        // a builder's own check: the message names attributes, never values
        undecodable.add(undecodable(item, i, null, "records[" + i + "] cannot be read: " + e.getMessage()));
      }
    }
    return Page.<T>builder()
        .records(records)
        .undecodable(undecodable)
        .total(o.requiredInt("total"))
        .start(o.requiredInt("start"))
        .limit(o.requiredInt("limit"))
        .build();
  }

  private static UndecodableRecord undecodable(Object item, int index, String member, String reason) {
    return UndecodableRecord.builder().id(WireObject.idOrNull(item)).index(index).member(member).reason(reason)
        .build();
  }

  private static Address address(WireObject o) {
    if (o == null) {
      return null;
    }
    return Address.builder()
        .street(o.string("street"))
        .suburb(o.string("suburb"))
        .state(o.string("state"))
        .postcode(o.string("postcode"))
        .country(o.string("country"))
        .build();
  }
}
