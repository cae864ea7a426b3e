package dev.synergylink.sync.internal.project;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.ApiCalls;
import dev.synergylink.sync.internal.ListPage;
import dev.synergylink.sync.internal.RemoteFailure;
import dev.synergylink.sync.internal.SideAccess;
import dev.synergylink.sync.internal.SynergySides;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.synergy.OrderBy;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyQuery;
import dev.synergylink.tinyplus.Address;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.ProjectWriteBuilder;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.Sort;
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The two sides of the projects sync. Synergy projects are listed with {@code includeInactive}. */
public final class ProjectSides {
  private ProjectSides() {}

  static <X> X synergyCall(ApiCalls calls, Supplier<X> call) {
    calls.count(Side.SYNERGY);
    try {
      return call.get();
    } catch (SynergyApiException e) {
      throw RemoteFailure.of(e);
    }
  }

  static <X> X tinyPlusCall(ApiCalls calls, Supplier<X> call) {
    calls.count(Side.TINYPLUS);
    try {
      return call.get();
    } catch (TinyPlusApiException e) {
      throw RemoteFailure.of(e);
    }
  }

  private static <X> X build(Supplier<X> build) {
    try {
      return build.get();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new SkipRecordException(e.getMessage());
    }
  }

  private static IllegalArgumentException unknown(String what, String member) {
    return new IllegalArgumentException("a field rule wrote the member '" + member + "', which a " + what
        + " request does not have: fix the rule's writer");
  }

  /**
   * Synergy projects, complete and unsuccessful ones included.
   *
   * @param client the client
   * @param calls the call counter
   * @return the access
   */
  public static SideAccess<Project> synergy(SynergyClient client, ApiCalls calls) {
    return new SideAccess<>() {
      @Override
      public Side side() {
        return Side.SYNERGY;
      }

      @Override
      public long id(Project record) {
        return record.id();
      }

      @Override
      public Instant modified(Project record) {
        return record.modifiedDate();
      }

      @Override
      public boolean deleted(Project record) {
        return false; // Synergy projects deleted in the web app answer 404
      }

      @Override
      public Long markedPartner(Project record) {
        String reference = record.externalReference();
        if (reference == null || !reference.startsWith(SynergySides.MARKER_PREFIX)) {
          return null;
        }
        try {
          return Long.parseLong(reference.substring(SynergySides.MARKER_PREFIX.length()));
        } catch (NumberFormatException e) {
          return null;
        }
      }

      private ListPage<Project> list(ProjectQuery query) {
        Page<Project> page = synergyCall(calls, () -> client.projects().list(query));
        return new ListPage<>(page.items(), page.totalItems());
      }

      @Override
      public ListPage<Project> listChanged(Instant from, int offset, int pageSize) {
        return list(ProjectQuery.builder().modifiedSince(from).orderBy(OrderBy.MODIFIED_DATE).includeInactive(true)
            .page(offset / pageSize + 1).pageSize(pageSize).build());
      }

      @Override
      public ListPage<Project> listAll(int offset, int pageSize) {
        return list(ProjectQuery.builder().orderBy(OrderBy.ID).includeInactive(true).page(offset / pageSize + 1)
            .pageSize(pageSize).build());
      }

      @Override
      public Project get(long id) {
        return synergyCall(calls, () -> client.projects().get(id));
      }

      @Override
      public List<Project> findByPartner(long partnerId) {
        return list(ProjectQuery.builder().orderBy(OrderBy.ID).includeInactive(true).page(1)
            .pageSize(SynergyQuery.MAX_PAGE_SIZE).externalReference(SynergySides.marker(partnerId)).build()).items();
      }

      @Override
      public Project create(Map<String, Object> members, long partnerId) {
        ProjectCreate.Builder b = ProjectCreate.builder();
        members.forEach((name, value) -> {
          if (name.equals("initialFee")) {
            b.initialFee((BigDecimal) value);
          } else if (!synergyMember(b, name, value)) {
            throw unknown("Synergy project create", name);
          }
        });
        b.externalReference(SynergySides.marker(partnerId));
        ProjectCreate create = build(b::build);
        return synergyCall(calls, () -> client.projects().create(create));
      }

      @Override
      public Project patch(long id, Map<String, Object> members) {
        ProjectPatch.Builder b = ProjectPatch.builder();
        members.forEach((name, value) -> {
          if (!synergyMember(b, name, value)) {
            throw unknown("Synergy project patch", name);
          }
        });
        ProjectPatch patch = build(b::build);
        return synergyCall(calls, () -> client.projects().patch(id, patch));
      }
    };
  }

