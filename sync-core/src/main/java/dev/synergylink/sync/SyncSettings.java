package dev.synergylink.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The settings of one connection (one tiny+ account and one Synergy organisation), as the configuration page sets
 * them. Immutable and thread-safe. {@code build()} checks every setting and throws one
 * {@link SyncSettingsException} listing every problem, one clear message each: a required value left out or set to
 * null, and a duration outside its bounds, are problems like any other (no {@code NullPointerException} or
 * {@code IllegalStateException} from the builder).
 *
 * <pre>{@code
 * SyncSettings settings = SyncSettings.builder()
 *     .connectionId("acme")
 *     .synergyOrganisation("acme-architects")
 *     .masterSwitch(true)
 *     .addEnabledTypes(RecordType.COMPANY, RecordType.CONTACT)
 *     .build();
 * }</pre>
 */
// The engine's style, but the builder leaves missing and null values to check(), so that every problem, a missing
// value too, comes in the one SyncSettingsException.
@Value.Style(
    typeAbstract = "*",
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    jdkOnly = true,
    validationMethod = Value.Style.ValidationMethod.NONE,
    defaults = @Value.Immutable(copy = true))
@Value.Immutable
public interface SyncSettings {
  /** The shortest lookback that covers Synergy's 5 s list lag and tiny+'s whole-second timestamps. */
  Duration MINIMUM_LOOKBACK = Duration.ofSeconds(6);

  /**
   * The longest lookback: a poll reaching further back reads again records it has seen, for no gain, and a lookback
   * of years would put the poll's start before any instant a clock can hold.
   */
  Duration MAXIMUM_LOOKBACK = Duration.ofHours(1);

  /** The longest lease: a run that dies holding it keeps every other worker off the connection this long. */
  Duration MAXIMUM_LEASE_DURATION = Duration.ofHours(24);

  /** The longest retry delay (and retry delay cap): a failed record is tried again at least weekly. */
  Duration MAXIMUM_RETRY_DELAY = Duration.ofDays(7);

  /** The Synergy organisation slug, as in the contract. */
  Pattern ORGANISATION = Pattern.compile("^[A-Za-z0-9-]{2,50}$");

  /**
   * The id the host's {@code StateStore} keys this connection's state by.
   *
   * @return the connection id
   */
  String connectionId();

  /**
   * The master switch: when off (the default), {@code syncOnce()} makes no API call at all. The manual controls
   * and team member linking work either way.
   *
   * @return whether the continuous sync is on
   */
  @Value.Default
  default boolean masterSwitch() {
    return false;
  }

  /**
   * The record types kept in sync (none by default).
   *
   * @return the enabled types
   */
  Set<RecordType> enabledTypes();

  /**
   * The Synergy organisation (its slug, as in its web links) this connection syncs with.
   *
   * @return the organisation
   */
  String synergyOrganisation();

  /**
   * The tiny+ team member who activated the integration: project managers without a linked team member default to
   * them. Required for the Projects sync.
   *
   * @return the team member id, or null
   */
  @Nullable
  Long activatingUser();

  /**
   * How project statuses map between the two systems, and which tiny+ statuses are locked. Required for the
   * Projects sync; build it from {@link StatusMapping#proposeDefault(ProjectStatusOptions)} and check it with
   * {@link StatusMapping#problems(ProjectStatusOptions)} or {@code engine.projectSetup().problems()}. The engine
   * checks it against both systems before it writes a project status (every project create does) and keeps the check
   * in the state store for a day, so runs and new engines do not read the statuses and phases again; a changed
   * mapping, a status or phase the mapping does not know, or a status write that a system refuses has them read again
   * sooner. While a status or phase is unmapped the projects run stops with every problem listed.
   *
   * @return the mapping, or null
   */
  @Nullable
  StatusMapping statusMapping();

  /**
   * How project types map between the two systems; default {@link ProjectTypeMapping#sameName()}.
   *
   * @return the mapping
   */
  @Value.Default
  default ProjectTypeMapping projectTypeMapping() {
    return ProjectTypeMapping.sameName();
  }

  /**
   * How far back each poll reaches before the cursor, so that a record that shows up late in a list (Synergy lists
   * lag up to 5 s behind writes; tiny+ keeps whole seconds) is still seen. The cursor is the later of the last record
   * a poll saw and the instant that poll started (by the engine's clock), so an idle poll lists only the last
   * lookback before the previous poll; the host's clock must therefore not run ahead of the two systems' clocks by
   * more than the lookback less 5 s (5 s with the default; a clock kept by NTP is well within). Default 10 s; at
   * least 6 s, at most {@link #MAXIMUM_LOOKBACK} (1 hour).
   *
   * @return the overlap
   */
  @Value.Default
  default Duration lookback() {
    return Duration.ofSeconds(10);
  }

  /**
   * Records per list call, 1 to 100. Default 100.
   *
   * @return the page size
   */
  @Value.Default
  default int pageSize() {
    return 100;
  }

