package dev.synergylink.sync;

import dev.synergylink.sync.internal.EngineConfig;
import dev.synergylink.sync.internal.HealthSurvey;
import dev.synergylink.sync.internal.LeaseRunner;
import dev.synergylink.sync.internal.RecentReports;
import dev.synergylink.sync.internal.SyncOperations;
import dev.synergylink.sync.internal.TypeBindings;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.tinyplus.TinyPlusApiException;
import java.util.List;

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
 * <p>Besides the runs, the engine offers two setup screens as views: {@link #teamMembers()} (Link Team Member
 * records) and {@link #projectSetup()} (Configure Project Statuses and Types).
 *
 * <p>Thread-safe: operations on one connection never overlap, even from several engines on several machines: each
 * takes the connection's lease in the state store, and a second gets a {@link LeaseHeldException}. A run that a
 * system stops (credentials, quota, outage) does not throw: its report's {@link SyncReport#stopCause()} says why.
 */
public final class SyncEngine {
  /** How many reports {@link #recentReports()} keeps. */
  public static final int RECENT_REPORTS = 20;

  private final EngineConfig config;
  private final RecentReports recent = new RecentReports(RECENT_REPORTS);
  private final LeaseRunner runner;
  private final SyncOperations operations;
  private final TeamMemberLinking teamMembers;
  private final ProjectSetup projectSetup;

  SyncEngine(EngineConfig built) {
    this.config = built.holder() != null ? built
        : built.withHolder("SyncEngine@" + Integer.toHexString(System.identityHashCode(this)));
    TypeBindings bindings = new TypeBindings(config);
    this.runner = new LeaseRunner(config, recent);
    this.operations = new SyncOperations(config, bindings, runner);
    this.teamMembers = new TeamMemberLinking(config, bindings, runner);
    this.projectSetup = new ProjectSetup(config, runner);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static SyncEngineBuilder builder() {
    return new SyncEngineBuilder();
  }

  /**
   * The settings this engine runs with.
   *
   * @return the settings
   */
  public SyncSettings settings() {
    return config.settings();
  }

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
   * @return what the cycle did; {@link SyncReport#stopCause()} says why when a system, the lease or the settings
   *     stopped it
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport syncOnce() {
    return operations.cycle();
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
    return operations.transfer(type, Side.SYNERGY, progress, SyncReport.Operation.DOWNLOAD_ALL);
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
          + " uploaded to Synergy staff; use downloadAll(TEAM_MEMBER, ...) or engine.teamMembers()");
    }
    return operations.transfer(type, Side.TINYPLUS, progress, SyncReport.Operation.UPLOAD_ALL);
  }

  /**
   * Syncs one record's pair now, for a host that knows a record was saved (the tiny+ backend on save, a webhook from
   * Synergy) and should not wait for the next {@link #syncOnce()}. The record is read by id and synced as the cycle
   * syncs a record its poll lists: a linked pair is merged field by field and the change written to the other side;
   * an unlinked record is matched (by the engine's marker, then by natural key) or created on the other side under a
   * create intent; a deleted record's link is orphaned; a record in quarantine that has not changed since it failed
   * waits for its retry (the report says until when). The next cycle lists the record again and finds nothing left
   * to write: no echo, no second write. The cursors are not moved.
   *
   * <pre>{@code
   * // in the tiny+ backend, after a company is saved
   * SyncReport report = engine.syncRecord(RecordType.COMPANY, Side.TINYPLUS, company.id());
   * }</pre>
   *
   * <p>With the master switch off, or for a record type that is not enabled, it makes no API call and takes no lease:
   * the report says so ({@link SyncReport#masterSwitchOff()}, or one skipped record naming the setting).
   *
   * <p>Cost: a tiny+ record pushed costs one tiny+ read and the writes its change needs (a linked pair's edit: one
   * Synergy write; {@link SyncSettings#readBeforeSynergyWrite()} adds a Synergy read). A linked Synergy record costs a
   * Synergy read and, when it changed a field written to tiny+, a tiny+ read before the write (tiny+ lists leave
   * deleted records out, so only the record itself shows that it was deleted). An unlinked record costs the marker
   * look-up and, with no marker found, the natural-key match of a cycle before its create; the first projects run of
   * an engine also reads the status mapping's statuses and phases.
   *
   * <p>What happened to the record is in the report's {@link SyncReport#counts(RecordType, Flow)} for the direction
   * {@code Flow.into(side.other())} (updated, unchanged, created, linked, skipped, failed, orphaned) and, for a skip, a
   * failure or an orphan, in {@link SyncReport#problems()} with its reason.
   *
   * @param type the record type
   * @param side the system the record lives in
   * @param id the record's id in that system
   * @return what was done; {@link SyncReport#stopCause()} says why when a system stopped it
   * @throws LeaseHeldException when another run of this connection is going on (try again when it ends, or leave the
   *     record to the next cycle)
   * @throws UnsupportedOperationException when this engine has no mapping for the record type
   */
  public SyncReport syncRecord(RecordType type, Side side, long id) {
    return operations.push(type, side, id);
  }

  /**
   * Team member linking (the Link Team Member records screen): suggestions, link, unlink, ghost team members.
   *
   * @return the view, backed by this engine
   */
  public TeamMemberLinking teamMembers() {
    return teamMembers;
  }

  /**
   * The projects sync's setup (Configure Project Statuses and Types): status options, project type discovery, and
   * what still keeps the projects sync from running.
   *
   * @return the view, backed by this engine
   */
  public ProjectSetup projectSetup() {
    return projectSetup;
  }

  /**
   * Checks that the signed-in users may set the integration up: the tiny+ user must be an account admin and the
   * Synergy user an Administrator. Two API calls.
   *
   * @return the result, with the guide's wording of each problem
   * @throws SyncStoppedException when a system stopped a call (for example refused the credentials)
   */
  public SetupCheck checkSetup() {
    boolean tinyPlusAdmin;
    boolean synergyAdmin;
    try {
      tinyPlusAdmin = config.tinyPlus().me().accountAdmin();
      synergyAdmin = config.synergy().currentUser().securityLevel() == SecurityLevel.ADMINISTRATOR;
    } catch (SynergyApiException | TinyPlusApiException e) {
      throw runner.stopped(e);
    }
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
   * @return the tiny+ field names
   */
  public List<String> lockedFields(RecordType type) {
    return config.mapping(type).lockedTinyPlusFields();
  }

  /**
   * The tiny+ fields the tiny+ app must show read-only on one record: none when it is not linked.
   *
   * @param type the record type
   * @param tinyPlusId the tiny+ id
   * @return the tiny+ field names
   */
  public List<String> lockedFields(RecordType type, long tinyPlusId) {
    Link link = config.store().linksByTinyPlusId(config.connectionId(), type, List.of(tinyPlusId)).get(tinyPlusId);
    return link == null || link.orphaned() ? List.of() : lockedFields(type);
  }

  /**
   * The connection's health: per type the pairs in sync and the records failing, excluded or orphaned, with each
   * failure's error and next retry. Reads the state store only (no API call).
   *
   * @return the health
   */
  public SyncHealth health() {
    return HealthSurvey.of(config.store(), config.connectionId());
  }

  /**
   * The reports of this engine's last runs (at most {@value #RECENT_REPORTS}), newest first, for a UI. Only this
   * instance's runs: a host that runs a connection on several workers keeps reports with
   * {@link SyncListener#onRunFinished(SyncReport)}.
   *
   * @return the reports
   */
  public List<SyncReport> recentReports() {
    return recent.list();
  }
}