  private static boolean synergyMember(Object builder, String name, Object value) {
    if (builder instanceof ProjectCreate.Builder) {
      ProjectCreate.Builder b = (ProjectCreate.Builder) builder;
      switch (name) {
        case "name": b.name(text(name, value)); return true;
        case "statusId": b.statusId(id(name, value)); return true;
        case "primaryContactId": b.primaryContactId(id(name, value)); return true;
        case "projectType": b.projectType((String) value); return true;
        case "managerId": b.managerId(value == null ? null : ((Number) value).longValue()); return true;
        case "address": b.address((dev.synergylink.synergy.Address) value); return true;
        case "scope": b.scope((String) value); return true;
        case "externalReference": b.externalReference((String) value); return true;
        default: return false;
      }
    }
    ProjectPatch.Builder b = (ProjectPatch.Builder) builder;
    switch (name) {
      case "name": b.name(text(name, value)); return true;
      case "statusId": b.statusId(id(name, value)); return true;
      case "primaryContactId": b.primaryContactId(id(name, value)); return true;
      case "projectType": b.projectType((String) value); return true;
      case "managerId": b.managerId(value == null ? null : ((Number) value).longValue()); return true;
      case "address": b.address((dev.synergylink.synergy.Address) value); return true;
      case "scope": b.scope((String) value); return true;
      case "externalReference": b.externalReference((String) value); return true;
      default: return false;
    }
  }

