package dev.synergylink.sync.testkit;

import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactType;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyTransportException;
import dev.synergylink.synergy.SynergyUnreadableResponseException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns the Synergy core's rows into the client's model and its errors into the client's exceptions. */
final class SynergyModels {
  private SynergyModels() {}

  /** Request members as the core takes them: enums by wire name, addresses as maps. */
  static Map<String, Object> members(Map<String, Object> members) {
    Map<String, Object> converted = new LinkedHashMap<>();
    members.forEach((k, v) -> converted.put(k, member(v)));
    return converted;
  }

  static Object member(Object v) {
    if (v instanceof ContactType) {
      return ((ContactType) v).wireName();
    }
    if (v instanceof SecurityLevel) {
      return ((SecurityLevel) v).wireName();
    }
    if (v instanceof StatusType) {
      return ((StatusType) v).wireName();
    }
    if (v instanceof Address) {
      Address a = (Address) v;
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("address1", a.address1());
      map.put("address2", a.address2());
      map.put("town", a.town());
      map.put("state", a.state());
      map.put("zipCode", a.zipCode());
      map.put("country", a.country());
      return map;
    }
    return v;
  }

  static Project project(Map<String, Object> r) {
    List<Stage> stages = new ArrayList<>();
    for (Object s : (List<?>) r.get("stages")) {
      stages.add(stage(cast(s)));
    }
    return Project.builder()
        .id((Long) r.get("id"))
        .projectNumber((String) r.get("projectNumber"))
        .name((String) r.get("name"))
        .statusId((Long) r.get("statusId"))
        .status((String) r.get("status"))
        .statusType(StatusType.fromWireName((String) r.get("statusType")))
        .primaryContactId((Long) r.get("primaryContactId"))
        .projectType((String) r.get("projectType"))
        .managerId((Long) r.get("managerId"))
        .address(address(r.get("address")))
        .scope((String) r.get("scope"))
        .totalFee((BigDecimal) r.get("totalFee"))
        .stages(stages)
        .externalReference((String) r.get("externalReference"))
        .isActive((Boolean) r.get("isActive"))
        .createdDate((Instant) r.get("createdDate"))
        .modifiedDate((Instant) r.get("modifiedDate"))
        .build();
  }

  static Stage stage(Map<String, Object> s) {
    return Stage.builder().id((Long) s.get("id")).name((String) s.get("name")).fee((BigDecimal) s.get("fee")).build();
  }

  static Contact contact(Map<String, Object> r) {
    return Contact.builder()
        .id((Long) r.get("id"))
        .contactType(ContactType.fromWireName((String) r.get("contactType")))
        .name((String) r.get("name"))
        .officeAddress(address(r.get("officeAddress")))
        .email((String) r.get("email"))
        .website((String) r.get("website"))
        .abn((String) r.get("abn"))
        .mobile((String) r.get("mobile"))
        .phone((String) r.get("phone"))
        .twitter((String) r.get("twitter"))
        .externalReference((String) r.get("externalReference"))
        .isActive((Boolean) r.get("isActive"))
        .createdDate((Instant) r.get("createdDate"))
        .modifiedDate((Instant) r.get("modifiedDate"))
        .build();
  }

  static Personnel personnel(Map<String, Object> r) {
    return Personnel.builder()
        .id((Long) r.get("id"))
        .parentContactId((Long) r.get("parentContactId"))
        .firstName((String) r.get("firstName"))
        .lastName((String) r.get("lastName"))
        .title((String) r.get("title"))
        .phone((String) r.get("phone"))
        .email((String) r.get("email"))
        .website((String) r.get("website"))
        .mobile((String) r.get("mobile"))
        .officePhone((String) r.get("officePhone"))
        .twitter((String) r.get("twitter"))
        .externalReference((String) r.get("externalReference"))
        .isActive((Boolean) r.get("isActive"))
        .createdDate((Instant) r.get("createdDate"))
        .modifiedDate((Instant) r.get("modifiedDate"))
        .build();
  }

  static Staff staff(Map<String, Object> r) {
    return Staff.builder()
        .id((Long) r.get("id"))
        .firstName((String) r.get("firstName"))
        .lastName((String) r.get("lastName"))
        .email((String) r.get("email"))
        .workPhone((String) r.get("workPhone"))
        .mobile((String) r.get("mobile"))
        .jobTitle((String) r.get("jobTitle"))
        .securityLevel(SecurityLevel.fromWireName((String) r.get("securityLevel")))
        .isActive((Boolean) r.get("isActive"))
        .createdDate((Instant) r.get("createdDate"))
        .modifiedDate((Instant) r.get("modifiedDate"))
        .build();
  }

  static CurrentUser currentUser(Map<String, Object> r) {
    return CurrentUser.builder()
        .staffId((Long) r.get("staffId"))
        .firstName((String) r.get("firstName"))
        .lastName((String) r.get("lastName"))
        .email((String) r.get("email"))
        .securityLevel(SecurityLevel.fromWireName((String) r.get("securityLevel")))
        .build();
  }

  static ProjectStatus status(Map<String, Object> r) {
    return ProjectStatus.builder()
        .id((Long) r.get("id"))
        .name((String) r.get("name"))
        .statusType(StatusType.fromWireName((String) r.get("statusType")))
        .likelihood((Integer) r.get("likelihood"))
        .isActive((Boolean) r.get("isActive"))
        .build();
  }

  static <T> Page<T> page(SynergyBackend.Listing listing, Function<Map<String, Object>, T> convert) {
    List<T> items = new ArrayList<>();
    listing.items().forEach(r -> items.add(convert.apply(r)));
    return Page.of(items, listing.totalItems());
  }

  private static Address address(Object value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> a = cast(value);
    return Address.builder()
        .address1((String) a.get("address1"))
        .address2((String) a.get("address2"))
        .town((String) a.get("town"))
        .state((String) a.get("state"))
        .zipCode((String) a.get("zipCode"))
        .country((String) a.get("country"))
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }

  /** The client's exception for a failed in-process call, as the HTTP client would throw it. */
  static SynergyApiException exception(FakeError e, String method, String path) {
    switch (e.kind) {
      case TIMEOUT:
        return new SynergyTransportException("no answer from Synergy (timeout); the outcome of a write is unknown",
            method, path, true, null);
      case MALFORMED:
        return new SynergyUnreadableResponseException("the answer is not the contract's JSON (malformed body)", 200,
            null, method, path, null);
      default:
        return SynergyApiException.forStatus(e.status, e.getMessage(), null, method, path, e.errors, e.retryAfter);
    }
  }
}