  /**
   * How long a run holds the connection's lease before another worker may take it over. Default 15 minutes; at least
   * 30 s, at most {@link #MAXIMUM_LEASE_DURATION} (24 hours).
   *
   * @return the lease time
   */
  @Value.Default
  default Duration leaseDuration() {
    return Duration.ofMinutes(15);
  }

  /**
   * The wait before a failed record is first tried again; it doubles with each further failure. Default 1 minute;
   * positive, at most {@link #MAXIMUM_RETRY_DELAY} (7 days).
   *
   * @return the first retry delay
   */
  @Value.Default
  default Duration retryDelay() {
    return Duration.ofMinutes(1);
  }

  /**
   * The longest wait between two tries of a failed record. Default 6 hours; not shorter than
   * {@link #retryDelay()}, at most {@link #MAXIMUM_RETRY_DELAY} (7 days).
   *
   * @return the retry delay cap
   */
  @Value.Default
  default Duration maxRetryDelay() {
    return Duration.ofHours(6);
  }

  /**
   * Whether the engine reads a Synergy record by id before it writes a tiny+ change over it. Off by default: a changed
   * record then costs one write on the other side and no read, as the quota wants.
   *
   * <p>Synergy's lists lag its writes by up to 5 s, so a Synergy edit made in the few seconds before a poll can be
   * missing from that poll. With this off, a tiny+ change of the same field written in that cycle overwrites such an
   * edit without a conflict (the known limit of writes without a precondition, widened by the lag). With this on,
   * each tiny+ -> Synergy update first reads the Synergy record (one GET, which never lags), so such an edit is merged
   * and, when it conflicts, settled by the {@code ConflictPolicy} and kept in the report. Turn it on when the Synergy
   * quota has room for one more call per tiny+ -> Synergy update.
   *
   * @return whether tiny+ -> Synergy updates read the Synergy record first
   */
  @Value.Default
  default boolean readBeforeSynergyWrite() {
    return false;
  }

  /**
   * The Synergy calls this connection may spend a day (the quota resets at 00:00 UTC). Default (null): the quota
   * Synergy reports in its {@code X-RateLimit-Limit} header (300 on the standard plan, 60,000 on premium); set it
   * lower when several connections, or other apps, share one organisation's quota. A run never makes more Synergy
   * calls than are left today (what every worker of the connection spent is kept in the {@code StateStore}, and
   * never more than Synergy says is left): one that would stops with {@link StopCause.Kind#QUOTA_SPENT} until the
   * reset. Writes of known changes come first; the rest is spread over the day as polls of each record type, each
   * as often as its changes warrant, so a short budget makes every type a little less fresh instead of the sync
   * stopping in the afternoon; {@link SyncReport#nextRunAdvisedAt()} says when the next run is worth making. Before
   * any quota was reported and with none set, runs are under no budget. At least 1 when set.
   *
   * @return the daily budget, or null for the reported quota
   */
  @Nullable
  Integer dailySynergyCallBudget();

  /**
   * Whether the conflicts in reports, and told to listeners, carry the field values (the base, Synergy's and tiny+'s).
   * On by default. Values are often personal data (emails, phone numbers): turn this off to keep them out of reports,
   * listeners and logs; each conflict entry then still names the record type, the field, both records and the side
   * that won, with null values. The {@code ConflictPolicy} is always given the values: it needs them to decide.
   *
   * @return whether conflict entries carry the values
   */
  @Value.Default
  default boolean valuesInReports() {
    return true;
  }

  /**
   * The Synergy web app's address, for the links written to tiny+'s {@code external_url}. Default
   * {@code https://app.totalsynergy.com}.
   *
   * @return the address, without a trailing slash
   */
  @Value.Default
  default String synergyWebAddress() {
    return "https://app.totalsynergy.com";
  }

  /**
   * Whether a record type is enabled.
   *
   * @param type the record type
   * @return true when enabled
   */
  default boolean isEnabled(RecordType type) {
    return enabledTypes().contains(type);
  }

  /**
   * The {@code sync_origin} the engine writes on tiny+ records it links: {@code synergy:<organisation>}.
   *
   * @return the origin
   */
  @Value.Derived
  default String syncOrigin() {
    return "synergy:" + synergyOrganisation();
  }

  /**
   * Checks every setting.
   *
   * @throws SyncSettingsException listing every problem
   */
  @Value.Check
  default void check() {
    List<String> problems = new ArrayList<>();
    checkIdentity(problems);
    checkDurations(problems);
    if (dailySynergyCallBudget() != null && dailySynergyCallBudget() < 1) {
      problems.add("dailySynergyCallBudget must be at least 1, was " + dailySynergyCallBudget() + ": leave it out to"
          + " use the quota Synergy reports, or set the calls this connection may spend a day");
    }
    if (pageSize() < 1 || pageSize() > 100) {
      problems.add("pageSize must be 1 to 100 (both APIs cap a page at 100), was " + pageSize());
    }
    if (projectTypeMapping() == null) {
      problems.add("projectTypeMapping is null: leave it out for ProjectTypeMapping.sameName(), or set a mapping");
    }
    String web = synergyWebAddress();
    if (web == null || !web.startsWith("https://") && !web.startsWith("http://") || web.endsWith("/")) {
      problems.add("synergyWebAddress '" + web + "' must be an http(s) address without a trailing"
          + " slash, such as https://app.totalsynergy.com");
    }
    checkTypes(problems);
    if (!problems.isEmpty()) {
      throw new SyncSettingsException(problems);
    }
  }

