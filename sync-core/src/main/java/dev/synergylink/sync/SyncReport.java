package dev.synergylink.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What one run did: per record type and direction the created / linked / updated / unchanged / skipped / failed /
 * conflict counts, the skipped and failed records with their reasons, the settled conflicts with the losing values,
 * and the API calls the engine made on each system (its own calls: see {@link #apiCalls()}).
 */
@SyncStyle
@Value.Immutable
public interface SyncReport {
  /** Which operation made the report. */
  enum Operation {
    /** {@code syncOnce()}. */
    SYNC,
    /** {@code downloadAll(...)}. */
    DOWNLOAD_ALL,
    /** {@code uploadAll(...)}. */
    UPLOAD_ALL,
    /** Team member linking and ghost creation. */
    TEAM_MEMBER_LINKING,
    /** {@code retryNow(...)} and {@code retryFailing(...)}: quarantined records tried again at once. */
    RETRY,
    /** {@code syncRecord(...)}: one record pushed by the host. */
    PUSH
  }

  /**
   * The operation.
   *
   * @return the operation
   */
  Operation operation();

  /**
   * When the run started.
   *
   * @return the instant
   */
  Instant startedAt();

  /**
   * When the run finished.
   *
   * @return the instant
   */
  Instant finishedAt();

  /**
   * Whether the run did nothing because the master switch is off.
   *
   * @return true when the switch was off
   */
  @Value.Default
  default boolean masterSwitchOff() {
    return false;
  }

  /**
   * Why the run stopped early, typed: the credentials were refused, the user lacks permission, a system's quota or
   * rate limit was reached, a system was down, another worker took the lease over, or the settings refused the
   * run. Cursors were not moved past unprocessed records; the next run goes on from there.
   *
   * @return the cause, or null when the run finished
   */
  @Nullable
  StopCause stopCause();

  /**
   * Why the run stopped early, in one sentence for a person ({@link StopCause#message()}).
   *
   * @return the sentence, or null when the run finished
   */
  default String abortedBecause() {
    return stopCause() == null ? null : stopCause().message();
  }

  /**
   * Whether the run stopped early (see {@link #stopCause()}).
   *
   * @return true when aborted
   */
  default boolean aborted() {
    return stopCause() != null;
  }

  /**
   * The record types whose sync stopped in this run while the others went on, each with why: a listing that failed
   * after the client's retries (a system down, a page that could not be read even when asked again, a listing that
   * made no progress). That type's cursors did not move, so its next run picks up where it stopped. A cause that
   * concerns the whole connection (credentials, permission, the quota or a rate limit, the lease) stops the whole run
   * instead, in {@link #stopCause()}; and when every type the run tried stopped on its own, the last type's cause is
   * the run's {@link #stopCause()} too, so that a scheduler backs off as before.
   *
   * @return the stopped types in the order they ran; empty when every type finished
   */
  Map<RecordType, StopCause> stoppedTypes();

  /**
   * The counts, one entry per record type and direction the run looked at.
   *
   * @return the counts
   */
  List<FlowCounts> counts();

  /**
   * Every record that was skipped, failed, orphaned (one of a linked pair deleted: {@link RecordEvent#deletedSide()}
   * says which) or had a field left unsynced, with its reason or the server's message.
   *
   * @return the events
   */
  List<RecordEvent> problems();

  /**
   * Every conflict settled, with the losing value.
   *
   * @return the conflicts
   */
  List<ResolvedConflict> conflicts();

  /**
   * The API calls the engine made, per system. Synergy's are counted as its daily quota counts them: the HTTP requests
   * the client sent for the engine, a call the client retried (after a 429, a 5xx or a dropped connection) counting
   * each attempt ({@link dev.synergylink.synergy.SynergyClient#requestsSentOnThisThread()}); these are what the daily
   * call budget is spent by. tiny+'s are the engine's own calls: each request the engine asked the client for counts
   * once, whatever happened to it, so tiny+'s own retries are not seen here; to count every tiny+ HTTP attempt, give
   * its client a call listener ({@link dev.synergylink.tinyplus.TinyPlusCallListener}). An in-process client (the
   * testkit's fakes) counts each call once.
   *
   * @return calls per side; a side with no call may be absent
   */
  Map<Side, Integer> apiCalls();

  /**
   * The API calls made on one system.
   *
   * @param side the system
   * @return the count
   */
  default int apiCalls(Side side) {
    return apiCalls().getOrDefault(side, 0);
  }

  /**
   * When the next run is worth making for the connection's daily Synergy call budget: the earliest instant a record
   * type's Synergy poll is due, the run's end when every run polls every type (the budget has room for that), or the
   * budget's reset when nothing is left today. A scheduler may wait until then; a run before it polls tiny+ as usual
   * and spends Synergy calls only on known changes (a tiny+ change has its type's Synergy list read and the change
   * written), so a host that wants tiny+ edits in Synergy sooner may run more often.
   *
   * @return the instant, or null when the run was under no budget (none set and no quota reported yet)
   */
  @Nullable
  Instant nextRunAdvisedAt();

  /**
   * The Synergy calls left today in the connection's daily budget after this run.
   *
   * @return the calls, or null when the run was under no budget
   */
  @Nullable
  Long synergyCallsLeftToday();

  /**
   * The counts of a record type in a direction.
   *
   * @param type the record type
   * @param flow the direction
   * @return the counts (all zero when the run did not look at them)
   */
  default FlowCounts counts(RecordType type, Flow flow) {
    return counts().stream()
        .filter(c -> c.recordType() == type && c.flow() == flow)
        .findFirst()
        .orElseGet(() -> FlowCounts.builder().recordType(type).flow(flow).build());
  }

  /**
   * The problems of one outcome (skipped, failed, orphaned or field not synced).
   *
   * @param outcome the outcome
   * @return the events
   */
  default List<RecordEvent> problems(RecordOutcome outcome) {
    return problems().stream().filter(e -> e.outcome() == outcome).collect(Collectors.toList());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSyncReport.Builder builder() {
    return ImmutableSyncReport.builder();
  }

  /**
   * The report in one line, for a log: the operation, what was written per record type and direction, how many
   * records failed or were skipped, the conflicts settled, and the API calls. For example:
   *
   * <pre>{@code
   * Sync: companies tiny+ -> Synergy 1 updated (1 conflict settled), 1 failed, 1 unchanged (1 failed, 1 conflict);
   *     API calls: Synergy 8, tiny+ 6
   * }</pre>
   * (one line). It names no record and holds no token or secret.
   *
   * @return the summary
   */
  default String summary() {
    return ReportText.summary(this);
  }

  /**
   * The report in a few lines for people, as the demo prints it: per record type and direction what was created,
   * linked, updated, skipped or failed (records seen with nothing to write are left out); each conflict with both
   * values and the one kept; each skipped, failed or orphaned record and each field left unsynced, with its reason
   * (an orphaned record with the side it was deleted on and its partner, left as it is); the API calls. Records are
   * named by type and side, e.g. {@code contact tiny+ 20040}. For example:
   *
   * <pre>{@code
   * companies     tiny+ -> Synergy  1 updated (1 conflict settled), 1 failed
   * conflict: company Synergy 1015 / tiny+ 10002, field email, changed on both sides
   *     (Synergy 'accounts@botany.example', tiny+ 'projects@botany.example'): tiny+'s value kept;
   *     Synergy's is kept in this report
   * failed: company Synergy 1017 / tiny+ 10008 (tiny+ -> Synergy), field abn: Synergy refused it: ...
   * orphaned: contact Synergy 1203 / tiny+ 20040 (deleted in tiny+): the tiny+ record was deleted; its Synergy
   *     partner 1203 is left as it is (nothing is recreated or deleted) and the link is orphaned
   * API calls: Synergy 8, tiny+ 6
   * }</pre>
   * (a conflict or an orphan is one line). Lines are separated by {@code \n}, with none at the end.
   *
   * @return the text
   */
  default String toText() {
    return ReportText.text(this);
  }
}
