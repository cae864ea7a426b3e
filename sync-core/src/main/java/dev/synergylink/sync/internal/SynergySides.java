package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.project.ProjectSides;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.sync.spi.SynergyMembers;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.ContactType;
import dev.synergylink.synergy.OrderBy;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.PersonnelQuery;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyQuery;
import dev.synergylink.synergy.SynergyReadResource;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

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
    try {
      return calls.synergy(call);
    } catch (SynergyApiException e) {
      throw RemoteFailure.of(e);
    }
  }

  static int page(int offset, int pageSize) {
    return offset / pageSize + 1;
  }

  /** Builds one list query: a modified bound (or null), the order, the page and the page size. */
  @FunctionalInterface
  interface QueryMaker<Q> {
    Q make(Instant modifiedSince, OrderBy orderBy, int page, int pageSize, String externalReference);
  }

  /** One Synergy resource as the engine needs it; the record-specific parts are functions. */
  private static final class Access<R, Q extends SynergyQuery<Q>> implements SideAccess<R> {
    private final ApiCalls calls;
    private final SynergyReadResource<R, Q> resource;
    private final QueryMaker<Q> queries;
    private final ToLongFunction<R> id;
    private final Function<R, Instant> created;
    private final Function<R, Instant> modified;
    private final Function<R, String> externalReference;
    private final BiFunction<MemberValues<R>, Long, R> create;
    private final BiFunction<Long, MemberValues<R>, R> patch;

    Access(ApiCalls calls, SynergyReadResource<R, Q> resource, QueryMaker<Q> queries, ToLongFunction<R> id,
        Function<R, Instant> created, Function<R, Instant> modified, Function<R, String> externalReference,
        BiFunction<MemberValues<R>, Long, R> create, BiFunction<Long, MemberValues<R>, R> patch) {
      this.calls = calls;
      this.resource = resource;
      this.queries = queries;
      this.id = id;
      this.created = created;
      this.modified = modified;
      this.externalReference = externalReference;
      this.create = create;
      this.patch = patch;
    }

    @Override
    public Side side() {
      return Side.SYNERGY;
    }

    @Override
    public long id(R record) {
      return id.applyAsLong(record);
    }

    @Override
    public Instant created(R record) {
      return created.apply(record);
    }

    @Override
    public Instant modified(R record) {
      return modified.apply(record);
    }

    @Override
    public boolean deleted(R record) {
      return false; // Synergy records deleted in the web app answer 404
    }

    @Override
    public Long markedPartner(R record) {
      return partnerOf(externalReference.apply(record));
    }

    @Override
    public ListPage<R> listChanged(Instant from, int offset, int pageSize) {
      return list(queries.make(from, OrderBy.MODIFIED_DATE, page(offset, pageSize), pageSize, null));
    }

    @Override
    public ListPage<R> listAll(int offset, int pageSize) {
      return list(queries.make(null, OrderBy.ID, page(offset, pageSize), pageSize, null));
    }

    private ListPage<R> list(Q query) {
      Page<R> page = PageReads.read(() -> call(calls, () -> resource.list(query)));
      return new ListPage<>(page.items(), page.totalItems(), page.received(), page.undecodable().stream()
          .map(u -> new UnreadableRecord(u.id(), u.member(), u.reason())).collect(Collectors.toList()));
    }

    @Override
    public R get(long recordId) {
      return call(calls, () -> resource.get(recordId));
    }

    @Override
    public List<R> findByPartner(long partnerId) {
      if (create == null) {
        return List.of();
      }
      return list(queries.make(null, OrderBy.ID, 1, SynergyQuery.MAX_PAGE_SIZE, marker(partnerId))).items();
    }

    @Override
    public R create(MemberValues<R> members, long partnerId) {
      if (create == null) {
        throw new IllegalStateException("nothing is ever written to Synergy staff");
      }
      return create.apply(members, partnerId);
    }

    @Override
    public R patch(long recordId, MemberValues<R> members) {
      if (patch == null) {
        throw new IllegalStateException("nothing is ever written to Synergy staff");
      }
      return patch.apply(recordId, members);
    }

    @Override
    public boolean writable() {
      return create != null;
    }
  }

  /**
   * Synergy contacts (Company and Individual).
   *
   * @param client the client
   * @param calls the call counter
   * @return the access
   */
  public static SideAccess<Contact> contacts(SynergyClient client, ApiCalls calls) {
    return new Access<Contact, ContactQuery>(calls, client.contacts(),
        (since, order, page, size, reference) -> ContactQuery.builder().modifiedSince(since).orderBy(order)
            .page(page).pageSize(size).externalReference(reference).build(),
        Contact::id, Contact::createdDate, Contact::modifiedDate, Contact::externalReference,
        (members, partnerId) -> {
          ContactCreate.Builder b =
              SynergyMembers.applyToContact(members, ContactCreate.builder().contactType(ContactType.COMPANY));
          ContactCreate create = Members.build(b.externalReference(marker(partnerId))::build);
          return call(calls, () -> client.contacts().create(create));
        },
        (id, members) -> {
          ContactPatch patch = Members.build(SynergyMembers.applyToContact(members, ContactPatch.builder())::build);
          return call(calls, () -> client.contacts().patch(id, patch));
        });
  }

  /**
   * Synergy personnel.
   *
   * @param client the client
   * @param calls the call counter
   * @return the access
   */
  public static SideAccess<Personnel> personnel(SynergyClient client, ApiCalls calls) {
    return new Access<Personnel, PersonnelQuery>(calls, client.personnel(),
        (since, order, page, size, reference) -> PersonnelQuery.builder().modifiedSince(since).orderBy(order)
            .page(page).pageSize(size).externalReference(reference).build(),
        Personnel::id, Personnel::createdDate, Personnel::modifiedDate, Personnel::externalReference,
        (members, partnerId) -> {
          PersonnelCreate.Builder b = SynergyMembers.applyToPersonnel(members, PersonnelCreate.builder());
          PersonnelCreate create = Members.build(b.externalReference(marker(partnerId))::build);
          return call(calls, () -> client.personnel().create(create));
        },
        (id, members) -> {
          PersonnelPatch patch =
              Members.build(SynergyMembers.applyToPersonnel(members, PersonnelPatch.builder())::build);
          return call(calls, () -> client.personnel().patch(id, patch));
        });
  }

  /**
   * Synergy staff: read-only.
   *
   * @param client the client
   * @param calls the call counter
   * @return the access
   */
  public static SideAccess<Staff> staff(SynergyClient client, ApiCalls calls) {
    return new Access<Staff, StaffQuery>(calls, client.staff(),
        (since, order, page, size, reference) -> StaffQuery.builder().modifiedSince(since).orderBy(order)
            .page(page).pageSize(size).build(),
        Staff::id, Staff::createdDate, Staff::modifiedDate, staff -> null, null, null);
  }

  /**
   * Synergy projects, complete and unsuccessful ones included ({@code includeInactive}).
   *
   * @param client the client
   * @param calls the call counter
   * @return the access
   */
  public static SideAccess<Project> projects(SynergyClient client, ApiCalls calls) {
    return new Access<Project, ProjectQuery>(calls, client.projects(),
        (since, order, page, size, reference) -> ProjectQuery.builder().modifiedSince(since).orderBy(order)
            .page(page).pageSize(size).externalReference(reference).includeInactive(true).build(),
        Project::id, Project::createdDate, Project::modifiedDate, Project::externalReference,
        (members, partnerId) -> {
          ProjectCreate create = Members.build(() -> ProjectSides.create(members, marker(partnerId)));
          return call(calls, () -> client.projects().create(create));
        },
        (id, members) -> {
          ProjectPatch patch = Members.build(() -> ProjectSides.patch(members));
          return call(calls, () -> client.projects().patch(id, patch));
        });
  }
}