  private static String text(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new SkipRecordException("its " + name + " is empty, and the other system needs one: fill it in");
    }
    return value.toString();
  }

  private static long id(String name, Object value) {
    if (value == null) {
      throw new SkipRecordException("its " + name + " is empty, and the other system needs one: fill it in");
    }
    return ((Number) value).longValue();
  }

  /**
   * tiny+ projects; deleted ones are found by their marker too.
   *
   * @param client the client
   * @param calls the call counter
   * @param syncOrigin this connection's origin
   * @return the access
   */
  public static SideAccess<dev.synergylink.tinyplus.Project> tinyPlus(TinyPlusClient client, ApiCalls calls,
      String syncOrigin) {
    return new SideAccess<>() {
      @Override
      public Side side() {
        return Side.TINYPLUS;
      }

      @Override
      public long id(dev.synergylink.tinyplus.Project record) {
        return record.id();
      }

      @Override
      public Instant modified(dev.synergylink.tinyplus.Project record) {
        return record.modifiedDate();
      }

      @Override
      public boolean deleted(dev.synergylink.tinyplus.Project record) {
        return record.recordStatus() == RecordStatus.DELETED;
      }

      @Override
      public Long markedPartner(dev.synergylink.tinyplus.Project record) {
        if (!syncOrigin.equals(record.syncOrigin()) || record.remoteId() == null) {
          return null;
        }
        try {
          return Long.parseLong(record.remoteId());
        } catch (NumberFormatException e) {
          return null;
        }
      }

      private ListPage<dev.synergylink.tinyplus.Project> list(dev.synergylink.tinyplus.ProjectQuery query) {
        dev.synergylink.tinyplus.Page<dev.synergylink.tinyplus.Project> page =
            tinyPlusCall(calls, () -> client.projects().list(query));
        return new ListPage<>(page.records(), page.total());
      }

      @Override
      public ListPage<dev.synergylink.tinyplus.Project> listChanged(Instant from, int offset, int pageSize) {
        // modified_date filters are strict and whole seconds: "> from - 1 s" includes from's own second
        Instant after = from.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        return list(dev.synergylink.tinyplus.ProjectQuery.builder().modifiedAfter(after).sort(Sort.MODIFIED_DATE_ASC)
            .start(offset).limit(pageSize).build());
      }

      @Override
      public ListPage<dev.synergylink.tinyplus.Project> listAll(int offset, int pageSize) {
        return list(dev.synergylink.tinyplus.ProjectQuery.builder().sort(Sort.ID_ASC).start(offset).limit(pageSize)
            .build());
      }

      @Override
      public dev.synergylink.tinyplus.Project get(long id) {
        return tinyPlusCall(calls, () -> client.projects().get(id));
      }

      @Override
      public List<dev.synergylink.tinyplus.Project> findByPartner(long partnerId) {
        List<dev.synergylink.tinyplus.Project> found = list(dev.synergylink.tinyplus.ProjectQuery.builder()
            .sort(Sort.ID_ASC).start(0).limit(100).remoteId(Long.toString(partnerId)).syncOrigin(syncOrigin).build())
            .items();
        if (found.isEmpty()) {
          // lists leave deleted records out: a copy someone deleted must be found too, or it would be made again
          found = list(dev.synergylink.tinyplus.ProjectQuery.builder().sort(Sort.ID_ASC).start(0).limit(100)
              .remoteId(Long.toString(partnerId)).syncOrigin(syncOrigin).recordStatus(RecordStatus.DELETED).build())
              .items();
        }
        return found;
      }

      @Override
      public dev.synergylink.tinyplus.Project create(Map<String, Object> members, long partnerId) {
        dev.synergylink.tinyplus.ProjectCreate.Builder b = tinyPlusMembers(
            dev.synergylink.tinyplus.ProjectCreate.builder(), members);
        b.remoteId(Long.toString(partnerId)).syncOrigin(syncOrigin).isSynced(true);
        dev.synergylink.tinyplus.ProjectCreate create = build(b::build);
        return tinyPlusCall(calls, () -> client.projects().create(create));
      }

      @Override
      public dev.synergylink.tinyplus.Project patch(long id, Map<String, Object> members) {
        dev.synergylink.tinyplus.ProjectPatch patch = build(tinyPlusMembers(
            dev.synergylink.tinyplus.ProjectPatch.builder(), members)::build);
        return tinyPlusCall(calls, () -> client.projects().patch(id, patch));
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <B extends ProjectWriteBuilder<B>> B tinyPlusMembers(B b, Map<String, Object> members) {
    members.forEach((name, value) -> {
      switch (name) {
        case "name": b.name(text(name, value)); break;
        case "project_number": b.projectNumber((String) value); break;
        case "description": b.description((String) value); break;
        case "state": b.state((ProjectState) value); break;
        case "phase": b.phase(value == null ? null : ((Number) value).longValue()); break;
        case "project_type": b.projectType((String) value); break;
        case "assigned_user": b.assignedUser(value == null ? null : ((Number) value).longValue()); break;
        case "client_company": b.clientCompany(value == null ? null : ((Number) value).longValue()); break;
        case "value": b.value((BigDecimal) value); break;
        case "address": b.address((Address) value); break;
        case "external_url": b.externalUrl((String) value); break;
        case "remote_id": b.remoteId((String) value); break;
        case "sync_origin": b.syncOrigin((String) value); break;
        case "is_synced": b.isSynced(Boolean.TRUE.equals(value)); break;
        case "locked_fields": b.lockedFields((List<String>) value); break;
        default: throw unknown("tiny+ project", name);
      }
    });
    return b;
  }
}
