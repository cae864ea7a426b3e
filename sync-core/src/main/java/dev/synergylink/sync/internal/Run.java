package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.FlowCounts;
import dev.synergylink.sync.ImmutableFlowCounts;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.internal.project.ProjectRun;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.ConflictPolicy;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.FieldConflict;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProjectContext;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.spi.SyncListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the engine under one lease: the state store, settings, clock, listeners, call counts and the report
 * being built. Not thread-safe: a run runs on the calling thread.
 */
public final class Run implements FieldContext {
  private static final Logger log = LoggerFactory.getLogger(Run.class);

  final StateStore store;
  final SyncSettings settings;
  final Clock clock;
  final ConflictPolicy policy;
  final ApiCalls calls = new ApiCalls();
  private final List<SyncListener> listeners;
  private final SyncReport.Operation operation;
  private final Instant startedAt;
  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final List<RecordEvent> problems = new ArrayList<>();
  private final List<ResolvedConflict> conflicts = new ArrayList<>();
  private final Map<Class<?>, Object> attachments = new java.util.HashMap<>();
  private final java.util.Set<RecordType> linkedTypes = java.util.EnumSet.noneOf(RecordType.class);
  private final Map<RecordType, StopCause> stoppedTypes = new LinkedHashMap<>();
  private Lease lease;
  /** When {@link #lease} is to be renewed: half its duration before it expires (worked out once per lease). */
  private Instant renewAfter;
  private CallBudget budget;
  /** The state {@link #pairState} decoded last, and its encoding. */
  private EncodedState decodedText;
  private PairState decodedState;

  /**
   * A run under a lease.
   *
   * @param store the state store
   * @param lease the lease held
   * @param settings the settings
   * @param clock the clock
   * @param policy the conflict policy
   * @param listeners the listeners
   * @param operation what the run does
   */
  public Run(StateStore store, Lease lease, SyncSettings settings, Clock clock, ConflictPolicy policy,
      List<SyncListener> listeners, SyncReport.Operation operation) {
    this.store = store;
    this.lease = lease;
    this.settings = settings;
    this.clock = clock;
    this.policy = policy;
    this.listeners = listeners;
    this.operation = operation;
    this.startedAt = clock.instant();
  }

  String connectionId() {
    return settings.connectionId();
  }

  Lease lease() {
    return lease;
  }

  /**
   * The lease as last renewed, to release it.
   *
   * @return the lease
   */
  public Lease leaseHeld() {
    return lease;
  }

  /**
   * The API call counter of this run.
   *
   * @return the counter
   */
  public ApiCalls calls() {
    return calls;
  }

  /** When the run started: no list it made was fetched before. */
  Instant startedAt() {
    return startedAt;
  }

  /**
   * The run's clock's current instant.
   *
   * @return now
   */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Puts the run under the connection's daily Synergy call budget (see {@link CallBudget}): its calls, counted as the
   * HTTP requests the client sent (retries included), are held to what is left today, and its Synergy polls are
   * spread over the day.
   *
   * @param synergy the Synergy client, whose last reported quota is the default budget
   */
  public void budgetFrom(dev.synergylink.synergy.SynergyClient synergy) {
    calls.meterSynergy(synergy::requestsSentOnThisThread);
    budget = CallBudget.start(this, synergy);
  }

  /** The run's budget, or null when the run is under none. */
  CallBudget budget() {
    return budget;
  }

  /**
   * The bookkeeping values to keep with the release of the run's lease: what the run spent of the budget, for the
   * next run of any worker; none without a budget.
   *
   * @return the values by name
   */
  public Map<String, String> bookkeepingToKeep() {
    return budget == null ? Map.of() : budget.toKeep();
  }

  /**
   * Whether this run created or linked a pair of a type: records left out because such a record was not synced may
   * follow it now.
   *
   * @param type the record type
   * @return true once a pair of that type was made
   */
  boolean linkedInRun(RecordType type) {
    return linkedTypes.contains(type);
  }

  /** Renews the lease when less than half of it is left, so a long run keeps it. */
  void checkpoint() {
    // called for every record: the threshold is worked out once per lease, not per call
    Duration ttl = settings.leaseDuration();
    if (renewAfter == null) {
      renewAfter = lease.expiresAt().minus(ttl.dividedBy(2));
    }
    if (now().isAfter(renewAfter)) {
      lease = store.renewLease(lease, now(), ttl);
      renewAfter = null;
    }
  }

