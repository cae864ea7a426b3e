package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.tinyplus.Address;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.CompanyWriteBuilder;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import dev.synergylink.tinyplus.ContactQuery;
import dev.synergylink.tinyplus.ContactWriteBuilder;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectQuery;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.ProjectWriteBuilder;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.Sort;
import dev.synergylink.tinyplus.SyncedRecord;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberQuery;
import dev.synergylink.tinyplus.TeamMemberWriteBuilder;
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusValidationException;
import dev.synergylink.tinyplus.WriteRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The tiny+ side of each record type. */
public final class TinyPlusSides {
  private TinyPlusSides() {}

  /** Builds one list query of a record type. */
  @FunctionalInterface
  interface QueryMaker<Q> {
    Q make(Instant modifiedAfter, Sort sort, int start, int limit, String remoteId, String syncOrigin,
        boolean deleted);
  }

  /** Builds and sends a create or patch from members. */
  @FunctionalInterface
  interface Writer<R> {
    R write(Map<String, Object> members, Function<WriteRequest.Builder<?>, WriteRequest.Builder<?>> markers);
  }

  static <X> X call(ApiCalls calls, Supplier<X> call) {
    calls.count(Side.TINYPLUS);
    try {
      return call.get();
    } catch (TinyPlusApiException e) {
      throw RemoteFailure.of(e);
    }
  }

  /**
   * The members that mark a tiny+ record as linked with a Synergy record.
   *
   * @param synergyId the Synergy id
   * @param syncOrigin this connection's origin
   * @param lockedFields the fields to lock
   * @return the members in contract names
   */
  public static Map<String, Object> markers(long synergyId, String syncOrigin, List<String> lockedFields) {
    return Map.of("remote_id", Long.toString(synergyId), "sync_origin", syncOrigin, "is_synced", true,
        "locked_fields", lockedFields);
  }

  /**
   * The members that take a record's markers off (remote id, origin, locks): it is no longer linked.
   *
   * @return the members in contract names
   */
  public static Map<String, Object> unmarked() {
    Map<String, Object> members = new java.util.LinkedHashMap<>();
    members.put("remote_id", null);
    members.put("sync_origin", null);
    members.put("is_synced", false);
    members.put("locked_fields", List.of());
    return members;
  }

  /**
   * The members a create carries besides the field rules' (the marker is added by the create itself).
   *
   * @param lockedFields the fields to lock
   * @return the members in contract names
   */
  public static Map<String, Object> createMembers(List<String> lockedFields) {
    return Map.of("locked_fields", lockedFields);
  }

  /**
   * Whether a record carries exactly the markers of a link with this Synergy id.
   *
   * @param record the record
   * @param synergyId the Synergy id
   * @param syncOrigin this connection's origin
   * @param lockedFields the fields that should be locked
   * @return true when no marker needs writing
   */
  public static boolean markedAs(SyncedRecord record, long synergyId, String syncOrigin, List<String> lockedFields) {
    return Long.toString(synergyId).equals(record.remoteId()) && syncOrigin.equals(record.syncOrigin())
        && record.isSynced() && record.lockedFields().equals(lockedFields);
  }

  private static final class Access<R extends SyncedRecord, Q> implements SideAccess<R> {
    private final ApiCalls calls;
    private final String syncOrigin;
    private final Function<Q, Page<R>> list;
    private final QueryMaker<Q> queries;
    private final LongFunction<R> get;
    private final Writer<R> create;
    private final PatchWriter<R> patch;
    private final Predicate<R> deleted;
    private final boolean softDeletes;

    Access(ApiCalls calls, String syncOrigin, Function<Q, Page<R>> list, QueryMaker<Q> queries, LongFunction<R> get,
        Writer<R> create, PatchWriter<R> patch, Predicate<R> deleted, boolean softDeletes) {
      this.calls = calls;
      this.syncOrigin = syncOrigin;
      this.list = list;
      this.queries = queries;
      this.get = get;
      this.create = create;
      this.patch = patch;
      this.deleted = deleted;
      this.softDeletes = softDeletes;
    }

    @Override
    public Side side() {
      return Side.TINYPLUS;
    }

    @Override
    public long id(R record) {
      return record.id();
    }

    @Override
    public Instant created(R record) {
      return record.createdDate();
    }

    @Override
    public Instant modified(R record) {
      return record.modifiedDate();
    }

    @Override
    public boolean deleted(R record) {
      return deleted.test(record);
    }

