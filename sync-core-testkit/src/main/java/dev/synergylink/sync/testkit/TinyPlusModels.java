package dev.synergylink.sync.testkit;

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
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusAuthenticationException;
import dev.synergylink.tinyplus.TinyPlusConflictException;
import dev.synergylink.tinyplus.TinyPlusNotFoundException;
import dev.synergylink.tinyplus.TinyPlusPermissionException;
import dev.synergylink.tinyplus.TinyPlusRateLimitedException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import dev.synergylink.tinyplus.TinyPlusTransportException;
import dev.synergylink.tinyplus.TinyPlusUnreadableResponseException;
import dev.synergylink.tinyplus.TinyPlusValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns the tiny+ core's rows into the client's model and its errors into the client's exceptions. */
final class TinyPlusModels {
  private final ZoneId zone;

  TinyPlusModels(ZoneId zone) {
    this.zone = zone;
  }

  /** A local date-time as the client reads it: the earlier offset in an overlap. */
  Instant instant(Object local) {
    return ZonedDateTime.ofLocal((LocalDateTime) local, zone, null).withEarlierOffsetAtOverlap().toInstant();
  }

  /** Request members as the core takes them: enums by wire name, addresses as maps. */
  static Map<String, Object> members(Map<String, Object> members) {
    Map<String, Object> converted = new LinkedHashMap<>();
    members.forEach((k, v) -> converted.put(k, member(v)));
    return converted;
  }

  /** One member value as the core takes it. */
  static Object member(Object v) {
    if (v instanceof ProjectState) {
      return ((ProjectState) v).wireName();
    }
    if (v instanceof RecordStatus) {
      return ((RecordStatus) v).wireName();
    }
    if (v instanceof TeamMemberStatus) {
      return ((TeamMemberStatus) v).wireName();
    }
    if (v instanceof Address) {
      Address a = (Address) v;
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("street", a.street());
      map.put("suburb", a.suburb());
      map.put("state", a.state());
      map.put("postcode", a.postcode());
      map.put("country", a.country());
      return map;
    }
    return v;
  }

  /** The members every synced record has. */
  private SyncedRecord syncFields(Map<String, Object> r) {
    Instant created = instant(r.get("created_date"));
    Instant modified = instant(r.get("modified_date"));
    List<String> locked = strings(r.get("locked_fields"));
    return new SyncedRecord() {
      @Override
      public long id() {
        return (Long) r.get("id");
      }

      @Override
      public Instant createdDate() {
        return created;
      }

      @Override
      public Instant modifiedDate() {
        return modified;
      }

      @Override
      public String externalUrl() {
        return (String) r.get("external_url");
      }

      @Override
      public String remoteId() {
        return (String) r.get("remote_id");
      }

      @Override
      public String syncOrigin() {
        return (String) r.get("sync_origin");
      }

      @Override
      public boolean isSynced() {
        return (Boolean) r.get("is_synced");
      }

      @Override
      public List<String> lockedFields() {
        return locked;
      }

      @Override
      public String recordUrl() {
        return (String) r.get("record_url");
      }
    };
  }

  Account account(Map<String, Object> r) {
    return Account.builder()
        .id((Long) r.get("id"))
        .name((String) r.get("name"))
        .timezone(ZoneId.of((String) r.get("timezone")))
        .currency((String) r.get("currency"))
        .build();
  }

  Project project(Map<String, Object> r) {
    return Project.builder()
        .from(syncFields(r))
        .name((String) r.get("name"))
        .projectNumber((String) r.get("project_number"))
        .description((String) r.get("description"))
        .state(ProjectState.fromWireName((String) r.get("state")))
        .phase((Long) r.get("phase"))
        .projectType((String) r.get("project_type"))
        .assignedUser((Long) r.get("assigned_user"))
        .clientCompany((Long) r.get("client_company"))
        .value((BigDecimal) r.get("value"))
        .address(address(r.get("address")))
        .recordStatus(RecordStatus.fromWireName((String) r.get("record_status")))
        .build();
  }