  /** The link of one record, or null. */
  Link linkOf(RecordType type, dev.synergylink.sync.Side side, long id) {
    return side == dev.synergylink.sync.Side.SYNERGY
        ? store.linksBySynergyId(connectionId(), type, List.of(id)).get(id)
        : store.linksByTinyPlusId(connectionId(), type, List.of(id)).get(id);
  }

  /**
   * A pair's merge state, as its link keeps it. The state last decoded is kept: a pair's checks, merge and write, and
   * its field rules (a project's status reads the status last synced), read one pair's state in turn.
   *
   * @param link the pair's link
   * @return its state
   */
  public PairState pairState(Link link) {
    if (!link.state().equals(decodedText)) {
      decodedState = PairState.decode(link.state());
      decodedText = link.state();
    }
    return decodedState;
  }

  void saveLink(Link link) {
    store.saveLink(lease, link);
  }

  void event(RecordEvent event) {
    if (event.outcome() == RecordOutcome.CREATED || event.outcome() == RecordOutcome.LINKED) {
      linkedTypes.add(event.recordType());
    }
    int[] c = counter(event.recordType(), event.flow());
    switch (event.outcome()) {
      case CREATED: c[0]++; break;
      case LINKED: c[1]++; break;
      case UPDATED: c[2]++; break;
      case UNCHANGED: c[3]++; break;
      case SKIPPED: c[4]++; problems.add(event); break;
      case FAILED: c[5]++; problems.add(event); break;
      case ORPHANED: c[7]++; problems.add(event); break;
      case FIELD_NOT_SYNCED: problems.add(event); break;
      default: throw new AssertionError(event.outcome());
    }
    log.debug("{}", event);
    for (SyncListener listener : listeners) {
      try {
        listener.onRecord(event);
      } catch (RuntimeException e) {
        log.debug("listener {} failed on {}", listener, event, e);
      }
    }
  }

  /**
   * Counts a linked pair found unchanged. Most pairs a cycle sees are unchanged (the engine's own writes listed back),
   * so their event is made only when something looks at it: a listener, or the debug log.
   */
  void unchanged(RecordType type, Flow flow, long synergyId, long tinyPlusId) {
    if (listeners.isEmpty() && !log.isDebugEnabled()) {
      counter(type, flow)[3]++;
      return;
    }
    event(eventBuilder(type, flow, RecordOutcome.UNCHANGED).synergyId(synergyId).tinyPlusId(tinyPlusId).build());
  }

  void conflict(RecordType type, Flow flow, ResolvedConflict settled) {
    counter(type, flow)[6]++;
    ResolvedConflict conflict = settings.valuesInReports() ? settled : withoutValues(settled);
    conflicts.add(conflict);
    log.debug("{}", conflict);
    for (SyncListener listener : listeners) {
      try {
        listener.onConflict(conflict);
      } catch (RuntimeException e) {
        log.debug("listener {} failed on {}", listener, conflict, e);
      }
    }
  }

  /** The conflict as the report keeps it when the host keeps personal data out: field names, no values. */
  private static ResolvedConflict withoutValues(ResolvedConflict settled) {
    return ResolvedConflict.builder().from(settled)
        .conflict(FieldConflict.builder().from(settled.conflict()).base(null).synergyValue(null).tinyPlusValue(null)
            .build())
        .build();
  }

  /**
   * Reports a field left as it is on one record (the record itself synced).
   *
   * @param type the record type
   * @param flow the direction the value could not go
   * @param synergyId the Synergy id, or null
   * @param tinyPlusId the tiny+ id, or null
   * @param field the rule name
   * @param message why, and what to do
   */
  public void fieldNotSynced(RecordType type, Flow flow, Long synergyId, Long tinyPlusId, String field,
      String message) {
    event(eventBuilder(type, flow, RecordOutcome.FIELD_NOT_SYNCED).synergyId(synergyId).tinyPlusId(tinyPlusId)
        .field(field).message(message).build());
  }

  /**
   * Keeps a per-run helper of one record type's rules (such as the projects' status and type look-ups).
   *
   * @param kind the helper's class
   * @param helper the helper
   * @param <X> the helper type
   */
  public <X> void attach(Class<X> kind, X helper) {
    attachments.put(kind, helper);
  }

  /**
   * A per-run helper kept with {@link #attach}.
   *
   * @param kind the helper's class
   * @param <X> the helper type
   * @return the helper, or null
   */
  public <X> X attachment(Class<X> kind) {
    return kind.cast(attachments.get(kind));
  }

  /**
   * The state store.
   *
   * @return the store
   */
  public StateStore store() {
    return store;
  }

  /**
   * Notes a record type whose sync stopped while the run goes on with the next type.
   *
   * @param type the record type
   * @param cause why it stopped
   */
  public void typeStopped(RecordType type, StopCause cause) {
    stoppedTypes.put(type, cause);
  }