    @Override
    public Long markedPartner(R record) {
      if (!syncOrigin.equals(record.syncOrigin()) || record.remoteId() == null) {
        return null;
      }
      try {
        return Long.parseLong(record.remoteId());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    @Override
    public ListPage<R> listChanged(Instant from, int offset, int pageSize) {
      // modified_date filters are strict and whole seconds: "> from - 1 s" includes from's own second
      Instant after = from.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
      return list(queries.make(after, Sort.MODIFIED_DATE_ASC, offset, pageSize, null, null, false));
    }

    @Override
    public ListPage<R> listAll(int offset, int pageSize) {
      return list(queries.make(null, Sort.ID_ASC, offset, pageSize, null, null, false));
    }

    private ListPage<R> list(Q query) {
      Page<R> page = call(calls, () -> list.apply(query));
      return new ListPage<>(page.records(), page.total());
    }

    @Override
    public R get(long id) {
      return call(calls, () -> get.apply(id));
    }

    @Override
    public List<R> findByPartner(long partnerId) {
      List<R> found = list(queries.make(null, Sort.ID_ASC, 0, 100, Long.toString(partnerId), syncOrigin, false))
          .items();
      if (found.isEmpty() && softDeletes) {
        // lists leave deleted records out: a copy someone deleted must be found too, or it would be made again
        found = list(queries.make(null, Sort.ID_ASC, 0, 100, Long.toString(partnerId), syncOrigin, true)).items();
      }
      return found;
    }

    @Override
    public R create(Map<String, Object> members, long partnerId) {
      return call(calls, () -> create.write(members, b -> b.remoteId(Long.toString(partnerId))
          .syncOrigin(syncOrigin).isSynced(true)));
    }

    @Override
    public R patch(long id, Map<String, Object> members) {
      return call(calls, () -> patch.write(id, members));
    }
  }

  /** Builds and sends a patch. */
  @FunctionalInterface
  interface PatchWriter<R> {
    R write(long id, Map<String, Object> members);
  }

  @SuppressWarnings("unchecked")
  private static <B extends WriteRequest.Builder<B>> void syncMembers(B b, String name, Object value) {
    switch (name) {
      case "external_url": b.externalUrl((String) value); break;
      case "remote_id": b.remoteId((String) value); break;
      case "sync_origin": b.syncOrigin((String) value); break;
      case "is_synced": b.isSynced(Boolean.TRUE.equals(value)); break;
      case "locked_fields": b.lockedFields((List<String>) value); break;
      default: throw Members.unknown("tiny+ record", name);
    }
  }

  private static <B extends CompanyWriteBuilder<B>> B company(B b, Map<String, Object> members) {
    members.forEach((name, value) -> {
      switch (name) {
        case "name": b.name(Members.text(name, value)); break;
        case "physical_address": b.physicalAddress((Address) value); break;
        case "email": b.email((String) value); break;
        case "website": b.website((String) value); break;
        case "abn": b.abn((String) value); break;
        case "mobile": b.mobile((String) value); break;
        case "office_phone": b.officePhone((String) value); break;
        case "twitter": b.twitter((String) value); break;
        default: syncMembers(b, name, value);
      }
    });
    return b;
  }

  private static <B extends ContactWriteBuilder<B>> B contact(B b, Map<String, Object> members) {
    members.forEach((name, value) -> {
      switch (name) {
        case "first_name": b.firstName((String) value); break;
        case "last_name": b.lastName((String) value); break;
        case "role": b.role((String) value); break;
        case "direct": b.direct((String) value); break;
        case "email_address": b.emailAddress((String) value); break;
        case "website": b.website((String) value); break;
        case "mobile": b.mobile((String) value); break;
        case "office_phone": b.officePhone((String) value); break;
        case "twitter": b.twitter((String) value); break;
        case "primary_company": b.primaryCompany(value == null ? null : ((Number) value).longValue()); break;
        default: syncMembers(b, name, value);
      }
    });
    return b;
  }

  private static <B extends TeamMemberWriteBuilder<B>> B teamMember(B b, Map<String, Object> members) {
    members.forEach((name, value) -> {
      switch (name) {
        case "name": b.name(Members.text(name, value)); break;
        case "email": b.email((String) value); break;
        case "direct": b.direct((String) value); break;
        case "mobile": b.mobile((String) value); break;
        case "title": b.title((String) value); break;
        default: syncMembers(b, name, value);
      }
    });
    return b;
  }

  /**
   * tiny+ companies.
   *
   * @param client the client
   * @param calls the call counter
   * @param syncOrigin this connection's origin
   * @return the access
   */
  public static SideAccess<Company> companies(TinyPlusClient client, ApiCalls calls, String syncOrigin) {
    return new Access<Company, CompanyQuery>(calls, syncOrigin, q -> client.companies().list(q),
        (after, sort, start, limit, remoteId, origin, deleted) -> CompanyQuery.builder().modifiedAfter(after)
            .sort(sort).start(start).limit(limit).remoteId(remoteId).syncOrigin(origin)
            .recordStatus(deleted ? RecordStatus.DELETED : null).build(),
        id -> client.companies().get(id),
        (members, markers) -> {
          CompanyCreate.Builder b = company(CompanyCreate.builder(), members);
          markers.apply(b);
          return client.companies().create(Members.build(b::build));
        },
        (id, members) -> client.companies().patch(id, Members.build(company(CompanyPatch.builder(), members)::build)),
        c -> c.recordStatus() == RecordStatus.DELETED, true);
  }

  /**
   * tiny+ contacts.
   *
   * @param client the client
   * @param calls the call counter
   * @param syncOrigin this connection's origin
   * @return the access
   */
  public static SideAccess<Contact> contacts(TinyPlusClient client, ApiCalls calls, String syncOrigin) {
    return new Access<Contact, ContactQuery>(calls, syncOrigin, q -> client.contacts().list(q),
        (after, sort, start, limit, remoteId, origin, deleted) -> ContactQuery.builder().modifiedAfter(after)
            .sort(sort).start(start).limit(limit).remoteId(remoteId).syncOrigin(origin)
            .recordStatus(deleted ? RecordStatus.DELETED : null).build(),
        id -> client.contacts().get(id),
        (members, markers) -> {
          ContactCreate.Builder b = contact(ContactCreate.builder(), members);
          markers.apply(b);
          return client.contacts().create(Members.build(b::build));
        },
        (id, members) -> client.contacts().patch(id, Members.build(contact(ContactPatch.builder(), members)::build)),
        c -> c.recordStatus() == RecordStatus.DELETED, true);
  }

  /**
   * tiny+ team members; creates are ghosts.
   *
   * @param client the client
   * @param calls the call counter
   * @param syncOrigin this connection's origin
   * @return the access
   */
  public static SideAccess<TeamMember> teamMembers(TinyPlusClient client, ApiCalls calls, String syncOrigin) {
    return new Access<TeamMember, TeamMemberQuery>(calls, syncOrigin, q -> client.teamMembers().list(q),
        (after, sort, start, limit, remoteId, origin, deleted) -> TeamMemberQuery.builder().modifiedAfter(after)
            .sort(sort).start(start).limit(limit).remoteId(remoteId).syncOrigin(origin).build(),
        id -> client.teamMembers().get(id),
        (members, markers) -> {
          TeamMemberCreate.Builder b = teamMember(TeamMemberCreate.builder(), members);
          markers.apply(b);
          return client.teamMembers().createGhost(Members.build(b::build));
        },
        (id, members) -> {
          try {
            return client.teamMembers().patch(id, Members.build(teamMember(TeamMemberPatch.builder(), members)::build));
          } catch (TinyPlusValidationException e) {
            // tiny+ refuses to change an active member's email (they sign in with it): send the rest without it
            // (the engine then remembers the email tiny+ kept, and tries again only when the staff email changes)
            if (!e.fieldErrors().containsKey("email") || !members.containsKey("email")) {
              throw e;
            }
            Map<String, Object> rest = new LinkedHashMap<>(members);
            rest.remove("email");
            calls.count(Side.TINYPLUS);
            if (rest.isEmpty()) {
              return client.teamMembers().get(id);
            }
            return client.teamMembers().patch(id, Members.build(teamMember(TeamMemberPatch.builder(), rest)::build));
          }
        },
        m -> false, false);
  }

  private static <B extends ProjectWriteBuilder<B>> B project(B b, Map<String, Object> members) {
    members.forEach((name, value) -> {
      switch (name) {
        case "name": b.name(Members.text(name, value)); break;
        case "project_number": b.projectNumber((String) value); break;
        case "description": b.description((String) value); break;
        case "state": b.state((ProjectState) value); break;
        case "phase": b.phase(value == null ? null : ((Number) value).longValue()); break;
        case "project_type": b.projectType((String) value); break;
        case "assigned_user": b.assignedUser(value == null ? null : ((Number) value).longValue()); break;
        case "client_company": b.clientCompany(value == null ? null : ((Number) value).longValue()); break;
        case "value": b.value((BigDecimal) value); break;
        case "address": b.address((Address) value); break;
        default: syncMembers(b, name, value);
      }
    });
    return b;
  }

  /**
   * tiny+ projects.
   *
   * @param client the client
   * @param calls the call counter
   * @param syncOrigin this connection's origin
   * @return the access
   */
  public static SideAccess<Project> projects(TinyPlusClient client, ApiCalls calls, String syncOrigin) {
    return new Access<Project, ProjectQuery>(calls, syncOrigin, q -> client.projects().list(q),
        (after, sort, start, limit, remoteId, origin, deleted) -> ProjectQuery.builder().modifiedAfter(after)
            .sort(sort).start(start).limit(limit).remoteId(remoteId).syncOrigin(origin)
            .recordStatus(deleted ? RecordStatus.DELETED : null).build(),
        id -> client.projects().get(id),
        (members, markers) -> {
          ProjectCreate.Builder b = project(ProjectCreate.builder(), members);
          markers.apply(b);
          return client.projects().create(Members.build(b::build));
        },
        (id, members) -> client.projects().patch(id, Members.build(project(ProjectPatch.builder(), members)::build)),
        p -> p.recordStatus() == RecordStatus.DELETED, true);
  }
}