  Company company(Map<String, Object> r) {
    return Company.builder()
        .from(syncFields(r))
        .name((String) r.get("name"))
        .physicalAddress(address(r.get("physical_address")))
        .email((String) r.get("email"))
        .website((String) r.get("website"))
        .abn((String) r.get("abn"))
        .mobile((String) r.get("mobile"))
        .officePhone((String) r.get("office_phone"))
        .twitter((String) r.get("twitter"))
        .recordStatus(RecordStatus.fromWireName((String) r.get("record_status")))
        .build();
  }

  Contact contact(Map<String, Object> r) {
    return Contact.builder()
        .from(syncFields(r))
        .name((String) r.get("name"))
        .firstName((String) r.get("first_name"))
        .lastName((String) r.get("last_name"))
        .role((String) r.get("role"))
        .direct((String) r.get("direct"))
        .emailAddress((String) r.get("email_address"))
        .website((String) r.get("website"))
        .mobile((String) r.get("mobile"))
        .officePhone((String) r.get("office_phone"))
        .twitter((String) r.get("twitter"))
        .primaryCompany((Long) r.get("primary_company"))
        .recordStatus(RecordStatus.fromWireName((String) r.get("record_status")))
        .build();
  }

  TeamMember teamMember(Map<String, Object> r) {
    return TeamMember.builder()
        .from(syncFields(r))
        .name((String) r.get("name"))
        .email((String) r.get("email"))
        .direct((String) r.get("direct"))
        .mobile((String) r.get("mobile"))
        .title((String) r.get("title"))
        .recordStatus(TeamMemberStatus.fromWireName((String) r.get("record_status")))
        .accountAdmin((Boolean) r.get("account_admin"))
        .build();
  }

  static ProjectPhase phase(Map<String, Object> r) {
    return ProjectPhase.builder()
        .id((Long) r.get("id"))
        .name((String) r.get("name"))
        .state(ProjectState.fromWireName((String) r.get("state")))
        .sortOrder((Integer) r.get("sort_order"))
        .build();
  }

  static ProjectType projectType(Map<String, Object> r) {
    return ProjectType.builder().id((Long) r.get("id")).name((String) r.get("name")).build();
  }

  static <T> Page<T> page(TinyPlusBackend.Listing listing, Function<Map<String, Object>, T> convert) {
    List<T> records = new ArrayList<>();
    listing.records().forEach(r -> records.add(convert.apply(r)));
    return Page.<T>builder()
        .records(records)
        .total(listing.total())
        .start(listing.start())
        .limit(listing.limit())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Address address(Object value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> a = (Map<String, Object>) value;
    return Address.builder()
        .street((String) a.get("street"))
        .suburb((String) a.get("suburb"))
        .state((String) a.get("state"))
        .postcode((String) a.get("postcode"))
        .country((String) a.get("country"))
        .build();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }

  /** The client's exception for a failed in-process call, as the HTTP client would throw it. */
  static TinyPlusApiException exception(FakeError e, String method, String path) {
    switch (e.kind) {
      case TIMEOUT:
        return new TinyPlusTransportException("no response from tiny+ (timeout); the outcome of a write is unknown",
            method, path, null);
      case MALFORMED:
        return new TinyPlusUnreadableResponseException("the response does not follow the tiny+ contract: "
            + "malformed JSON", 200, null, method, path, null, null);
      default:
        break;
    }
    String server = e.getMessage();
    Map<String, List<String>> errors = e.errors.isEmpty() ? null : e.errors;
    switch (e.status) {
      case 400:
        return new TinyPlusValidationException("tiny+ refused the request: " + server, 400, null, method, path,
            errors, null);
      case 401:
        return new TinyPlusAuthenticationException("the tiny+ token is invalid (" + server + ")", 401, null, method,
            path, errors, null);
      case 403:
        return new TinyPlusPermissionException("the token's user may not do this (" + server + ")", 403, null,
            method, path, errors, null);
      case 404:
        return new TinyPlusNotFoundException(server, 404, null, method, path, errors, null);
      case 409:
        return new TinyPlusConflictException("duplicate: " + server, 409, null, method, path, errors, null);
      case 429:
        return new TinyPlusRateLimitedException("tiny+ rate limit reached (" + server + ")", null, method, path,
            e.retryAfter, null);
      default:
        if (e.status >= 500) {
          return new TinyPlusServerException("tiny+ failed (" + server + ")", e.status, null, method, path, errors,
              null);
        }
        return new TinyPlusApiException(server, e.status, null, method, path, errors, null);
    }
  }
}