  void touch(RecordType type, Flow flow) {
    counter(type, flow);
  }

  private int[] counter(RecordType type, Flow flow) {
    return counts.computeIfAbsent(COUNT_KEYS[type.ordinal()][flow.ordinal()], k -> new int[8]);
  }

  /** Each type's and flow's key in {@link #counts}, made once rather than at each record's event. */
  private static final String[][] COUNT_KEYS = countKeys();

  private static String[][] countKeys() {
    String[][] keys = new String[RecordType.values().length][Flow.values().length];
    for (RecordType type : RecordType.values()) {
      for (Flow flow : Flow.values()) {
        keys[type.ordinal()][flow.ordinal()] = type + "/" + flow;
      }
    }
    return keys;
  }

  /**
   * The report of this run so far, told to the listeners.
   *
   * @param stopCause why the run stopped early, or null
   * @return the report
   */
  public SyncReport finish(StopCause stopCause) {
    List<FlowCounts> flowCounts = new ArrayList<>();
    counts.forEach((key, c) -> {
      String[] parts = key.split("/");
      flowCounts.add(ImmutableFlowCounts.builder()
          .recordType(RecordType.valueOf(parts[0]))
          .flow(Flow.valueOf(parts[1]))
          .created(c[0]).linked(c[1]).updated(c[2]).unchanged(c[3]).skipped(c[4]).failed(c[5]).conflicts(c[6])
          .orphaned(c[7])
          .build());
    });
    SyncReport report = SyncReport.builder()
        .operation(operation)
        .startedAt(startedAt)
        .finishedAt(now())
        .stopCause(stopCause)
        .stoppedTypes(stoppedTypes)
        .counts(flowCounts)
        .problems(problems)
        .conflicts(conflicts)
        .apiCalls(calls.counts())
        .nextRunAdvisedAt(budget == null ? null : budget.nextRunAdvisedAt())
        .synergyCallsLeftToday(budget == null ? null : budget.leftAfterRun())
        .build();
    for (SyncListener listener : listeners) {
      try {
        listener.onRunFinished(report);
      } catch (RuntimeException e) {
        log.debug("listener {} failed on the report", listener, e);
      }
    }
    return report;
  }

  // ---- FieldContext ----

  @Override
  public SyncSettings settings() {
    return settings;
  }

  @Override
  public String synergyOrganisation() {
    return settings.synergyOrganisation();
  }

  @Override
  public Long linkedSynergyId(RecordType type, long tinyPlusId) {
    Link link = store.linksByTinyPlusId(connectionId(), type, List.of(tinyPlusId)).get(tinyPlusId);
    return link == null || link.orphaned() ? null : link.synergyId();
  }

  @Override
  public Long linkedTinyPlusId(RecordType type, long synergyId) {
    Link link = store.linksBySynergyId(connectionId(), type, List.of(synergyId)).get(synergyId);
    return link == null || link.orphaned() ? null : link.tinyPlusId();
  }

  @Override
  public Long linkedOrOrphanedSynergyId(RecordType type, long tinyPlusId) {
    Link link = store.linksByTinyPlusId(connectionId(), type, List.of(tinyPlusId)).get(tinyPlusId);
    return link == null ? null : link.synergyId();
  }

  @Override
  public boolean hasSynergyLink(RecordType type, long synergyId) {
    return store.linksBySynergyId(connectionId(), type, List.of(synergyId)).containsKey(synergyId);
  }

  @Override
  public ProjectContext projects() {
    ProjectContext projects = attachment(ProjectRun.class);
    if (projects == null) {
      throw new IllegalStateException("the project field rules run only inside the engine's projects sync");
    }
    return projects;
  }

  @Override
  public String synergyWebLink(RecordType type, long synergyId) {
    return webLink(settings, type, synergyId);
  }

  /**
   * The Synergy web app address of a record.
   *
   * @param settings the settings (web address and organisation)
   * @param type the record type
   * @param synergyId the Synergy id
   * @return the link
   */
  public static String webLink(SyncSettings settings, RecordType type, long synergyId) {
    return settings.synergyWebAddress() + "/Organisation/" + settings.synergyOrganisation() + "/"
        + TypeBindings.synergyWebPath(type) + "/" + synergyId;
  }

  static dev.synergylink.sync.ImmutableRecordEvent.Builder eventBuilder(RecordType type, Flow flow,
      RecordOutcome outcome) {
    return RecordEvent.builder().recordType(type).flow(flow).outcome(outcome);
  }
}
