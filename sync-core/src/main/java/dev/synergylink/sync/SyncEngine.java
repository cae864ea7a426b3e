package dev.synergylink.sync;

import dev.synergylink.sync.internal.ApiCalls;
import dev.synergylink.sync.internal.ListPage;
import dev.synergylink.sync.internal.RemoteFailure;
import dev.synergylink.sync.internal.Run;
import dev.synergylink.sync.internal.SideAccess;
import dev.synergylink.sync.internal.SynergySides;
import dev.synergylink.sync.internal.TinyPlusSides;
import dev.synergylink.sync.internal.TypeBinding;
import dev.synergylink.sync.internal.TypeBinding.NaturalKey;
import dev.synergylink.sync.internal.TypeSync;
import dev.synergylink.sync.internal.project.ProjectRun;
import dev.synergylink.sync.internal.project.ProjectSyncRefused;
import dev.synergylink.sync.spi.ConflictPolicy;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection (one tiny+ account and one Synergy organisation) in sync. Built once with
 * {@link #builder()}; every operation is synchronous and runs on the caller's thread, on the host's schedule. The
 * engine owns no thread, no static state and no clock of its own; everything it remembers is in the host's
 * {@link StateStore}.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *     .synergy(synergyClient)
 *     .tinyPlus(tinyPlusClient)
 *     .stateStore(store)
 *     .settings(settings)
 *     .build();
 * SyncReport report = engine.syncOnce();   // every minute or so
 * }</pre>
 *
 * <p>Thread-safe: operations on one connection never overlap, even from several engines on several machines: each
 * takes the connection's lease in the state store, and a second gets a {@link LeaseHeldException}.
 */
public final class SyncEngine {
  /** How many reports {@link #recentReports()} keeps. */
  public static final int RECENT_REPORTS = 20;

  private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

  private final SynergyClient synergy;
  private final TinyPlusClient tinyPlus;
  private final StateStore store;
  private final SyncSettings settings;
  private final FieldMapping<Contact, Company> companyMapping;
  private final FieldMapping<Personnel, dev.synergylink.tinyplus.Contact> contactMapping;
  private final FieldMapping<Staff, TeamMember> teamMemberMapping;
  private final FieldMapping<Project, dev.synergylink.tinyplus.Project> projectMapping;
  private final ConflictPolicy conflictPolicy;
  private final Clock clock;
  private final List<SyncListener> listeners;
  private final String holder;
  private final Deque<SyncReport> recent = new ArrayDeque<>();
  private volatile boolean statusMappingChecked;

