package dev.synergylink.sync;

import dev.synergylink.sync.internal.EngineConfig;
import dev.synergylink.sync.internal.HealthSurvey;
import dev.synergylink.sync.internal.LeaseRunner;
import dev.synergylink.sync.internal.Previews;
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
import java.util.Objects;

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

  /** How many reports of a connection the state store keeps for {@link #reportHistory(int)}. */
  public static final int STORED_REPORTS = 100;

  private final EngineConfig config;
  private final RecentReports recent;
  private final LeaseRunner runner;
  private final SyncOperations operations;
  private final TeamMemberLinking teamMembers;
  private final ProjectSetup projectSetup;
  private final Previews previews;

  SyncEngine(EngineConfig built) {
    this.config = built.holder() != null ? built
        : built.withHolder("SyncEngine@" + Integer.toHexString(System.identityHashCode(this)));
    this.recent = new RecentReports(RECENT_REPORTS, config.store(), config.connectionId(), STORED_REPORTS);
    TypeBindings bindings = new TypeBindings(config);
    this.runner = new LeaseRunner(config, recent);
    this.operations = new SyncOperations(config, bindings, runner);
    this.teamMembers = new TeamMemberLinking(config, bindings, runner);
    this.projectSetup = new ProjectSetup(config, runner);
    this.previews = new Previews(config);
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
   * listing of the other side's records of its type, which every other new record of the run shares: all of them
   * ({@code ceil(n / pageSize)} list calls) until a Download all (for the Synergy side) or Upload all (for the tiny+
   * side) has gone through that side, then only those changed since its cursor and those in quarantine. A record
   * matched by natural key is read by id before it is linked.
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
   * <p>Cost: the Synergy records' pages, one listing of the tiny+ records (and of the deleted copies the engine made)
   * to find copies and natural keys, and one write per unlinked record: a create, or the write that links a record
   * matched by key (after a read of that record). Linked records cost what a cycle's change costs. Markers are looked
   * up one by one only for the creates an earlier run left unsettled.
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
   * <p>Cost, per side:
   * <ul>
   *   <li>A linked tiny+ record: one tiny+ read; in Synergy, one write when a field it sends there changed, else
   *       nothing ({@link SyncSettings#readBeforeSynergyWrite()} adds a Synergy read before the write).
   *   <li>A linked Synergy record: one Synergy read; in tiny+, when a field it sends there changed, one read and then
   *       one write, else nothing. That tiny+ read is needed: tiny+ deletes are soft, its lists leave deleted records
   *       out, it answers a PATCH into a deleted record with 200, and its API has no conditional write, so only the
   *       record itself shows, before anything is written into it, that it was deleted (the link is then orphaned and
   *       nothing is written). A push holds no tiny+ listing that could show it instead. A Synergy push that changes
   *       tiny+ thus costs two reads (one per side) and one tiny+ write.
   *   <li>An unlinked record: its read, the look-up of the engine's marker on the other side and, with no marker found,
   *       the natural-key match of a cycle, then the create; the first projects run of an engine also reads the status
   *       mapping's statuses and phases.
   * </ul>
   * Synergy calls count against the daily Synergy call budget ({@link SyncSettings#dailySynergyCallBudget()}) as the
   * requests the client sent, its retries included.
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

  /**
   * The reports of the connection's last runs as the state store keeps them (at most {@value #STORED_REPORTS}),
   * newest first: the history survives a restart and holds the runs of every engine of the connection. A store that
   * keeps no reports (see {@link StateStore#saveReport}) gives this engine's {@link #recentReports()} instead. A
   * report read back from the store keeps no exception: its stop cause's {@link StopCause#exception()} is an
   * {@link IllegalStateException} holding the cause's message.
   *
   * @param limit the most to return (at least 1)
   * @return the reports, newest first
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  public List<SyncReport> reportHistory(int limit) {
    return recent.history(limit);
  }

  /**
   * What {@link #syncOnce()} would write now, without writing anything: per record, matched (and by which key),
   * created, updated (which members, old and new value) or skipped (why), with the totals. Reads both systems as the
   * cycle would (the same listings and look-ups, plus a read of each record it would patch and has not read); writes
   * nothing to either system nor to the state store: no link, cursor, create intent, quarantine or report changes,
   * and the lease is not taken. Listeners are not told. With the master switch off, an empty preview.
   *
   * <p>Cost: the API calls of the run previewed, less its writes, plus a read of a record it would patch that it has
   * not read; and one read of the connection's whole state from the state store (every link, intent, failure and
   * cursor), which the preview works on as a copy in memory.
   *
   * @return the preview
   * @throws LeaseHeldException when a run of this connection is going on (its writes would make the preview wrong)
   */
  public SyncPreview previewSyncOnce() {
    return previews.cycle();
  }

  /**
   * What {@link #downloadAll} would do now, without writing anything (see {@link #previewSyncOnce()}).
   *
   * @param type the record type
   * @param progress told done / total after each record
   * @return the preview
   * @throws LeaseHeldException when a run of this connection is going on
   */
  public SyncPreview previewDownloadAll(RecordType type, ProgressListener progress) {
    return previews.transfer(type, Side.SYNERGY, progress, SyncReport.Operation.DOWNLOAD_ALL);
  }

  /**
   * What {@link #uploadAll} would do now, without writing anything (see {@link #previewSyncOnce()}).
   *
   * @param type the record type; not {@link RecordType#TEAM_MEMBER}
   * @param progress told done / total after each record
   * @return the preview
   * @throws IllegalArgumentException for team members
   * @throws LeaseHeldException when a run of this connection is going on
   */
  public SyncPreview previewUploadAll(RecordType type, ProgressListener progress) {
    if (type == RecordType.TEAM_MEMBER) {
      throw new IllegalArgumentException("team members flow one way, from Synergy staff to tiny+: nothing is"
          + " uploaded to Synergy staff; use previewDownloadAll(TEAM_MEMBER, ...)");
    }
    return previews.transfer(type, Side.TINYPLUS, progress, SyncReport.Operation.UPLOAD_ALL);
  }

  /**
   * "Retry now" for one failing record (one of {@link SyncHealth}'s failing or excluded records): reads it again by
   * id and syncs it at once, as a cycle does when its retry is due. It leaves quarantine when it goes through, or
   * stays with the new error and a later retry. Works with the master switch off.
   *
   * @param type the record type
   * @param side the system the record lives on ({@link dev.synergylink.sync.spi.RecordFailure#side()})
   * @param recordId the record's id there
   * @return what was done (operation {@link SyncReport.Operation#RETRY}); nothing when the record is not quarantined
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport retryNow(RecordType type, Side side, long recordId) {
    Objects.requireNonNull(side, "side == null");
    return operations.retry(type, failure -> failure.side() == side && failure.recordId() == recordId);
  }

  /**
   * "Retry all" for a record type: every quarantined record of the type (failing or excluded), tried again now as
   * {@link #retryNow} does.
   *
   * @param type the record type
   * @return what was done (operation {@link SyncReport.Operation#RETRY})
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport retryFailing(RecordType type) {
    return operations.retry(type, failure -> true);
  }

  /**
   * Dismisses an orphaned link (one of {@link SyncHealth}'s orphaned records, whose partner was deleted): the link
   * is forgotten (with any failure kept for its two records) and the record left is shown no more. Nothing is
   * written to either system. Should the record left change later, it is found again to be the copy (or the
   * original) of a deleted record, by the engine's marker, and orphaned again: nothing is recreated. A link that is
   * not orphaned is left alone.
   *
   * @param type the record type
   * @param synergyId the Synergy id of the orphaned link
   * @return true when an orphaned link was removed; false when there was none (already dismissed, or linked)
   * @throws LeaseHeldException when a run of this connection is going on
   */
  public boolean dismissOrphan(RecordType type, long synergyId) {
    Objects.requireNonNull(type, "type == null");
    StateStore store = config.store();
    return runner.locked(lease -> {
      Link link = store.linksBySynergyId(config.connectionId(), type, List.of(synergyId)).get(synergyId);
      if (link == null || !link.orphaned()) {
        return false;
      }
      store.deleteLink(lease, type, synergyId);
      // a failure kept for either record of the pair is shown no more either
      store.clearFailure(lease, type, Side.SYNERGY, link.synergyId());
      store.clearFailure(lease, type, Side.TINYPLUS, link.tinyPlusId());
      return true;
    });
  }
}