  private void checkIdentity(List<String> problems) {
    if (connectionId() == null) {
      problems.add("connectionId is missing: give the id your StateStore keeps this connection's state under");
    } else if (connectionId().isBlank()) {
      problems.add("connectionId is blank: give the id your StateStore keeps this connection's state under");
    }
    if (synergyOrganisation() == null) {
      problems.add("synergyOrganisation is missing: give the Synergy organisation code from the organisation's web"
          + " links (2 to 50 letters, digits and dashes)");
    } else if (!ORGANISATION.matcher(synergyOrganisation()).matches()) {
      problems.add("synergyOrganisation '" + synergyOrganisation() + "' is not a Synergy organisation code: use the"
          + " 2 to 50 letters, digits and dashes from the organisation's web links");
    }
  }

  private void checkDurations(List<String> problems) {
    Duration lookback = lookback();
    if (lookback == null) {
      problems.add("lookback is null: leave it out for the default 10 s, or set 6 s to 1 hour");
    } else if (lookback.compareTo(MINIMUM_LOOKBACK) < 0) {
      problems.add("lookback must be at least " + MINIMUM_LOOKBACK.toSeconds() + " s, was " + lookback
          + ": Synergy lists lag up to 5 s behind writes and tiny+ keeps whole seconds, so a shorter overlap loses"
          + " changes");
    } else if (lookback.compareTo(MAXIMUM_LOOKBACK) > 0) {
      problems.add("lookback must be at most 1 hour, was " + lookback + ": a longer overlap only reads records"
          + " again; the default 10 s covers both systems' lag");
    }
    Duration lease = leaseDuration();
    if (lease == null) {
      problems.add("leaseDuration is null: leave it out for the default 15 minutes, or set 30 s to 24 hours");
    } else if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
      problems.add("leaseDuration must be at least 30 s, was " + lease + ": a run that outlives its lease is stopped");
    } else if (lease.compareTo(MAXIMUM_LEASE_DURATION) > 0) {
      problems.add("leaseDuration must be at most 24 hours, was " + lease + ": a run renews its lease as it goes,"
          + " and a worker that dies holding a longer one keeps the connection from syncing that long");
    }
    Duration first = retryDelay();
    Duration max = maxRetryDelay();
    if (first == null) {
      problems.add("retryDelay is null: leave it out for the default 1 minute, or set a positive delay up to 7 days");
    } else if (first.isNegative() || first.isZero()) {
      problems.add("retryDelay must be positive, was " + first);
    } else if (first.compareTo(MAXIMUM_RETRY_DELAY) > 0) {
      problems.add("retryDelay must be at most 7 days, was " + first + ": a failed record is tried again at least"
          + " weekly");
    }
    if (max == null) {
      problems.add("maxRetryDelay is null: leave it out for the default 6 hours, or set retryDelay to 7 days");
    } else if (max.compareTo(MAXIMUM_RETRY_DELAY) > 0) {
      problems.add("maxRetryDelay must be at most 7 days, was " + max + ": a failed record is tried again at least"
          + " weekly");
    } else if (first != null && max.compareTo(first) < 0) {
      problems.add("maxRetryDelay (" + max + ") must not be shorter than retryDelay (" + first + ")");
    }
  }

  private void checkTypes(List<String> problems) {
    if (isEnabled(RecordType.CONTACT) && !isEnabled(RecordType.COMPANY)) {
      problems.add("Contacts sync needs the Companies sync enabled first: a contact is synced only with its related"
          + " company");
    }
    if (isEnabled(RecordType.PROJECT) && !isEnabled(RecordType.COMPANY)) {
      problems.add("Project sync needs the Companies sync enabled first: every Synergy project needs a client"
          + " contact");
    }
    if (isEnabled(RecordType.PROJECT) && activatingUser() == null) {
      problems.add("Project sync needs activatingUser: the tiny+ team member who activated the integration, whom"
          + " projects default to when their manager is not a linked team member");
    }
    if (isEnabled(RecordType.PROJECT) && statusMapping() == null) {
      problems.add("Project sync needs statusMapping: map the project statuses (Configure Project Statuses) before"
          + " enabling it; StatusMapping.proposeDefault(engine.projectSetup().statusOptions()) proposes one");
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSyncSettings.Builder builder() {
    return ImmutableSyncSettings.builder();
  }
}
