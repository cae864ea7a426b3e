package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.ContactType;
import dev.synergylink.synergy.OrderBy;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.PersonnelQuery;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Synergy side of each record type. */
public final class SynergySides {
  /** The prefix of the {@code externalReference} the engine gives Synergy records it creates from tiny+. */
  public static final String MARKER_PREFIX = "tinyplus:";

  private SynergySides() {}

  /**
   * The marker of a Synergy record copied from a tiny+ record.
   *
   * @param tinyPlusId the tiny+ id
   * @return the externalReference
   */
  public static String marker(long tinyPlusId) {
    return MARKER_PREFIX + tinyPlusId;
  }

  static Long partnerOf(String externalReference) {
    if (externalReference == null || !externalReference.startsWith(MARKER_PREFIX)) {
      return null;
    }
    try {
      return Long.parseLong(externalReference.substring(MARKER_PREFIX.length()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static <X> X call(ApiCalls calls, Supplier<X> call) {
    calls.count(Side.SYNERGY);
    try {
      return call.get();
    } catch (SynergyApiException e) {
      throw RemoteFailure.of(e);
    }
  }

  static int page(int offset, int pageSize) {
    return offset / pageSize + 1;
  }

  /**
   * Synergy contacts (Company and Individual).
   *
   * @param client the client
   * @param calls the call counter
   * @return the access
   */
  public static SideAccess<Contact> contacts(SynergyClient client, ApiCalls calls) {
    return new SideAccess<>() {
      @Override
      public Side side() {
        return Side.SYNERGY;
      }

      @Override
      public long id(Contact record) {
        return record.id();
      }

      @Override
      public Instant modified(Contact record) {
        return record.modifiedDate();
      }

      @Override
      public boolean deleted(Contact record) {
        return false;
      }

      @Override
      public Long markedPartner(Contact record) {
        return partnerOf(record.externalReference());
      }

      @Override
      public ListPage<Contact> listChanged(Instant from, int offset, int pageSize) {
        ContactQuery query = ContactQuery.builder().modifiedSince(from).orderBy(OrderBy.MODIFIED_DATE)
            .page(page(offset, pageSize)).pageSize(pageSize).build();
        return list(query);
      }

      @Override
      public ListPage<Contact> listAll(int offset, int pageSize) {
        return list(ContactQuery.builder().orderBy(OrderBy.ID).page(page(offset, pageSize)).pageSize(pageSize).build());
      }

      private ListPage<Contact> list(ContactQuery query) {
        Page<Contact> page = call(calls, () -> client.contacts().list(query));
        return new ListPage<>(page.items(), page.totalItems());
      }

      @Override
      public Contact get(long id) {
        return call(calls, () -> client.contacts().get(id));
      }

      @Override
      public List<Contact> findByPartner(long partnerId) {
        return list(ContactQuery.builder().externalReference(marker(partnerId)).build()).items();
      }

      @Override
      public Contact create(Map<String, Object> members, long partnerId) {
        ContactCreate.Builder b = ContactCreate.builder().contactType(ContactType.COMPANY);
        members.forEach((name, value) -> {
          switch (name) {
            case "name": b.name(Members.text(name, value)); break;
            case "officeAddress": b.officeAddress((Address) value); break;
            case "email": b.email((String) value); break;
            case "website": b.website((String) value); break;
            case "abn": b.abn((String) value); break;
            case "mobile": b.mobile((String) value); break;
            case "phone": b.phone((String) value); break;
            case "twitter": b.twitter((String) value); break;
            default: throw Members.unknown("Synergy contact", name);
          }
        });
        b.externalReference(marker(partnerId));
        ContactCreate create = Members.build(b::build);
        return call(calls, () -> client.contacts().create(create));
      }

      @Override
      public Contact patch(long id, Map<String, Object> members) {
        ContactPatch.Builder b = ContactPatch.builder();
        members.forEach((name, value) -> {
          switch (name) {
            case "name": b.name(Members.text(name, value)); break;
            case "officeAddress": b.officeAddress((Address) value); break;
            case "email": b.email((String) value); break;
            case "website": b.website((String) value); break;
            case "abn": b.abn((String) value); break;
            case "mobile": b.mobile((String) value); break;
            case "phone": b.phone((String) value); break;
            case "twitter": b.twitter((String) value); break;
            case "externalReference": b.externalReference((String) value); break;
            default: throw Members.unknown("Synergy contact", name);
          }
        });
        ContactPatch patch = Members.build(b::build);
        return call(calls, () -> client.contacts().patch(id, patch));
      }
    };
  }

  /**
   * Synergy personnel.
   *
   * @param client the client
   * @param calls the call counter
   * @return the access
   */
  public static SideAccess<Personnel> personnel(SynergyClient client, ApiCalls calls) {
    return new SideAccess<>() {
      @Override
      public Side side() {
        return Side.SYNERGY;
      }

      @Override
      public long id(Personnel record) {
        return record.id();
      }

      @Override
      public Instant modified(Personnel record) {
        return record.modifiedDate();
      }

      @Override
      public boolean deleted(Personnel record) {
        return false;
      }

      @Override
      public Long markedPartner(Personnel record) {
        return partnerOf(record.externalReference());
      }

      @Override
      public ListPage<Personnel> listChanged(Instant from, int offset, int pageSize) {
        return list(PersonnelQuery.builder().modifiedSince(from).orderBy(OrderBy.MODIFIED_DATE)
            .page(page(offset, pageSize)).pageSize(pageSize).build());
      }

      @Override
      public ListPage<Personnel> listAll(int offset, int pageSize) {
        return list(PersonnelQuery.builder().orderBy(OrderBy.ID).page(page(offset, pageSize)).pageSize(pageSize).build());
      }

      private ListPage<Personnel> list(PersonnelQuery query) {
        Page<Personnel> page = call(calls, () -> client.personnel().list(query));
        return new ListPage<>(page.items(), page.totalItems());
      }

      @Override
      public Personnel get(long id) {
        return call(calls, () -> client.personnel().get(id));
      }

      @Override
      public List<Personnel> findByPartner(long partnerId) {
        return list(PersonnelQuery.builder().externalReference(marker(partnerId)).build()).items();
      }

      @Override
      public Personnel create(Map<String, Object> members, long partnerId) {
        PersonnelCreate.Builder b = PersonnelCreate.builder();
        members.forEach((name, value) -> {
          switch (name) {
            case "parentContactId": b.parentContactId(Members.id(name, value)); break;
            case "firstName": b.firstName((String) value); break;
            case "lastName": b.lastName((String) value); break;
            case "title": b.title((String) value); break;
            case "phone": b.phone((String) value); break;
            case "email": b.email((String) value); break;
            case "website": b.website((String) value); break;
            case "mobile": b.mobile((String) value); break;
            case "officePhone": b.officePhone((String) value); break;
            case "twitter": b.twitter((String) value); break;
            default: throw Members.unknown("Synergy personnel", name);
          }
        });
        b.externalReference(marker(partnerId));
        PersonnelCreate create = Members.build(b::build);
        return call(calls, () -> client.personnel().create(create));
      }

      @Override
      public Personnel patch(long id, Map<String, Object> members) {
        PersonnelPatch.Builder b = PersonnelPatch.builder();
        members.forEach((name, value) -> {
          switch (name) {
            case "parentContactId": b.parentContactId(Members.id(name, value)); break;
            case "firstName": b.firstName((String) value); break;
            case "lastName": b.lastName((String) value); break;
            case "title": b.title((String) value); break;
            case "phone": b.phone((String) value); break;
            case "email": b.email((String) value); break;
            case "website": b.website((String) value); break;
            case "mobile": b.mobile((String) value); break;
            case "officePhone": b.officePhone((String) value); break;
            case "twitter": b.twitter((String) value); break;
            case "externalReference": b.externalReference((String) value); break;
            default: throw Members.unknown("Synergy personnel", name);
          }
        });
        PersonnelPatch patch = Members.build(b::build);
        return call(calls, () -> client.personnel().patch(id, patch));
      }
    };
  }

  /**
   * Synergy staff: read-only.
   *
   * @param client the client
   * @param calls the call counter
   * @return the access
   */
  public static SideAccess<Staff> staff(SynergyClient client, ApiCalls calls) {
    return new SideAccess<>() {
      @Override
      public Side side() {
        return Side.SYNERGY;
      }

      @Override
      public long id(Staff record) {
        return record.id();
      }

      @Override
      public Instant modified(Staff record) {
        return record.modifiedDate();
      }

      @Override
      public boolean deleted(Staff record) {
        return false;
      }

      @Override
      public Long markedPartner(Staff record) {
        return null;
      }

      @Override
      public ListPage<Staff> listChanged(Instant from, int offset, int pageSize) {
        return list(StaffQuery.builder().modifiedSince(from).orderBy(OrderBy.MODIFIED_DATE)
            .page(page(offset, pageSize)).pageSize(pageSize).build());
      }

      @Override
      public ListPage<Staff> listAll(int offset, int pageSize) {
        return list(StaffQuery.builder().orderBy(OrderBy.ID).page(page(offset, pageSize)).pageSize(pageSize).build());
      }

      private ListPage<Staff> list(StaffQuery query) {
        Page<Staff> page = call(calls, () -> client.staff().list(query));
        return new ListPage<>(page.items(), page.totalItems());
      }

      @Override
      public Staff get(long id) {
        return call(calls, () -> client.staff().get(id));
      }

      @Override
      public List<Staff> findByPartner(long partnerId) {
        return List.of();
      }

      @Override
      public Staff create(Map<String, Object> members, long partnerId) {
        throw new IllegalStateException("nothing is ever written to Synergy staff");
      }

      @Override
      public Staff patch(long id, Map<String, Object> members) {
        throw new IllegalStateException("nothing is ever written to Synergy staff");
      }

      @Override
      public boolean writable() {
        return false;
      }
    };
  }
}