  private SyncEngine(Builder builder) {
    this.synergy = builder.synergy;
    this.tinyPlus = builder.tinyPlus;
    this.store = builder.store;
    this.settings = builder.settings;
    this.companyMapping = builder.companyMapping;
    this.contactMapping = builder.contactMapping;
    this.teamMemberMapping = builder.teamMemberMapping;
    this.projectMapping = builder.projectMapping;
    this.conflictPolicy = builder.conflictPolicy;
    this.clock = builder.clock;
    this.listeners = List.copyOf(builder.listeners);
    this.holder = builder.holder != null ? builder.holder
        : "SyncEngine@" + Integer.toHexString(System.identityHashCode(this));
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings this engine runs with.
   *
   * @return the settings
   */
  public SyncSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The cycle and the manual controls
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * One incremental cycle over every enabled record type, both directions, in dependency order (team members,
   * companies, contacts, projects). With the master switch off it makes no API call at all. The first cycle of a
   * type starts from now: records that existed before are brought over with {@link #downloadAll} and
   * {@link #uploadAll}. A new record is matched with an unlinked record of the other side before anything is
   * created, like the manual controls do: by the engine's marker, then by natural key (team members by email
   * alone).
   *
   * <p>Cost: a cycle in which nothing changed makes one list call per enabled type and side. A new record costs a
   * look-up of its marker on the other side; the first new record of a run that carries no marker also costs one
   * listing of the other side's records of its type ({@code ceil(n / pageSize)} list calls), which every other new
   * record of the run shares.
   *
   * @return what the cycle did; {@link SyncReport#aborted()} when the credentials, permissions or quota stopped it
   * @throws LeaseHeldException when another run of this connection is going on
   * @throws dev.synergylink.sync.spi.LeaseLostException when this run outlived its lease and another worker took
   *     the connection over; this run stopped without changing anything more
   */
  public SyncReport syncOnce() {
    if (!settings.masterSwitch()) {
      return SyncReport.builder()
          .operation(SyncReport.Operation.SYNC)
          .startedAt(clock.instant())
          .finishedAt(clock.instant())
          .masterSwitchOff(true)
          .build();
    }
    return underLease(SyncReport.Operation.SYNC, run -> {
      Map<RecordType, TypeBinding<?, ?>> bindings = bindings(run.calls());
      for (RecordType type : RecordType.values()) {
        if (!settings.isEnabled(type)) {
          continue;
        }
        TypeBinding<?, ?> binding = bindings.get(type);
        if (binding == null) {
          log.debug("{} sync is enabled but this engine has no mapping for it yet; skipped", type);
          continue;
        }
        prepare(run, type, bindings);
        new TypeSync<>(run, binding).cycle();
      }
    });
  }

  /**
   * "Download all from Synergy": every Synergy record of a type to tiny+. Linked records send their changes;
   * unlinked ones are matched with an existing tiny+ record first (by the engine's marker, then by natural key:
   * ABN, email, name; a key must match exactly one record) and created only when none matches. Works with the
   * master switch off.
   *
   * @param type the record type
   * @param progress told done / total after each record
   * @return what was done
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport downloadAll(RecordType type, ProgressListener progress) {
    return transfer(type, Side.SYNERGY, progress, SyncReport.Operation.DOWNLOAD_ALL);
  }

  /**
   * "Upload all to Synergy": every tiny+ record of a type to Synergy, matching before creating like
   * {@link #downloadAll}. A tiny+ contact whose company is not synced is skipped with that reason.
   *
   * @param type the record type; not {@link RecordType#TEAM_MEMBER} (nothing is written to Synergy staff)
   * @param progress told done / total after each record
   * @return what was done
   * @throws IllegalArgumentException for team members
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport uploadAll(RecordType type, ProgressListener progress) {
    if (type == RecordType.TEAM_MEMBER) {
      throw new IllegalArgumentException("team members flow one way, from Synergy staff to tiny+: nothing is"
          + " uploaded to Synergy staff; use downloadAll(TEAM_MEMBER, ...) or the team member linking");
    }
    return transfer(type, Side.TINYPLUS, progress, SyncReport.Operation.UPLOAD_ALL);
  }

  private SyncReport transfer(RecordType type, Side from, ProgressListener progress, SyncReport.Operation op) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(progress, "progress == null: pass ProgressListener.none() to ignore progress");
    return underLease(op, run -> {
      Map<RecordType, TypeBinding<?, ?>> bindings = bindings(run.calls());
      TypeBinding<?, ?> binding = bindings.get(type);
      if (binding == null) {
        throw new UnsupportedOperationException(type + " records cannot be synced by this engine yet");
      }
      prepare(run, type, bindings);
      new TypeSync<>(run, binding).transferAll(from, progress);
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Team member linking (works with the master switch off)
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Suggests a tiny+ team member for every unlinked active Synergy staff member: by email, else by name. A team
   * member is suggested for one staff member at most.
   *
   * @return one suggestion per unlinked staff member, in staff id order
   */
  public List<TeamMemberSuggestion> suggestTeamMemberLinks() {
    ApiCalls calls = new ApiCalls();
    SideAccess<Staff> staffSide = SynergySides.staff(synergy, calls);
    SideAccess<TeamMember> memberSide = TinyPlusSides.teamMembers(tinyPlus, calls, settings.syncOrigin());
    Map<Long, Link> links = new HashMap<>();
    Set<Long> linkedMembers = new HashSet<>();
    for (Link link : store.links(settings.connectionId(), RecordType.TEAM_MEMBER)) {
      if (!link.orphaned()) {
        links.put(link.synergyId(), link);
        linkedMembers.add(link.tinyPlusId());
      }
    }
    List<TeamMember> members = new ArrayList<>();
    for (TeamMember member : all(memberSide)) {
      if (!linkedMembers.contains(member.id())) {
        members.add(member);
      }
    }
    Normaliser emails = Normaliser.caseInsensitive();
    Set<Long> suggested = new HashSet<>();
    List<TeamMemberSuggestion> suggestions = new ArrayList<>();
    for (Staff staff : all(staffSide)) {
      if (links.containsKey(staff.id())) {
        continue;
      }
      String name = FieldMappings.staffName(staff);
      TeamMember match = unique(members, suggested, m -> emails.normalise(m.email()), emails.normalise(staff.email()));
      TeamMemberSuggestion.Match how = TeamMemberSuggestion.Match.EMAIL;
      if (match == null) {
        match = unique(members, suggested, m -> emails.normalise(m.name()), emails.normalise(name));
        how = TeamMemberSuggestion.Match.NAME;
      }
      if (match == null) {
        how = TeamMemberSuggestion.Match.NONE;
      } else {
        suggested.add(match.id());
      }
      suggestions.add(TeamMemberSuggestion.builder()
          .staffId(staff.id())
          .staffName(name)
          .staffEmail(staff.email())
          .teamMemberId(match == null ? null : match.id())
          .teamMemberName(match == null ? null : match.name())
          .match(how)
          .build());
    }
    return suggestions;
  }

  private static TeamMember unique(List<TeamMember> members, Set<Long> taken, Function<TeamMember, String> key,
      String value) {
    if (value == null) {
      return null;
    }
    TeamMember found = null;
    for (TeamMember member : members) {
      if (!taken.contains(member.id()) && value.equals(key.apply(member))) {
        if (found != null) {
          return null;
        }
        found = member;
      }
    }
    return found;
  }

  private static <R> List<R> all(SideAccess<R> side) {
    List<R> all = new ArrayList<>();
    for (int offset = 0; ; offset += 100) {
      ListPage<R> page = side.listAll(offset, 100);
      all.addAll(page.items());
      if (page.items().size() < 100) {
        return all;
      }
    }
  }

  /**
   * Links a Synergy staff member with a tiny+ team member; the team member's Synergy-owned fields take the staff
   * member's values and are locked in tiny+.
   *
   * @param staffId the Synergy staff id
   * @param teamMemberId the tiny+ team member id
   * @return what was done
   * @throws IllegalStateException when either is already linked to someone else
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport linkTeamMember(long staffId, long teamMemberId) {
    return underLease(SyncReport.Operation.TEAM_MEMBER_LINKING, run -> {
      Link byStaff = store.linksBySynergyId(settings.connectionId(), RecordType.TEAM_MEMBER, List.of(staffId))
          .get(staffId);
      Link byMember = store.linksByTinyPlusId(settings.connectionId(), RecordType.TEAM_MEMBER,
          List.of(teamMemberId)).get(teamMemberId);
      if (byStaff != null && !byStaff.orphaned() && byStaff.tinyPlusId() != teamMemberId) {
        throw new IllegalStateException("staff member " + staffId + " is already linked to team member "
            + byStaff.tinyPlusId() + ": unlink it first");
      }
      if (byMember != null && !byMember.orphaned() && byMember.synergyId() != staffId) {
        throw new IllegalStateException("team member " + teamMemberId + " is already linked to staff member "
            + byMember.synergyId() + ": unlink it first");
      }
      teamMembers(run).link(staffId, teamMemberId);
    });
  }

  /**
   * Unlinks a staff member from its team member: the link is removed and the team member's fields are unlocked
   * in tiny+. Nothing is deleted.
   *
   * @param staffId the Synergy staff id
   * @return what was done
   * @throws IllegalArgumentException when the staff member is not linked
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport unlinkTeamMember(long staffId) {
    return underLease(SyncReport.Operation.TEAM_MEMBER_LINKING, run -> {
      Link link = store.linksBySynergyId(settings.connectionId(), RecordType.TEAM_MEMBER, List.of(staffId))
          .get(staffId);
      if (link == null) {
        throw new IllegalArgumentException("staff member " + staffId + " is not linked to a team member");
      }
      teamMembers(run).unlink(link);
    });
  }

  /**
   * Creates a ghost team member (who cannot log in and costs nothing) for every active staff member not linked
   * yet, and links them. A ghost that an earlier, interrupted run created is found by its marker, not created
   * again.
   *
   * @return what was done
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport createGhostTeamMembers() {
    return underLease(SyncReport.Operation.TEAM_MEMBER_LINKING, run -> {
      TypeSync<Staff, TeamMember> sync = teamMembers(run);
      SideAccess<Staff> staffSide = SynergySides.staff(synergy, run.calls());
      for (Staff staff : all(staffSide)) {
        if (store.linksBySynergyId(settings.connectionId(), RecordType.TEAM_MEMBER, List.of(staff.id())).isEmpty()) {
          sync.copyToTinyPlus(staff);
        }
      }
    });
  }

  private TypeSync<Staff, TeamMember> teamMembers(Run run) {
    return new TypeSync<>(run, teamMemberBinding(run.calls()));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Setup and queries
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Checks that the signed-in users may set the integration up: the tiny+ user must be an account admin and the
   * Synergy user an Administrator. Two API calls.
   *
   * @return the result, with the guide's wording of each problem
   */
  public SetupCheck checkSetup() {
    boolean tinyPlusAdmin = tinyPlus.me().accountAdmin();
    boolean synergyAdmin = synergy.currentUser().securityLevel() == SecurityLevel.ADMINISTRATOR;
    ImmutableSetupCheck.Builder check = SetupCheck.builder().tinyPlusAccountAdmin(tinyPlusAdmin)
        .synergyAdministrator(synergyAdmin);
    if (!tinyPlusAdmin) {
      check.addProblems(SetupCheck.TINYPLUS_ADMIN_NEEDED);
    }
    if (!synergyAdmin) {
      check.addProblems(SetupCheck.SYNERGY_ADMIN_NEEDED);
    }
    return check.build();
  }

  /**
   * The tiny+ fields the tiny+ app must show read-only on a linked record of a type (the fields Synergy owns).
   *
   * @param type the record type
   * @return the tiny+ field names; empty for a type this engine does not sync
   */
  public List<String> lockedFields(RecordType type) {
    switch (type) {
      case TEAM_MEMBER: return teamMemberMapping.lockedTinyPlusFields();
      case COMPANY: return companyMapping.lockedTinyPlusFields();
      case CONTACT: return contactMapping.lockedTinyPlusFields();
      case PROJECT: return projectMapping.lockedTinyPlusFields();
      default: return List.of();
    }
  }

  /**
   * The tiny+ fields the tiny+ app must show read-only on one record: none when it is not linked.
   *
   * @param type the record type
   * @param tinyPlusId the tiny+ id
   * @return the tiny+ field names
   */
  public List<String> lockedFields(RecordType type, long tinyPlusId) {
    Link link = store.linksByTinyPlusId(settings.connectionId(), type, List.of(tinyPlusId)).get(tinyPlusId);
    return link == null || link.orphaned() ? List.of() : lockedFields(type);
  }

  /**
   * The connection's health: per type the pairs in sync and the records failing, excluded or orphaned, with each
   * failure's error and next retry. Reads the state store only (no API call).
   *
   * @return the health
   */
  public SyncHealth health() {
    List<RecordFailure> failures = store.failures(settings.connectionId());
    Map<RecordType, HealthCounts> counts = new EnumMap<>(RecordType.class);
    List<Link> orphaned = new ArrayList<>();
    for (RecordType type : RecordType.values()) {
      Set<String> failing = new HashSet<>();
      int failingCount = 0;
      int excluded = 0;
      for (RecordFailure failure : failures) {
        if (failure.recordType() == type) {
          failing.add(failure.side() + "/" + failure.recordId());
          if (failure.kind() == RecordFailure.Kind.EXCLUDED) {
            excluded++;
          } else {
            failingCount++;
          }
        }
      }
      int inSync = 0;
      int orphans = 0;
      for (Link link : store.links(settings.connectionId(), type)) {
        if (link.orphaned()) {
          orphans++;
          orphaned.add(link);
        } else if (!failing.contains(Side.SYNERGY + "/" + link.synergyId())
            && !failing.contains(Side.TINYPLUS + "/" + link.tinyPlusId())) {
          inSync++;
        }
      }
      counts.put(type, HealthCounts.builder().inSync(inSync).failing(failingCount).excluded(excluded)
          .orphaned(orphans).build());
    }
    return SyncHealth.builder().counts(counts).failures(failures).orphanedLinks(orphaned).build();
  }

  /**
   * The reports of this engine's last runs (at most {@value #RECENT_REPORTS}), newest first, for a UI. Only this
   * instance's runs: a host that runs a connection on several workers keeps reports with
   * {@link SyncListener#onRunFinished(SyncReport)}.
   *
   * @return the reports
   */
  public List<SyncReport> recentReports() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  private SyncReport remember(SyncReport report) {
    synchronized (recent) {
      recent.addFirst(report);
      while (recent.size() > RECENT_REPORTS) {
        recent.removeLast();
      }
    }
    return report;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Runs
  // ---------------------------------------------------------------------------------------------------------------

  private SyncReport underLease(SyncReport.Operation operation, Consumer<Run> body) {
    Lease lease = store.acquireLease(settings.connectionId(), holder, clock.instant(), settings.leaseDuration())
        .orElseThrow(() -> {
          String by = store.currentLease(settings.connectionId(), clock.instant())
              .map(l -> " by '" + l.holder() + "' until " + l.expiresAt())
              .orElse("");
          return new LeaseHeldException("lease held: connection '" + settings.connectionId()
              + "' is being synced" + by + "; one engine runs a connection at a time, try again when that run"
              + " ends");
        });
    Run run = new Run(store, lease, settings, clock, conflictPolicy, listeners, operation);
    String aborted = null;
    try {
      body.accept(run);
    } catch (RemoteFailure e) {
      aborted = (e.side() == Side.SYNERGY ? "Synergy" : "tiny+") + " stopped the run: " + e.getMessage();
      log.debug("run of connection '{}' aborted: {}", settings.connectionId(), aborted);
    } catch (SynergyApiException | TinyPlusApiException e) {
      aborted = "the run stopped: " + e.getMessage();
    } catch (ProjectSyncRefused e) {
      aborted = e.getMessage();
    } finally {
      store.releaseLease(run.leaseHeld());
    }
    return remember(run.finish(aborted));
  }

  private Map<RecordType, TypeBinding<?, ?>> bindings(ApiCalls calls) {
    Map<RecordType, TypeBinding<?, ?>> bindings = new EnumMap<>(RecordType.class);
    bindings.put(RecordType.TEAM_MEMBER, teamMemberBinding(calls));
    bindings.put(RecordType.COMPANY, new TypeBinding<>(RecordType.COMPANY,
        SynergySides.contacts(synergy, calls),
        TinyPlusSides.companies(tinyPlus, calls, settings.syncOrigin()),
        companyMapping,
        List.of(
            new NaturalKey<Contact, Company>("ABN", Contact::abn, Company::abn, Normaliser.digits()),
            new NaturalKey<Contact, Company>("email", Contact::email, Company::email, Normaliser.caseInsensitive()),
            new NaturalKey<Contact, Company>("name", Contact::name, Company::name, Normaliser.caseInsensitive())),
        true, false));
    bindings.put(RecordType.CONTACT, new TypeBinding<>(RecordType.CONTACT,
        SynergySides.personnel(synergy, calls),
        TinyPlusSides.contacts(tinyPlus, calls, settings.syncOrigin()),
        contactMapping,
        List.of(
            new NaturalKey<Personnel, dev.synergylink.tinyplus.Contact>("email", Personnel::email,
                dev.synergylink.tinyplus.Contact::emailAddress, Normaliser.caseInsensitive()),
            new NaturalKey<Personnel, dev.synergylink.tinyplus.Contact>("name",
                p -> join(p.firstName(), p.lastName()), c -> join(c.firstName(), c.lastName()),
                Normaliser.caseInsensitive())),
        true, false, t -> false,
        // a related company deleted on the side written to (the link only learns of it from the refusal)
        List.of(new TypeBinding.Reference(Side.SYNERGY, "parentContactId", RecordType.COMPANY,
                SynergySides.contacts(synergy, calls)),
            new TypeBinding.Reference(Side.TINYPLUS, "primary_company", RecordType.COMPANY,
                TinyPlusSides.companies(tinyPlus, calls, settings.syncOrigin())))));
    bindings.put(RecordType.PROJECT, projectBinding(calls));
    return bindings;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Projects
  // ---------------------------------------------------------------------------------------------------------------

  private TypeBinding<Project, dev.synergylink.tinyplus.Project> projectBinding(ApiCalls calls) {
    StatusMapping statuses = settings.statusMapping();
    return new TypeBinding<>(RecordType.PROJECT,
        SynergySides.projects(synergy, calls),
        TinyPlusSides.projects(tinyPlus, calls, settings.syncOrigin()),
        projectMapping,
        List.of(new NaturalKey<Project, dev.synergylink.tinyplus.Project>("project number", Project::projectNumber,
                dev.synergylink.tinyplus.Project::projectNumber, Normaliser.caseInsensitive()),
            new NaturalKey<Project, dev.synergylink.tinyplus.Project>("name", Project::name,
                dev.synergylink.tinyplus.Project::name, Normaliser.caseInsensitive())),
        true, false,
        t -> statuses != null && statuses.isLocked(t.state(), t.phase()),
        // a manager or client deleted on the side written to (the link only learns of it from the refusal)
        List.of(new TypeBinding.Reference(Side.SYNERGY, "managerId", RecordType.TEAM_MEMBER,
                SynergySides.staff(synergy, calls)),
            new TypeBinding.Reference(Side.SYNERGY, "primaryContactId", RecordType.COMPANY,
                SynergySides.contacts(synergy, calls)),
            new TypeBinding.Reference(Side.TINYPLUS, "client_company", RecordType.COMPANY,
                TinyPlusSides.companies(tinyPlus, calls, settings.syncOrigin()))))
        .waitingFor(RecordType.COMPANY);
  }

  /**
   * Checks the guide's order before a projects run and gives the project rules their per-run look-ups. This
   * engine's first projects run also checks the status mapping against both systems before anything moves (two
   * calls, once), so a projects sync with an unmapped status or phase never starts; later runs check it again
   * whenever they write a status, which catches a status or phase added since.
   */
  @SuppressWarnings("unchecked")
  private void prepare(Run run, RecordType type, Map<RecordType, TypeBinding<?, ?>> bindings) {
    if (type == RecordType.PROJECT) {
      ProjectRun.attach(run, synergy, tinyPlus, (TypeBinding<Contact, Company>) bindings.get(RecordType.COMPANY));
      if (!statusMappingChecked) {
        run.attachment(ProjectRun.class).statuses();
        statusMappingChecked = true;
      }
    }
  }

  /**
   * Loads what the Configure Project Statuses screen shows: every Synergy project status and every tiny+ pipeline
   * phase. Two API calls or a few more (phases are paged); works with the master switch off.
   *
   * @return the statuses and phases, for {@link StatusMapping#proposeDefault} and {@link StatusMapping#problems}
   */
  public ProjectStatusOptions projectStatusOptions() {
    return ProjectRun.load(synergy, tinyPlus, new ApiCalls());
  }

  /**
   * Configure Project Types: Synergy has no list of project types, so they are discovered from its projects
   * (complete and unsuccessful ones included), and every type tiny+ lacks is registered there (a type someone
   * registered meanwhile is fine). Reads every Synergy project; works with the master switch off.
   *
   * @return the Synergy project types found, in first-seen order, one spelling each
   */
  public List<String> discoverProjectTypes() {
    ApiCalls calls = new ApiCalls();
    SideAccess<Project> side = SynergySides.projects(synergy, calls);
    Map<String, String> types = new java.util.LinkedHashMap<>();
    for (int offset = 0; ; offset += 100) {
      ListPage<Project> page = side.listAll(offset, 100);
      for (Project project : page.items()) {
        String type = project.projectType();
        if (type != null && !type.isBlank()) {
          types.putIfAbsent(type.strip().toLowerCase(java.util.Locale.ROOT), type.strip());
        }
      }
      if (page.items().size() < 100) {
        break;
      }
    }
    List<String> tinyPlusNames = new ArrayList<>();
    for (String type : types.values()) {
      String name = settings.projectTypeMapping().tinyPlusType(type);
      if (name != null) {
        tinyPlusNames.add(name);
      }
    }
    ProjectRun.register(tinyPlusNames, tinyPlus, calls);
    return List.copyOf(types.values());
  }

  /**
   * Everything that keeps the projects sync from running, one sentence each saying what to do: the companies not
   * synced yet, the team members not linked, no status mapping, and each Synergy status and tiny+ phase the status
   * mapping leaves unmapped. Loads the statuses and phases (a few API calls).
   *
   * @return the problems; empty when the projects sync may be enabled
   */
  public List<String> projectSetupProblems() {
    List<String> problems = new ArrayList<>(ProjectRun.orderProblems(store, settings));
    StatusMapping mapping = settings.statusMapping();
    if (mapping == null) {
      problems.add("Project sync needs statusMapping: map the project statuses (Configure Project Statuses) first");
    } else {
      problems.addAll(mapping.problems(projectStatusOptions()));
    }
    return problems;
  }

  private TypeBinding<Staff, TeamMember> teamMemberBinding(ApiCalls calls) {
    return new TypeBinding<>(RecordType.TEAM_MEMBER,
        SynergySides.staff(synergy, calls),
        TinyPlusSides.teamMembers(tinyPlus, calls, settings.syncOrigin()),
        teamMemberMapping,
        List.of(
            new NaturalKey<Staff, TeamMember>("email", Staff::email, TeamMember::email, Normaliser.caseInsensitive()),
            new NaturalKey<Staff, TeamMember>("name", FieldMappings::staffName, TeamMember::name,
                Normaliser.caseInsensitive())),
        false, true)
        // the team member side drops the email tiny+ refuses for an active member and sends the rest
        .withNotTakenReason("email", "tiny+ does not let the API change an active team member's email; change it in"
            + " tiny+ or in Synergy");
  }

  private static String join(String first, String last) {
    String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    return name.isEmpty() ? null : name;
  }

  /** Builds a {@link SyncEngine}. Not thread-safe. */
  public static final class Builder {
    private SynergyClient synergy;
    private TinyPlusClient tinyPlus;
    private StateStore store;
    private SyncSettings settings;
    private FieldMapping<Contact, Company> companyMapping = FieldMappings.companies();
    private FieldMapping<Personnel, dev.synergylink.tinyplus.Contact> contactMapping = FieldMappings.contacts();
    private FieldMapping<Staff, TeamMember> teamMemberMapping = FieldMappings.teamMembers();
    private FieldMapping<Project, dev.synergylink.tinyplus.Project> projectMapping = ProjectMappings.projects();
    private ConflictPolicy conflictPolicy = ConflictPolicy.ownerWinsElseNewest();
    private Clock clock = Clock.systemUTC();
    private final List<SyncListener> listeners = new ArrayList<>();
    private String holder;

    private Builder() {}

    /**
     * The Synergy client (required).
     *
     * @param synergy the client
     * @return this builder
     */
    public Builder synergy(SynergyClient synergy) {
      this.synergy = Objects.requireNonNull(synergy, "synergy == null");
      return this;
    }

    /**
     * The tiny+ client (required).
     *
     * @param tinyPlus the client
     * @return this builder
     */
    public Builder tinyPlus(TinyPlusClient tinyPlus) {
      this.tinyPlus = Objects.requireNonNull(tinyPlus, "tinyPlus == null");
      return this;
    }

    /**
     * Where the engine keeps its state (required).
     *
     * @param store the store
     * @return this builder
     */
    public Builder stateStore(StateStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /**
     * The connection's settings (required).
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(SyncSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /**
     * The companies mapping; default {@link FieldMappings#companies()}.
     *
     * @param mapping the mapping
     * @return this builder
     */
    public Builder companyMapping(FieldMapping<Contact, Company> mapping) {
      this.companyMapping = Objects.requireNonNull(mapping, "mapping == null");
      return this;
    }

    /**
     * The contacts mapping; default {@link FieldMappings#contacts()}.
     *
     * @param mapping the mapping
     * @return this builder
     */
    public Builder contactMapping(FieldMapping<Personnel, dev.synergylink.tinyplus.Contact> mapping) {
      this.contactMapping = Objects.requireNonNull(mapping, "mapping == null");
      return this;
    }

    /**
     * The team members mapping; default {@link FieldMappings#teamMembers()}. Its rules can never write to Synergy.
     *
     * @param mapping the mapping
     * @return this builder
     */
    public Builder teamMemberMapping(FieldMapping<Staff, TeamMember> mapping) {
      this.teamMemberMapping = Objects.requireNonNull(mapping, "mapping == null");
      return this;
    }

    /**
     * The projects mapping; default {@link ProjectMappings#projects()}.
     *
     * @param mapping the mapping
     * @return this builder
     */
    public Builder projectMapping(FieldMapping<Project, dev.synergylink.tinyplus.Project> mapping) {
      this.projectMapping = Objects.requireNonNull(mapping, "mapping == null");
      return this;
    }

    /**
     * How field conflicts are settled; default {@link ConflictPolicy#ownerWinsElseNewest()}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder conflictPolicy(ConflictPolicy policy) {
      this.conflictPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * The clock for leases, cursors of first runs and retry times; default the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Adds a listener for record events, conflicts and finished runs.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder addListener(SyncListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * The name this engine takes the lease under (shown to a second engine); default {@code SyncEngine@<hash>}.
     *
     * @param holder the name, for example the worker's host name
     * @return this builder
     */
    public Builder holder(String holder) {
      this.holder = Objects.requireNonNull(holder, "holder == null");
      return this;
    }

    /**
     * The engine.
     *
     * @return the engine
     * @throws IllegalStateException naming what is missing, or when the settings and the Synergy client name
     *     different organisations
     */
    public SyncEngine build() {
      List<String> missing = new ArrayList<>();
      if (synergy == null) {
        missing.add("synergy(SynergyClient)");
      }
      if (tinyPlus == null) {
        missing.add("tinyPlus(TinyPlusClient)");
      }
      if (store == null) {
        missing.add("stateStore(StateStore)");
      }
      if (settings == null) {
        missing.add("settings(SyncSettings)");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("SyncEngine.builder() is missing " + String.join(", ", missing));
      }
      if (!settings.synergyOrganisation().equalsIgnoreCase(synergy.organisation())) {
        throw new IllegalStateException("settings.synergyOrganisation() is '" + settings.synergyOrganisation()
            + "' but the Synergy client works on '" + synergy.organisation() + "': give both the same organisation");
      }
      return new SyncEngine(this);
    }
  }
}
