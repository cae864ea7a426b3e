package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.sync.spi.TinyPlusMembers;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import dev.synergylink.tinyplus.ContactQuery;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectQuery;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.Sort;
import dev.synergylink.tinyplus.SyncedRecord;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberQuery;
import dev.synergylink.tinyplus.TeamMemberStatus;
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusValidationException;
import dev.synergylink.tinyplus.WriteRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Objects;
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
    R write(MemberValues<R> members, Function<WriteRequest.Builder<?>, WriteRequest.Builder<?>> markers);
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
   * @param <R> the tiny+ record type
   * @return the members
   */
  public static <R extends SyncedRecord> MemberValues<R> markers(long synergyId, String syncOrigin,
      List<String> lockedFields) {
    return MemberValues.<R>create().set(TinyPlusMembers.REMOTE_ID, Long.toString(synergyId))
        .set(TinyPlusMembers.SYNC_ORIGIN, syncOrigin).set(TinyPlusMembers.IS_SYNCED, true)
        .set(TinyPlusMembers.LOCKED_FIELDS, lockedFields);
  }

  /**
   * The members that unmark a tiny+ record: no remote id, origin or locks.
   *
   * @param <R> the tiny+ record type
   * @return the members
   */
  public static <R extends SyncedRecord> MemberValues<R> unmarked() {
    return MemberValues.<R>create().set(TinyPlusMembers.REMOTE_ID, null).set(TinyPlusMembers.SYNC_ORIGIN, null)
        .set(TinyPlusMembers.IS_SYNCED, false).set(TinyPlusMembers.LOCKED_FIELDS, List.of());
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

    @Override
    public ListPage<R> listDeletedCopies(int offset, int pageSize) {
      if (!softDeletes) {
        return SideAccess.super.listDeletedCopies(offset, pageSize);
      }
      return list(queries.make(null, Sort.ID_ASC, offset, pageSize, null, syncOrigin, true));
    }

    private ListPage<R> list(Q query) {
      Page<R> page = PageReads.read(() -> call(calls, () -> list.apply(query)));
      return new ListPage<>(page.records(), page.total(), page.received(), page.undecodable().stream()
          .map(u -> new UnreadableRecord(u.id(), u.member(), u.reason())).collect(Collectors.toList()));
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
    public R create(MemberValues<R> members, long partnerId) {
      return call(calls, () -> create.write(members, b -> b.remoteId(Long.toString(partnerId))
          .syncOrigin(syncOrigin).isSynced(true)));
    }

    @Override
    public R patch(long id, MemberValues<R> members) {
      return call(calls, () -> patch.write(id, members));
    }
  }

  /** Builds and sends a patch. */
  @FunctionalInterface
  interface PatchWriter<R> {
    R write(long id, MemberValues<R> members);
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
          CompanyCreate.Builder b = TinyPlusMembers.applyToCompany(members, CompanyCreate.builder());
          markers.apply(b);
          return client.companies().create(Members.build(b::build));
        },
        (id, members) -> client.companies().patch(id,
            Members.build(TinyPlusMembers.applyToCompany(members, CompanyPatch.builder())::build)),
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
          ContactCreate.Builder b = TinyPlusMembers.applyToContact(members, ContactCreate.builder());
          markers.apply(b);
          return client.contacts().create(Members.build(b::build));
        },
        (id, members) -> client.contacts().patch(id,
            Members.build(TinyPlusMembers.applyToContact(members, ContactPatch.builder())::build)),
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
          TeamMemberCreate.Builder b = TinyPlusMembers.applyToTeamMember(members, TeamMemberCreate.builder());
          markers.apply(b);
          return client.teamMembers().createGhost(Members.build(b::build));
        },
        (id, members) -> patchTeamMember(client, calls, id, members),
        m -> false, false);
  }

  /**
   * tiny+ refuses to change an active member's email (they sign in with it), so a write carrying an email reads the
   * member first and leaves the email out for an active one: the engine then sees the email tiny+ kept, reports it
   * as not synced, and tries again only when the staff email changes. The read costs no more than the refused
   * write it replaces. A member activated between the read and the write still answers 400: the rest is resent.
   */
  private static TeamMember patchTeamMember(TinyPlusClient client, ApiCalls calls, long id,
      MemberValues<TeamMember> members) {
    MemberValues<TeamMember> sent = members;
    if (members.isSet(TinyPlusMembers.TEAM_MEMBER_EMAIL)) {
      TeamMember current = client.teamMembers().get(id);
      if (current.recordStatus() == TeamMemberStatus.ACTIVE
          && !Objects.equals(current.email(), members.get(TinyPlusMembers.TEAM_MEMBER_EMAIL))) {
        sent = members.without(TinyPlusMembers.TEAM_MEMBER_EMAIL);
        if (sent.isEmpty()) {
          return current; // the read stands for the write: nothing else to send
        }
      }
      calls.count(Side.TINYPLUS);
    }
    try {
      return client.teamMembers().patch(id,
          Members.build(TinyPlusMembers.applyToTeamMember(sent, TeamMemberPatch.builder())::build));
    } catch (TinyPlusValidationException e) {
      if (!e.fieldErrors().containsKey("email") || !sent.isSet(TinyPlusMembers.TEAM_MEMBER_EMAIL)) {
        throw e;
      }
      MemberValues<TeamMember> rest = sent.without(TinyPlusMembers.TEAM_MEMBER_EMAIL);
      calls.count(Side.TINYPLUS);
      if (rest.isEmpty()) {
        return client.teamMembers().get(id);
      }
      return client.teamMembers().patch(id,
          Members.build(TinyPlusMembers.applyToTeamMember(rest, TeamMemberPatch.builder())::build));
    }
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
          ProjectCreate.Builder b = TinyPlusMembers.applyToProject(members, ProjectCreate.builder());
          markers.apply(b);
          return client.projects().create(Members.build(b::build));
        },
        (id, members) -> client.projects().patch(id,
            Members.build(TinyPlusMembers.applyToProject(members, ProjectPatch.builder())::build)),
        p -> p.recordStatus() == RecordStatus.DELETED, true);
  }
}
