package dev.synergylink.sync.internal.project;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.internal.ApiCalls;
import dev.synergylink.sync.internal.Bookkeeping;
import dev.synergylink.sync.internal.Listings;
import dev.synergylink.sync.internal.RemoteFailure;
import dev.synergylink.sync.internal.Run;
import dev.synergylink.sync.internal.TypeBinding;
import dev.synergylink.sync.internal.TypeSync;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProjectContext;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectType;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusConflictException;
import dev.synergylink.tinyplus.TinyPlusProjectTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the project field rules need during one run (see {@link ProjectContext}): the checked status mapping, tiny+'s
 * project types (registered as Synergy's turn up), the client companies (synced first when they are not yet) and a
 * place to report a field left as it is. Made once per run, loaded lazily, so an idle cycle spends no call on it.
 * The rules reach it through {@link FieldContext#projects()}. Not thread-safe.
 */
public final class ProjectRun implements ProjectContext {
  private final Run run;
  private final SynergyClient synergy;
  private final TinyPlusClient tinyPlus;
  private final TypeBinding<Contact, Company> companies;
  /** How long a check of the status mapping against both systems, kept in the state store, holds. */
  public static final Duration STATUS_REFRESH_AGE = Duration.ofHours(24);

  /** The name of the kept check in the store's bookkeeping. */
  static final String STATUSES_KEY = "project-statuses";

  private boolean statusesChecked;
  private boolean recheckedInRun;
  private Map<String, String> tinyPlusTypes;
  private Side lastSide;
  private long lastId;
  /** The field notes reported in this run, so that none is reported twice. */
  private final Set<String> notes = new HashSet<>();
  private long lastSynergyProject = -1;
  private long lastSynergyStatus;

  private ProjectRun(Run run, SynergyClient synergy, TinyPlusClient tinyPlus,
      TypeBinding<Contact, Company> companies) {
    this.run = run;
    this.synergy = synergy;
    this.tinyPlus = tinyPlus;
    this.companies = companies;
  }

  /**
   * Checks that the projects sync may run (companies synced, team members linked) and keeps a helper with the run.
   *
   * @param run the run
   * @param synergy the Synergy client
   * @param tinyPlus the tiny+ client
   * @param companies the companies binding, to sync a project's client company first
   * @throws ProjectSyncRefused saying what to do first
   */
  public static void attach(Run run, SynergyClient synergy, TinyPlusClient tinyPlus,
      TypeBinding<Contact, Company> companies) {
    List<String> problems = orderProblems(run.store(), run.settings());
    if (!problems.isEmpty()) {
      throw new ProjectSyncRefused(problems);
    }
    run.attach(ProjectRun.class, new ProjectRun(run, synergy, tinyPlus, companies));
  }

  /**
   * The guide's order: companies synced and team members linked before projects. Reads the state store only.
   *
   * @param store the state store
   * @param settings the settings
   * @return one sentence per step still to do
   */
  public static List<String> orderProblems(StateStore store, SyncSettings settings) {
    List<String> problems = new ArrayList<>();
    String connection = settings.connectionId();
    if (store.cursor(connection, RecordType.COMPANY, Side.SYNERGY).isEmpty()
        && store.cursor(connection, RecordType.COMPANY, Side.TINYPLUS).isEmpty()) {
      problems.add("Projects cannot sync before the companies: enable the Companies sync and run it (or Download"
          + " all / Upload all companies) first, because every Synergy project needs a client contact");
    }
    // the step is done once a team member was linked: a link orphaned since (its staff member deleted in Synergy)
    // still counts, or deleting the one linked staff member would stop every project from syncing
    if (store.links(connection, RecordType.TEAM_MEMBER).isEmpty()) {
      problems.add("Projects cannot sync before team members are linked: link your Staff / Team Member records"
          + " (Link Team Member records) first, because project managers sync through those links");
    }
    return problems;
  }

  /**
   * Loads what the status mapping screen shows: every Synergy status and every tiny+ phase.
   *
   * @param synergy the Synergy client
   * @param tinyPlus the tiny+ client
   * @param calls the call counter
   * @return the options
   */
  public static ProjectStatusOptions load(SynergyClient synergy, TinyPlusClient tinyPlus, ApiCalls calls) {
    List<ProjectStatus> statuses = ProjectSides.synergyCall(calls, synergy::projectStatuses);
    List<ProjectPhase> phases = new ArrayList<>();
    Listings.tinyPlus(calls, tinyPlus.projectPhases(), ListQuery.firstPage()).forEach(phases::add);
    return new ProjectStatusOptions(statuses, phases);
  }

  @Override
  public StatusMapping checkedStatusMapping() {
    return statuses();
  }

  /**
   * The status mapping, checked against both systems the first time a run writes a status (every create does),
   * unless a check of this same mapping, kept in the state store, is younger than {@link #STATUS_REFRESH_AGE}: the
   * statuses and phases are then not read again, by this run or by a new engine on the same store.
   *
   * @return the mapping
   * @throws ProjectSyncRefused naming each unmapped status and phase: the projects sync does not run
   */
  public StatusMapping statuses() {
    StatusMapping mapping = statusMapping();
    if (!statusesChecked) {
      if (!checkedRecently(mapping)) {
        recheck(mapping);
      }
      statusesChecked = true;
    }
    return mapping;
  }

  /**
   * A status or phase that the checked mapping does not know turned up (added since the check was kept): both
   * systems are read again, so that a status added since is named, and the projects run refused, as when the mapping
   * is first checked. At most once a run: a status that stays unknown (a retired one, reported on its record) costs a
   * read only in a run that lists a project in it.
   *
   * @throws ProjectSyncRefused naming each unmapped status and phase
   */
  public void statusUnknown() {
    if (!recheckedInRun) {
      recheck(statusMapping());
      statusesChecked = true;
    }
  }

  /**
   * Drops the kept check of the status mapping, so that the next run that writes a status reads both systems again:
   * a system refused a write of a project's status or phase (the status retired, the phase deleted).
   *
   * @param run the run
   */
  public static void forgetStatusCheck(Run run) {
    Bookkeeping.save(run.store(), run.leaseHeld(), STATUSES_KEY, Map.of());
  }

  private boolean checkedRecently(StatusMapping mapping) {
    Map<String, String> kept = Bookkeeping.read(run.store(), run.settings().connectionId(), STATUSES_KEY);
    String at = kept.get("checkedAt");
    if (at == null || !fingerprint(mapping).equals(kept.get("mapping"))) {
      return false;
    }
    try {
      Instant checkedAt = Instant.parse(at);
      return !checkedAt.isAfter(run.now()) && checkedAt.plus(STATUS_REFRESH_AGE).isAfter(run.now());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void recheck(StatusMapping mapping) {
    recheckedInRun = true;
    List<String> problems = mapping.problems(load(synergy, tinyPlus, run.calls()));
    if (!problems.isEmpty()) {
      forgetStatusCheck(run);
      throw new ProjectSyncRefused(problems);
    }
    Bookkeeping.save(run.store(), run.leaseHeld(), STATUSES_KEY,
        Map.of("checkedAt", run.now().toString(), "mapping", fingerprint(mapping)));
  }

  /** A digest of the mapping: a changed mapping is checked again at once. */
  private static String fingerprint(StatusMapping mapping) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(mapping.toString().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The status mapping as the settings hold it, for reading (comparing) only: a no-op scan spends no call on
   * checking it; every write of a status goes through {@link #statuses()}.
   *
   * @return the mapping
   * @throws ProjectSyncRefused when there is none
   */
  @Override
  public StatusMapping statusMapping() {
    StatusMapping mapping = run.settings().statusMapping();
    if (mapping == null) {
      throw new ProjectSyncRefused(List.of("Project sync needs statusMapping: map the project statuses"
          + " (Configure Project Statuses) first"));
    }
    return mapping;
  }

  @Override
  public void noteSynergyStatus(long projectId, long statusId) {
    lastSynergyProject = projectId;
    lastSynergyStatus = statusId;
  }

  /**
   * {@inheritDoc} The merge reads Synergy's side of a pair first; the status last synced is its link's snapshot.
   */
  @Override
  public List<Long> partnerStatuses(dev.synergylink.tinyplus.Project t) {
    List<Long> statuses = new ArrayList<>(2);
    // one look-up: the link of the tiny+ record, unless orphaned, is the link of its linked Synergy record
    Link link = run.store().linksByTinyPlusId(run.settings().connectionId(), RecordType.PROJECT, List.of(t.id()))
        .get(t.id());
    Long linked = link == null || link.orphaned() ? null : link.synergyId();
    if (lastSynergyProject >= 0 && (linked != null ? linked == lastSynergyProject
        : Long.toString(lastSynergyProject).equals(t.remoteId()))) {
      statuses.add(lastSynergyStatus);
    }
    if (linked != null) {
      String synced = run.pairState(link).field("status").agreed();
      if (synced != null && synced.chars().allMatch(Character::isDigit) && !synced.isEmpty()) {
        statuses.add(Long.parseLong(synced));
      }
    }
    return statuses;
  }

  @Override
  public void reading(Side side, long id) {
    lastSide = side;
    lastId = id;
  }

  @Override
  public void fieldNotSynced(Side into, String field, String message) {
    Long s = null;
    Long t = null;
    if (lastSide == Side.SYNERGY) {
      s = lastId;
      t = run.linkedTinyPlusId(RecordType.PROJECT, lastId);
    } else if (lastSide == Side.TINYPLUS) {
      t = lastId;
      s = run.linkedSynergyId(RecordType.PROJECT, lastId);
    }
    // a create's writers run again when the new pair is first merged (a stand-in such as the activating user is sent
    // again then): the same note of the same project (named by the id of the side the value came from) once per run
    if (notes.add(into + " " + field + " " + (into == Side.TINYPLUS ? s : t) + " " + message)) {
      run.fieldNotSynced(RecordType.PROJECT, Flow.into(into), s, t, field, message);
    }
  }

  /** {@inheritDoc} A 409 means someone registered it meanwhile. */
  @Override
  public String tinyPlusProjectType(String name) {
    Map<String, String> types = tinyPlusTypes();
    String key = key(name);
    String known = types.get(key);
    if (known != null) {
      return known;
    }
    try {
      ProjectType created = ProjectSides.tinyPlusCall(run.calls(), () -> tinyPlus.projectTypes().create(name));
      types.put(key(created.name()), created.name());
      return created.name();
    } catch (RemoteFailure e) {
      if (e.getCause() instanceof TinyPlusConflictException) {
        tinyPlusTypes = null;
        return tinyPlusTypes().getOrDefault(key, name);
      }
      if (e.kind() == RemoteFailure.Kind.INVALID) {
        return null;
      }
      throw e;
    }
  }

  private Map<String, String> tinyPlusTypes() {
    if (tinyPlusTypes == null) {
      tinyPlusTypes = listTypes(tinyPlus, run.calls());
    }
    return tinyPlusTypes;
  }

  /**
   * Every tiny+ project type by its case-folded name.
   *
   * @param tinyPlus the client
   * @param calls the call counter
   * @return the types, case-folded name to name
   */
  public static Map<String, String> listTypes(TinyPlusClient tinyPlus, ApiCalls calls) {
    Map<String, String> types = new HashMap<>();
    for (ProjectType type : Listings.tinyPlus(calls, tinyPlus.projectTypes(), ListQuery.firstPage())) {
      types.putIfAbsent(key(type.name()), type.name());
    }
    return types;
  }

  static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** {@inheritDoc} A company whose link is orphaned is not synced again: the project waits. */
  @Override
  public long synergyClient(long companyId) {
    Long linked = run.linkedSynergyId(RecordType.COMPANY, companyId);
    if (linked != null) {
      return linked;
    }
    if (orphaned(run.store().linksByTinyPlusId(run.settings().connectionId(), RecordType.COMPANY,
        List.of(companyId)).get(companyId))) {
      throw new SkipRecordException("its client company (tiny+ company " + companyId + ") is no longer synced with"
          + " Synergy (the company or its Synergy contact was deleted), and every Synergy project needs a client: set"
          + " a synced client company in tiny+");
    }
    if (!run.settings().isEnabled(RecordType.COMPANY)) {
      throw new SkipRecordException("its client company (tiny+ company " + companyId + ") is not synced with Synergy"
          + " and the Companies sync is off: every Synergy project needs a client, so enable the Companies sync or"
          + " sync that company first");
    }
    waitForQuarantinedClient(Side.TINYPLUS, companyId, "its client company (tiny+ company " + companyId + ")");
    Company company = client(() -> companies.tinyPlus().get(companyId), "its client company (tiny+ company "
        + companyId + ") was deleted in tiny+: give the project another client company");
    new TypeSync<>(run, companies).copyToSynergy(company);
    linked = run.linkedSynergyId(RecordType.COMPANY, companyId);
    if (linked == null) {
      throw new SkipRecordException("its client company (tiny+ company " + companyId + ") could not be synced to"
          + " Synergy: see that company's problem in this report, fix it, and the project follows");
    }
    return linked;
  }

  /** {@inheritDoc} A contact whose link is orphaned is not synced again: the project waits. */
  @Override
  public long tinyPlusClient(long contactId) {
    Long linked = run.linkedTinyPlusId(RecordType.COMPANY, contactId);
    if (linked != null) {
      return linked;
    }
    if (orphaned(run.store().linksBySynergyId(run.settings().connectionId(), RecordType.COMPANY,
        List.of(contactId)).get(contactId))) {
      throw new SkipRecordException("its client (Synergy contact " + contactId + ") is no longer synced with tiny+"
          + " (the contact or its tiny+ company was deleted): set a synced client in Synergy");
    }
    if (!run.settings().isEnabled(RecordType.COMPANY)) {
      throw new SkipRecordException("its client (Synergy contact " + contactId + ") is not synced with tiny+ and the"
          + " Companies sync is off: enable the Companies sync or sync that contact first");
    }
    waitForQuarantinedClient(Side.SYNERGY, contactId, "its client (Synergy contact " + contactId + ")");
    Contact contact = client(() -> companies.synergy().get(contactId), "its client (Synergy contact " + contactId
        + ") was deleted in Synergy: give the project another client");
    new TypeSync<>(run, companies).copyToTinyPlus(contact);
    linked = run.linkedTinyPlusId(RecordType.COMPANY, contactId);
    if (linked == null) {
      throw new SkipRecordException("its client (Synergy contact " + contactId + ") could not be synced to tiny+:"
          + " see that contact's problem in this report, fix it, and the project follows");
    }
    return linked;
  }

  /**
   * A project waits while its client company waits in quarantine for its own retry: the company is not read or sent
   * again for each project that names it (ten companies Synergy refuses, twenty projects waiting for them, would send
   * twenty refused creates every cycle). A company that changes meanwhile is synced by its own type's cycle, which
   * runs first and then lets its waiting projects follow.
   */
  private void waitForQuarantinedClient(Side side, long companyId, String client) {
    RecordFailure failure = run.store().failures(run.settings().connectionId(), RecordType.COMPANY, side,
        List.of(companyId)).get(companyId);
    if (failure != null && failure.nextRetry().isAfter(run.now())) {
      throw new SkipRecordException(client + " could not be synced to " + (side == Side.SYNERGY ? "tiny+" : "Synergy")
          + " (" + failure.message() + "); it is tried again from " + failure.nextRetry() + ", and the project"
          + " follows once it is synced");
    }
  }

  /** Whether a company link is orphaned: one of its records was deleted, and neither is copied again. */
  private static boolean orphaned(Link link) {
    return link != null && link.orphaned();
  }

  /**
   * A project's client company read by id. One that is gone (404) is no reason to drop the project silently: the
   * project waits in quarantine with the reason (and is not read again every cycle while it is listed).
   */
  private static <X> X client(java.util.function.Supplier<X> read, String gone) {
    try {
      return read.get();
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.NOT_FOUND) {
        throw new SkipRecordException(gone);
      }
      throw e;
    }
  }

  /**
   * Registers in tiny+ every type in a set that tiny+ lacks (a 409 is fine).
   *
   * @param names the type names
   * @param tinyPlus the client
   * @param calls the call counter
   * @return the names registered now
   */
  public static List<String> register(Iterable<String> names, TinyPlusClient tinyPlus, ApiCalls calls) {
    Map<String, String> known = listTypes(tinyPlus, calls);
    List<String> added = new ArrayList<>();
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String name : names) {
      wanted.putIfAbsent(key(name), name.strip());
    }
    TinyPlusProjectTypes types = tinyPlus.projectTypes();
    for (Map.Entry<String, String> entry : wanted.entrySet()) {
      if (known.containsKey(entry.getKey())) {
        continue;
      }
      try {
        ProjectSides.tinyPlusCall(calls, () -> types.create(entry.getValue()));
        added.add(entry.getValue());
      } catch (RemoteFailure e) {
        if (!(e.getCause() instanceof TinyPlusConflictException)) {
          throw e;
        }
      }
      known.put(entry.getKey(), entry.getValue());
    }
    return added;
  }
}
