package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldConflict;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.internal.state.SentValues;
import dev.synergylink.tinyplus.SyncedRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Syncs one record type within one run: the incremental cycle, the manual download / upload, and the linking of
 * single pairs. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
public final class TypeSync<S, T extends SyncedRecord> {
  private final Run run;
  private final TypeBinding<S, T> binding;
  private final RecordType type;
  private final SideAccess<S> synergy;
  private final SideAccess<T> tinyPlus;
  private final List<FieldRule<S, T>> rules = new ArrayList<>();
  private final List<String> locked;
  private static final String WAITING_FOR_CREATE = "an earlier copy of it may have been made (the answer to its create"
      + " was lost): it is tried again once that is settled";
  private final Map<String, PendingCreate> pending = new HashMap<>();
  /**
   * The creates left open whose settling failed in this run (by target and source id): the source may still be linked
   * to a copy its marker finds, but is neither matched by key nor created again.
   */
  private final Set<String> unsettled = new HashSet<>();
  /** The records (side/id) put in quarantine by this sync, or kept there: each had its try. */
  private final Set<String> quarantinedInCycle = new HashSet<>();
  /** Whether a manual download or upload is running: it lists one side only, so the other is read before a write. */
  private boolean transferring;

  /**
   * A sync of one type in a run.
   *
   * @param run the run
   * @param binding the type's sides and rules
   */
  public TypeSync(Run run, TypeBinding<S, T> binding) {
    this.run = run;
    this.binding = binding;
    this.type = binding.type();
    this.synergy = binding.synergy();
    this.tinyPlus = binding.tinyPlus();
    for (FieldRule<S, T> rule : binding.mapping().rules()) {
      if (rule.direction() != Direction.NONE) {
        rules.add(rule);
      }
    }
    this.locked = binding.mapping().lockedTinyPlusFields();
  }

  // =====================================================================================================
  // The incremental cycle
  // =====================================================================================================

  /** One incremental cycle of this type: pending creates, both polls, the deferred tiny+ changes, due retries. */
  public void cycle() {
    run.touch(type, Flow.SYNERGY_TO_TINYPLUS);
    run.touch(type, Flow.TINYPLUS_TO_SYNERGY);
    reconcilePendingCreates();
    Optional<Cursor> synergyCursor = run.store.cursor(run.connectionId(), type, Side.SYNERGY);
    Optional<Cursor> tinyPlusCursor = run.store.cursor(run.connectionId(), type, Side.TINYPLUS);
    startCursors();
    // A linked tiny+ record that changed waits here until the Synergy poll has shown whether its partner changed
    // too: then the two merge field by field. Held: the changed linked tiny+ records of one cycle.
    Map<Long, T> deferred = new LinkedHashMap<>();
    Cursor tinyPlusHigh = tinyPlusCursor.map(from -> poll(tinyPlus, from, page -> tinyPlusPage(page, deferred)))
        .orElse(null);
    Cursor synergyHigh = synergyCursor.map(from -> poll(synergy, from, page -> synergyPage(page, deferred)))
        .orElse(null);
    if (!deferred.isEmpty()) {
      Map<Long, Link> links = run.store.linksBySynergyId(run.connectionId(), type, deferred.keySet());
      Map<Long, RecordFailure> failures = run.store.failures(run.connectionId(), type, Side.TINYPLUS,
          ids(tinyPlus, List.copyOf(deferred.values())));
      for (Map.Entry<Long, T> entry : deferred.entrySet()) {
        Link link = links.get(entry.getKey());
        if (link != null && !link.orphaned()) {
          guardedPair(link, null, entry.getValue(), Flow.TINYPLUS_TO_SYNERGY, false,
              failures.containsKey(link.tinyPlusId()));
        }
      }
    }
    advance(Side.SYNERGY, synergyCursor, synergyHigh);
    advance(Side.TINYPLUS, tinyPlusCursor, tinyPlusHigh);
    retryDue();
    retryWaitingForACompany();
  }

  /**
   * Starts the cursors that do not exist yet at now: the first cycle (or manual run) of a type starts the
   * continuous sync from here; records that existed before are the manual controls' job.
   */
  private void startCursors() {
    Cursor start = Cursor.of(run.now(), 0);
    for (Side side : Side.values()) {
      if (run.store.cursor(run.connectionId(), type, side).isEmpty()) {
        run.store.saveCursor(run.lease(), type, side, start);
      }
    }
  }

  private void advance(Side side, Optional<Cursor> before, Cursor high) {
    if (high != null && before.isPresent() && high.compareTo(before.get()) > 0) {
      run.store.saveCursor(run.lease(), type, side, high);
    }
  }

  /**
   * Lists one side from a cursor (less the lookback) in (modified, id) order and hands each page's new records to
   * {@code process}. Instead of page numbers over a live set, each next page starts from the last record's
   * modified second, so a record that moves while the listing goes on is seen at its new place and none is
   * skipped; only when a whole page shares one second does the listing page by offset within it.
   */
  private <R> Cursor poll(SideAccess<R> side, Cursor from, Consumer<List<R>> process) {
    int pageSize = run.settings.pageSize();
    Instant bound = from.modified().minus(run.settings.lookback()).truncatedTo(ChronoUnit.SECONDS);
    int offset = 0;
    Cursor high = from;
    // Versions handed to process, by id and modified instant: a record seen again at its new place is new again.
    Set<String> seen = new HashSet<>();
    // Within one second the listing goes by offset, and a record that leaves that second while it is read (our own
    // write, or a person's) shifts the ones after it back by one. Such a second is listed again from its start
    // until a pass over it finds nothing new, so no record is skipped and the cursor never passes one.
    boolean pagedByOffset = false;
    boolean newInPass = false;
    while (true) {
      ListPage<R> page = side.listChanged(bound, offset, pageSize);
      List<R> fresh = new ArrayList<>();
      for (R record : page.items()) {
        if (seen.add(side.id(record) + "@" + side.modified(record))) {
          fresh.add(record);
        }
      }
      process.accept(fresh);
      for (R record : fresh) {
        Cursor key = Cursor.of(side.modified(record), side.id(record));
        high = key.compareTo(high) > 0 ? key : high;
      }
      newInPass |= !fresh.isEmpty();
      run.checkpoint();
      boolean full = page.items().size() >= pageSize;
      Instant lastSecond = full
          ? side.modified(page.items().get(page.items().size() - 1)).truncatedTo(ChronoUnit.SECONDS) : null;
      if (full && lastSecond.equals(bound)) {
        offset += pageSize;
        pagedByOffset = true;
        continue;
      }
      if (pagedByOffset && newInPass) {
        offset = 0;
        newInPass = false;
        continue;
      }
      if (!full) {
        return high;
      }
      bound = lastSecond;
      offset = 0;
      pagedByOffset = false;
      newInPass = false;
    }
  }

  private void tinyPlusPage(List<T> page, Map<Long, T> deferred) {
    List<Long> ids = ids(tinyPlus, page);
    Map<Long, Link> links = run.store.linksByTinyPlusId(run.connectionId(), type, ids);
    Map<Long, RecordFailure> failures = run.store.failures(run.connectionId(), type, Side.TINYPLUS, ids);
    for (T record : page) {
      long id = tinyPlus.id(record);
      Link link = links.get(id);
      if (link != null) {
        if (!link.orphaned()) {
          deferred.put(link.synergyId(), record);
        }
      } else if (binding.sendsNewTinyPlusRecords() && !waiting(failures.get(id), record, tinyPlus)) {
        guarded(Side.TINYPLUS, id, tinyPlus.modified(record), failures.containsKey(id),
            () -> unlinkedTinyPlus(record, synergyMatch(cycleKeys())));
      }
    }
  }

  private void synergyPage(List<S> page, Map<Long, T> deferred) {
    List<Long> ids = ids(synergy, page);
    Map<Long, Link> links = run.store.linksBySynergyId(run.connectionId(), type, ids);
    Map<Long, RecordFailure> failures = run.store.failures(run.connectionId(), type, Side.SYNERGY, ids);
    List<Long> partnerIds = new ArrayList<>();
    for (Link link : links.values()) {
      if (deferred.containsKey(link.synergyId())) {
        partnerIds.add(link.tinyPlusId());
      }
    }
    Map<Long, RecordFailure> partnerFailures = partnerIds.isEmpty() ? Map.of()
        : run.store.failures(run.connectionId(), type, Side.TINYPLUS, partnerIds);
    for (S record : page) {
      long id = synergy.id(record);
      Link link = links.get(id);
      if (link != null) {
        if (!link.orphaned()) {
          T partner = deferred.remove(id);
          guardedPair(link, record, partner, Flow.SYNERGY_TO_TINYPLUS, failures.containsKey(id),
              partner != null && partnerFailures.containsKey(link.tinyPlusId()));
        }
      } else if (!waiting(failures.get(id), record, synergy)) {
        guarded(Side.SYNERGY, id, synergy.modified(record), failures.containsKey(id),
            () -> unlinkedSynergy(record, tinyPlusMatch(cycleKeys())));
      }
    }
  }

  /** How many natural keys the cycle matches by: every key, or the first alone (team members: the email). */
  private int cycleKeys() {
    return binding.cycleMatchesByFirstKey() ? 1 : binding.naturalKeys().size();
  }

  /** A quarantined record that has not changed since it failed waits for its retry time. */
  private <R> boolean waiting(RecordFailure failure, R record, SideAccess<R> side) {
    return failure != null && failure.nextRetry().isAfter(run.now())
        && side.modified(record).equals(failure.recordModified());
  }

  private static <R> List<Long> ids(SideAccess<R> side, List<R> records) {
    List<Long> ids = new ArrayList<>(records.size());
    for (R record : records) {
      ids.add(side.id(record));
    }
    return ids;
  }

  /** Quarantined records whose retry time has come: read again by id and synced. */
  private void retryDue() {
    // Page by page until a page brings nothing new: a retried record that fails again is due only later, and one
    // left waiting (its create's outcome unknown) is seen once; so one cycle retries every record that is due.
    Set<String> seen = new HashSet<>();
    while (true) {
      boolean fresh = false;
      for (RecordFailure failure : run.store.dueFailures(run.connectionId(), type, run.now(),
          run.settings.pageSize())) {
        if (seen.add(failure.side() + "/" + failure.recordId())) {
          fresh = true;
          retry(failure);
        }
      }
      if (!fresh) {
        return;
      }
    }
  }

  /**
   * Projects left out for their client company (not synced, refused, not yet copied) wait for it. Once a company pair
   * is made, in this run's companies sync (which comes first) or while a project brought its client along, each
   * project still left out is tried again now: its own retry may be due only hours later (the back-off grows to the
   * maximum retry delay), although its reason is gone. The waits are not recorded by company, so every excluded
   * project is read again, only in a cycle that made a company pair. A project quarantined in this cycle already had
   * its try.
   */
  private void retryWaitingForACompany() {
    if (type != RecordType.PROJECT || !run.companyLinked()) {
      return;
    }
    for (RecordFailure failure : run.store.failures(run.connectionId())) {
      if (failure.recordType() == type && failure.kind() == RecordFailure.Kind.EXCLUDED
          && !quarantinedInCycle.contains(failure.side() + "/" + failure.recordId())) {
        retry(failure);
      }
    }
  }

  /** The link of one record, or null. */
  private Link linkOf(Side side, long id) {
    return side == Side.SYNERGY
        ? run.store.linksBySynergyId(run.connectionId(), type, List.of(id)).get(id)
        : run.store.linksByTinyPlusId(run.connectionId(), type, List.of(id)).get(id);
  }

  /** Retries one quarantined record: read again by id and synced. */
  private void retry(RecordFailure failure) {
    Side side = failure.side();
    long id = failure.recordId();
    Link link = linkOf(side, id);
    if (link != null && link.orphaned()) {
      run.store.clearFailure(run.lease(), type, side, id);
      return;
    }
    if (pending.containsKey(pendingKey(side.other(), id))) {
      return;
    }
    if (link != null) {
      retryPair(link, side);
      run.checkpoint();
      return;
    }
    guarded(side, id, null, true, () -> {
      if (side == Side.SYNERGY) {
        unlinkedSynergy(synergy.get(id), tinyPlusMatch(cycleKeys()));
      } else {
        T t = tinyPlus.get(id);
        if (tinyPlus.deleted(t)) {
          run.store.clearFailure(run.lease(), type, side, id);
        } else {
          unlinkedTinyPlus(t, synergyMatch(cycleKeys()));
        }
      }
    });
    run.checkpoint();
  }

  /** Reads both records of a quarantined pair again and merges them in full. */
  private void retryPair(Link link, Side failed) {
    S s;
    T t;
    try {
      s = synergy.get(link.synergyId());
      t = tinyPlus.get(link.tinyPlusId());
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      if (e.kind() == RemoteFailure.Kind.NOT_FOUND) {
        orphan(link, Flow.into(e.side()), (e.side() == Side.SYNERGY ? "the Synergy" : "the tiny+") + " record was"
            + " deleted");
        run.store.clearFailure(run.lease(), type, failed, idOn(link, failed));
        return;
      }
      quarantine(failed, idOn(link, failed), null, RecordFailure.Kind.FAILING, e.field(), message(e));
      return;
    }
    guardedPair(link, s, t, Flow.into(failed.other()), failed == Side.SYNERGY, failed == Side.TINYPLUS);
  }

  private static long idOn(Link link, Side side) {
    return side == Side.SYNERGY ? link.synergyId() : link.tinyPlusId();
  }

  // =====================================================================================================
  // Failure handling
  // =====================================================================================================

  /**
   * A linked pair whose change from one side (or both) could not be written in full for now: skipped (a reason, the
   * record is excluded until it changes) or failed (the other system refused or failed the write, the record is
   * retried), by the side the change came from. The other side's write was still sent.
   */
  private static final class PairSkip extends SkipRecordException {
    private static final long serialVersionUID = 1L;
    private final Map<Side, String> reasons;
    private final Map<Side, RemoteFailure> failures;
    /**
     * The sides whose records were part of the merge: a side with neither a reason nor a failure had its change
     * written in full.
     */
    private final Set<Side> considered;

    PairSkip(Map<Side, String> reasons, Map<Side, RemoteFailure> failures, Set<Side> considered) {
      super(failures.isEmpty() ? reasons.values().iterator().next()
          : failures.values().iterator().next().getMessage());
      this.reasons = Map.copyOf(reasons);
      this.failures = Map.copyOf(failures);
      this.considered = Set.copyOf(considered);
    }

    /** A failed write of the pair, or null when its changes were only skipped. */
    RemoteFailure failure() {
      return failures.isEmpty() ? null : failures.values().iterator().next();
    }
  }

  /**
   * Syncs a linked pair as one unit of work. A failure is kept against the side whose change could not be written
   * (so that it is retried by reading both records again); a side's quarantine ends only when its record was part
   * of a merge that succeeded.
   */
  private void guardedPair(Link link, S s, T t, Flow primary, boolean synergyQuarantined,
      boolean tinyPlusQuarantined) {
    run.checkpoint();
    try {
      Set<Side> considered = syncLinked(link, s, t, primary);
      if (synergyQuarantined && considered.contains(Side.SYNERGY)) {
        run.store.clearFailure(run.lease(), type, Side.SYNERGY, link.synergyId());
      }
      if (tinyPlusQuarantined && considered.contains(Side.TINYPLUS)) {
        run.store.clearFailure(run.lease(), type, Side.TINYPLUS, link.tinyPlusId());
      }
    } catch (SkipRecordException e) {
      Map<Side, String> reasons = e instanceof PairSkip ? ((PairSkip) e).reasons
          : Map.of(primary.source(), e.getMessage());
      Map<Side, RemoteFailure> failures = e instanceof PairSkip ? ((PairSkip) e).failures : Map.of();
      Set<Side> considered = e instanceof PairSkip ? ((PairSkip) e).considered : Set.of();
      // a side whose change was merged and written in full leaves quarantine, even when the other side's cannot be
      if (synergyQuarantined && considered.contains(Side.SYNERGY) && !reasons.containsKey(Side.SYNERGY)
          && !failures.containsKey(Side.SYNERGY)) {
        run.store.clearFailure(run.lease(), type, Side.SYNERGY, link.synergyId());
      }
      if (tinyPlusQuarantined && considered.contains(Side.TINYPLUS) && !reasons.containsKey(Side.TINYPLUS)
          && !failures.containsKey(Side.TINYPLUS)) {
        run.store.clearFailure(run.lease(), type, Side.TINYPLUS, link.tinyPlusId());
      }
      for (Map.Entry<Side, String> reason : reasons.entrySet()) {
        Side source = reason.getKey();
        if (failures.containsKey(source)) {
          continue; // the rest of that change failed: it is retried, not excluded
        }
        quarantine(source, idOn(link, source), modifiedOn(source, s, t), RecordFailure.Kind.EXCLUDED, null,
            reason.getValue());
        run.event(Run.eventBuilder(type, Flow.into(source.other()), RecordOutcome.SKIPPED).message(reason.getValue())
            .synergyId(link.synergyId()).tinyPlusId(link.tinyPlusId()).build());
      }
      for (Map.Entry<Side, RemoteFailure> failure : failures.entrySet()) {
        pairFailed(link, s, t, failure.getKey(), failure.getValue());
      }
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      pairFailed(link, s, t, e.side().other(), e);
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException
        | UnsupportedOperationException e) {
      Side source = primary.source();
      unexpected(source, idOn(link, source), modifiedOn(source, s, t), link.synergyId(), link.tinyPlusId(), e);
    }
  }

  /**
   * Quarantines the side of a pair whose change a failed call kept from the other side: {@code source}, the side the
   * change came from. That is not always the side opposite to the failed call's: a field rule's own call made while
   * building a write (the status rule lists the tiny+ project phases before it writes a Synergy status) fails on the
   * side of the change it was to send.
   */
  private void pairFailed(Link link, S s, T t, Side source, RemoteFailure e) {
    String message = message(e);
    quarantine(source, idOn(link, source), modifiedOn(source, s, t), RecordFailure.Kind.FAILING, e.field(), message);
    run.event(Run.eventBuilder(type, Flow.into(source.other()), RecordOutcome.FAILED).field(e.field()).message(message)
        .synergyId(link.synergyId()).tinyPlusId(link.tinyPlusId()).build());
  }

  private Instant modifiedOn(Side side, S s, T t) {
    if (side == Side.SYNERGY) {
      return s == null ? null : synergy.modified(s);
    }
    return t == null ? null : tinyPlus.modified(t);
  }

  private static String message(RemoteFailure e) {
    return (e.side() == Side.SYNERGY ? "Synergy" : "tiny+") + " refused it: " + e.serverMessage();
  }

  /**
   * Runs one record's work: on success its quarantine ends; a skip or a failure puts it in quarantine (with the
   * server's field message) and the sync goes on; a fatal failure stops the run.
   */
  private void guarded(Side source, long id, Instant modified, boolean wasQuarantined, Runnable work) {
    Flow flow = Flow.into(source.other());
    run.checkpoint();
    try {
      work.run();
      if (wasQuarantined) {
        run.store.clearFailure(run.lease(), type, source, id);
      }
    } catch (SkipRecordException e) {
      RemoteFailure failure = e instanceof PairSkip ? ((PairSkip) e).failure() : null;
      if (failure != null) {
        // a pair just linked whose write failed: the record is retried (through its link), not excluded
        failed(source, id, modified, flow, failure);
        return;
      }
      quarantine(source, id, modified, RecordFailure.Kind.EXCLUDED, null, e.getMessage());
      run.event(Run.eventBuilder(type, flow, RecordOutcome.SKIPPED).message(e.getMessage())
          .synergyId(source == Side.SYNERGY ? id : null).tinyPlusId(source == Side.TINYPLUS ? id : null).build());
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      if (e.kind() == RemoteFailure.Kind.NOT_FOUND && e.side() == source) {
        // the record itself is gone: nothing to retry
        if (wasQuarantined) {
          run.store.clearFailure(run.lease(), type, source, id);
        }
        return;
      }
      failed(source, id, modified, flow, e);
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException
        | UnsupportedOperationException e) {
      unexpected(source, id, modified, source == Side.SYNERGY ? id : null, source == Side.TINYPLUS ? id : null, e);
    }
  }

  private void failed(Side source, long id, Instant modified, Flow flow, RemoteFailure e) {
    String message = message(e);
    quarantine(source, id, modified, RecordFailure.Kind.FAILING, e.field(), message);
    run.event(Run.eventBuilder(type, flow, RecordOutcome.FAILED).field(e.field()).message(message)
        .synergyId(source == Side.SYNERGY ? id : null).tinyPlusId(source == Side.TINYPLUS ? id : null).build());
  }

  /**
   * A record that a field rule or a request builder could not handle (a host rule's bug, a value the client
   * refuses): quarantined like a refused write, so that one record never stops the sync of the others.
   */
  private void unexpected(Side source, long id, Instant modified, Long synergyId, Long tinyPlusId,
      RuntimeException e) {
    String message = "it could not be sent: " + e;
    quarantine(source, id, modified, RecordFailure.Kind.FAILING, null, message);
    run.event(Run.eventBuilder(type, Flow.into(source.other()), RecordOutcome.FAILED).message(message)
        .synergyId(synergyId).tinyPlusId(tinyPlusId).build());
  }

  private void quarantine(Side side, long id, Instant modified, RecordFailure.Kind kind, String field,
      String message) {
    quarantinedInCycle.add(side + "/" + id);
    RecordFailure previous = run.store.failures(run.connectionId(), type, side, List.of(id)).get(id);
    int attempts = previous == null ? 1 : previous.attempts() + 1;
    Duration delay = run.settings.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
    if (delay.compareTo(run.settings.maxRetryDelay()) > 0) {
      delay = run.settings.maxRetryDelay();
    }
    if (delay.compareTo(run.settings.lookback()) < 0) {
      delay = run.settings.lookback();
    }
    run.store.saveFailure(run.lease(), RecordFailure.builder()
        .recordType(type)
        .side(side)
        .recordId(id)
        .kind(kind)
        .field(field)
        .message(message)
        .attempts(attempts)
        .nextRetry(run.now().plus(delay))
        .recordModified(modified != null ? modified : previous == null ? null : previous.recordModified())
        .firstFailedAt(previous == null ? run.now() : previous.firstFailedAt())
        .build());
  }

  // =====================================================================================================
  // Linked pairs: three-way merge and writes
  // =====================================================================================================

  private final class Plan {
    final Map<FieldRule<S, T>, String> toTinyPlus = new LinkedHashMap<>();
    final Map<FieldRule<S, T>, String> toSynergy = new LinkedHashMap<>();
    final Map<String, String> agreed = new HashMap<>();
    /** The rules whose snapshot entries stay as they are (no change to send, or a change held back). */
    final Set<FieldRule<S, T>> kept = new HashSet<>();
    /** Each side's value of each rule as merged, for a field left apart. */
    final Map<String, String> synergyValues = new HashMap<>();
    final Map<String, String> tinyPlusValues = new HashMap<>();
    /** The conflicts settled, by rule name: reported once the merge is done. */
    final Map<String, ResolvedConflict> conflicts = new LinkedHashMap<>();
  }

  /** A pair's merge state, as its link keeps it. */
  private static PairState state(Link link) {
    return PairState.decode(link.state());
  }

  /** A field's merge state, as the pair's link keeps it. */
  private static FieldState field(Link link, FieldRule<?, ?> rule) {
    return state(link).field(rule.name());
  }

  /**
   * Syncs a linked pair. A null record means that side was not seen changed: its values are taken to be the
   * snapshot's. A listed version older than the one the engine last wrote or read is stale and ignored.
   */
  private Set<Side> syncLinked(Link link, S s, T t, Flow primary) {
    // A version older than the one we last wrote or read is stale (Synergy's lists lag behind its writes). The
    // same instant is compared, not skipped: an edit can share a tiny+ second (or a Synergy millisecond) with ours.
    if (s != null && link.synergyModified() != null && synergy.modified(s).isBefore(link.synergyModified())) {
      s = null;
    }
    if (t != null && link.tinyPlusModified() != null && tinyPlus.modified(t).isBefore(link.tinyPlusModified())) {
      t = null;
    }
    if (t != null && tinyPlus.deleted(t)) {
      orphan(link, Flow.TINYPLUS_TO_SYNERGY, "the tiny+ record was deleted");
      return EnumSet.allOf(Side.class);
    }
    Set<Side> considered = EnumSet.noneOf(Side.class);
    if (s != null) {
      considered.add(Side.SYNERGY);
    }
    if (t != null) {
      considered.add(Side.TINYPLUS);
    }
    if (s == null && t == null) {
      run.event(Run.eventBuilder(type, primary, RecordOutcome.UNCHANGED).synergyId(link.synergyId())
          .tinyPlusId(link.tinyPlusId()).build());
      return considered;
    }
    // A link is saved before the first write that aligns its pair; when that write did not complete, the link holds
    // no modified instant of a side that was never written or read since. Such a side is read whatever else changed:
    // what the write was to send (the winner's values, the markers) is sent from the record itself, never taken to
    // be the merge base.
    // A Synergy record in quarantine holds a change not yet written in full, and the snapshot is no merge base for
    // what is missing: a change that was skipped left the tiny+ value as the Synergy record's base (so the Synergy
    // record is read when it is not listed, never taken to hold that value), and a write to tiny+ that failed was not
    // remembered, while the tiny+ edit that called for it (a tiny+ edit of a field Synergy owns, to be put back) may
    // never be listed again (so the tiny+ record is read too, and the failure only ends once it was merged).
    RecordFailure synergyFailure = s != null && t != null ? null
        : run.store.failures(run.connectionId(), type, Side.SYNERGY, List.of(link.synergyId())).get(link.synergyId());
    if (t == null && (link.tinyPlusModified() == null
        || (transferring || quarantined(Side.TINYPLUS, link.tinyPlusId())) && mayWriteTinyPlus(link, s)
        || meetsHeldBackChange(link, s)
        || synergyFailure != null && synergyFailure.kind() == RecordFailure.Kind.FAILING)) {
      // "Download all" lists Synergy only, and a quarantined or held-back tiny+ change is not in this cycle's tiny+
      // poll: read the tiny+ record before writing over it, so that a tiny+ edit since the last sync is merged (or
      // loses a conflict that is kept), not overwritten
      try {
        t = tinyPlus.get(link.tinyPlusId());
      } catch (RemoteFailure e) {
        if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
          throw e;
        }
        orphan(link, Flow.SYNERGY_TO_TINYPLUS, "the tiny+ record was deleted");
        return EnumSet.allOf(Side.class);
      }
      if (tinyPlus.deleted(t)) {
        orphan(link, Flow.SYNERGY_TO_TINYPLUS, "the tiny+ record was deleted");
        return EnumSet.allOf(Side.class);
      }
      considered.add(Side.TINYPLUS);
    }
    if (s == null && (link.synergyModified() == null || synergyFailure != null)
        || run.settings.readBeforeSynergyWrite() && mayWriteSynergy(link, t)) {
      // Synergy's lists lag its writes by up to 5 s, so a listed version (or none) can hide a Synergy edit made
      // just before the poll. When the host asks for it, read the record itself (by id, never lagging) before
      // writing over it: such an edit is merged, not lost.
      try {
        s = synergy.get(link.synergyId());
      } catch (RemoteFailure e) {
        if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
          throw e;
        }
        orphan(link, Flow.TINYPLUS_TO_SYNERGY, "the Synergy record was deleted");
        return EnumSet.allOf(Side.class);
      }
      considered.add(Side.SYNERGY);
    }
    Plan plan = merge(link, s, t);
    Written written = apply(link, s, t, plan);
    if (written == null) {
      return EnumSet.allOf(Side.class);
    }
    if (!written.tinyPlusFields.isEmpty()) {
      run.event(Run.eventBuilder(type, Flow.SYNERGY_TO_TINYPLUS, RecordOutcome.UPDATED).synergyId(link.synergyId())
          .tinyPlusId(link.tinyPlusId()).fields(written.tinyPlusFields).build());
    }
    if (!written.synergyFields.isEmpty()) {
      run.event(Run.eventBuilder(type, Flow.TINYPLUS_TO_SYNERGY, RecordOutcome.UPDATED).synergyId(link.synergyId())
          .tinyPlusId(link.tinyPlusId()).fields(written.synergyFields).build());
    }
    if (written.tinyPlusFields.isEmpty() && written.synergyFields.isEmpty() && written.skips.isEmpty()
        && written.failures.isEmpty()) {
      run.event(Run.eventBuilder(type, primary, RecordOutcome.UNCHANGED).synergyId(link.synergyId())
          .tinyPlusId(link.tinyPlusId()).build());
    }
    if (!written.skips.isEmpty() || !written.failures.isEmpty()) {
      throw new PairSkip(written.skips, written.failures, considered);
    }
    return considered;
  }

  /** Whether a record is in quarantine: a change of it is waiting to be written. */
  private boolean quarantined(Side side, long id) {
    return !run.store.failures(run.connectionId(), type, side, List.of(id)).isEmpty();
  }

  /** Whether the Synergy record holds a change of a field that is written to tiny+. */
  private boolean mayWriteTinyPlus(Link link, S s) {
    if (s == null) {
      return false;
    }
    for (FieldRule<S, T> rule : rules) {
      if (rule.direction().writesTinyPlus()
          && field(link, rule).changed(Side.SYNERGY, rule::normalise, rule.readSynergy(s, run))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the Synergy record changed a field in which tiny+ holds a change held back (a project in a locked status):
   * the two changes are to be merged (a conflict whose loser is kept), so the tiny+ record must be read when it is not
   * listed.
   */
  private boolean meetsHeldBackChange(Link link, S s) {
    if (s == null) {
      return false;
    }
    for (FieldRule<S, T> rule : rules) {
      FieldState field = field(link, rule);
      if (rule.direction().writesTinyPlus() && field.heldBack()
          && field.changed(Side.SYNERGY, rule::normalise, rule.readSynergy(s, run))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the tiny+ record holds a change of a field that is written to Synergy. A record held back (a project in
   * a locked status) sends nothing to Synergy, so its change calls for no read either.
   */
  private boolean mayWriteSynergy(Link link, T t) {
    if (t == null || !synergy.writable() || binding.heldBack().test(t)) {
      return false;
    }
    for (FieldRule<S, T> rule : rules) {
      if ((rule.direction() == Direction.BOTH || rule.direction() == Direction.TO_SYNERGY) && rule.canWriteSynergy()
          && field(link, rule).changed(Side.TINYPLUS, rule::normalise, rule.readTinyPlus(t, run))) {
        return true;
      }
    }
    return false;
  }

  /** Whether Synergy's value of a field is the one both sides keep, whatever tiny+ holds. */
  private boolean ownedBySynergy(FieldRule<S, T> rule) {
    Direction direction = rule.direction();
    return direction == Direction.TO_TINYPLUS || direction == Direction.SYNERGY_AFTER_CREATE
        || (direction == Direction.BOTH && !(synergy.writable() && rule.canWriteSynergy()));
  }

  private Plan merge(Link link, S s, T t) {
    Plan plan = new Plan();
    for (FieldRule<S, T> rule : rules) {
      FieldState field = field(link, rule);
      String base = field.agreed();
      String synergyBase = field.base(Side.SYNERGY);
      String tinyPlusBase = field.base(Side.TINYPLUS);
      if (t == null && field.heldBack()) {
        // a held-back tiny+ change not seen this time: nothing to merge it with until it is
        plan.kept.add(rule);
        continue;
      }
      String sRaw = s != null ? rule.readSynergy(s, run) : synergyBase;
      String tRaw = t != null ? rule.readTinyPlus(t, run) : tinyPlusBase;
      String sN = rule.normalise(sRaw);
      String tN = rule.normalise(tRaw);
      plan.synergyValues.put(rule.name(), sRaw);
      plan.tinyPlusValues.put(rule.name(), tRaw);
      boolean synergyChanged = field.changed(Side.SYNERGY, rule::normalise, sRaw);
      boolean tinyPlusChanged = field.changed(Side.TINYPLUS, rule::normalise, tRaw);
      Direction direction = rule.direction();
      boolean synergyWritable = synergy.writable() && rule.canWriteSynergy();
      if (!synergyChanged && !tinyPlusChanged && !Objects.equals(synergyBase, tinyPlusBase)) {
        // left apart at an earlier sync (one side could not take the other's value), and neither has changed since
        plan.kept.add(rule);
      } else if (ownedBySynergy(rule)) {
        if (!Objects.equals(sN, tN)) {
          plan.toTinyPlus.put(rule, sRaw);
        }
        plan.agreed.put(rule.name(), sRaw);
      } else if (direction == Direction.TO_SYNERGY) {
        if (synergyWritable && !Objects.equals(sN, tN)) {
          plan.toSynergy.put(rule, tRaw);
        }
        plan.agreed.put(rule.name(), synergyWritable ? tRaw : sRaw);
      } else if (Objects.equals(sN, tN)) {
        plan.agreed.put(rule.name(), sRaw);
      } else {
        Side winner;
        if (synergyChanged && tinyPlusChanged) {
          FieldConflict conflict = conflict(link, s, t, rule.name(), direction, base, sRaw, tRaw);
          winner = Objects.requireNonNull(run.policy.resolve(conflict), "the conflict policy returned null");
          plan.conflicts.put(rule.name(), ResolvedConflict.builder().conflict(conflict).winner(winner).build());
        } else {
          winner = tinyPlusChanged ? Side.TINYPLUS : Side.SYNERGY;
        }
        if (winner == Side.SYNERGY) {
          plan.toTinyPlus.put(rule, sRaw);
          plan.agreed.put(rule.name(), sRaw);
        } else {
          plan.toSynergy.put(rule, tRaw);
          plan.agreed.put(rule.name(), tRaw);
        }
      }
    }
    for (List<String> group : binding.mapping().atLeastOneOf()) {
      settleAtLeastOneOf(link, s, t, plan, group);
    }
    for (ResolvedConflict conflict : plan.conflicts.values()) {
      run.conflict(type, Flow.into(conflict.winner().other()), conflict);
    }
    return plan;
  }

  /**
   * Settles a group of fields of which at least one must keep a value (a person's first and last name) as one unit,
   * where the field-by-field merge would leave a side with all of them empty although each side changed some of
   * them and that side's record did not have them all empty: one side cleared one name and the other side the
   * other. The winning side's values of the whole group are kept on both sides, the conflict policy deciding (asked
   * once for the group) unless only one side still holds a value in it; each field whose losing value differs is
   * reported as a conflict, so that nothing is lost.
   */
  private void settleAtLeastOneOf(Link link, S s, T t, Plan plan, List<String> names) {
    if (s == null || t == null) {
      return;
    }
    List<FieldRule<S, T>> group = new ArrayList<>();
    for (String name : names) {
      FieldRule<S, T> rule = binding.mapping().rule(name).orElse(null);
      if (rule == null || rule.direction() != Direction.BOTH || ownedBySynergy(rule)
          || !plan.synergyValues.containsKey(name)) {
        return; // the group is settled as one only while all of it syncs both ways
      }
      group.add(rule);
    }
    boolean synergyChanged = false;
    boolean tinyPlusChanged = false;
    boolean synergyEmptied = true;
    boolean tinyPlusEmptied = true;
    for (FieldRule<S, T> rule : group) {
      String sRaw = plan.synergyValues.get(rule.name());
      String tRaw = plan.tinyPlusValues.get(rule.name());
      synergyChanged |= field(link, rule).changed(Side.SYNERGY, rule::normalise, sRaw);
      tinyPlusChanged |= field(link, rule).changed(Side.TINYPLUS, rule::normalise, tRaw);
      String synergyAfter = plan.toSynergy.containsKey(rule) ? plan.toSynergy.get(rule) : sRaw;
      String tinyPlusAfter = plan.toTinyPlus.containsKey(rule) ? plan.toTinyPlus.get(rule) : tRaw;
      synergyEmptied &= rule.normalise(synergyAfter) == null;
      tinyPlusEmptied &= rule.normalise(tinyPlusAfter) == null;
    }
    String synergyName = wholeValue(group, plan.synergyValues);
    String tinyPlusName = wholeValue(group, plan.tinyPlusValues);
    boolean emptiedByTheMerge = synergyEmptied && synergyName != null || tinyPlusEmptied && tinyPlusName != null;
    if (!synergyChanged || !tinyPlusChanged || !emptiedByTheMerge) {
      return;
    }
    Map<String, String> bases = new HashMap<>();
    for (FieldRule<S, T> rule : group) {
      bases.put(rule.name(), field(link, rule).agreed());
    }
    Side winner;
    if (synergyName == null || tinyPlusName == null) {
      winner = synergyName == null ? Side.TINYPLUS : Side.SYNERGY;
    } else {
      FieldConflict whole = conflict(link, s, t, String.join("+", names), Direction.BOTH, wholeValue(group, bases),
          synergyName, tinyPlusName);
      winner = Objects.requireNonNull(run.policy.resolve(whole), "the conflict policy returned null");
    }
    for (FieldRule<S, T> rule : group) {
      String sRaw = plan.synergyValues.get(rule.name());
      String tRaw = plan.tinyPlusValues.get(rule.name());
      String won = winner == Side.SYNERGY ? sRaw : tRaw;
      String lost = winner == Side.SYNERGY ? tRaw : sRaw;
      plan.toSynergy.remove(rule);
      plan.toTinyPlus.remove(rule);
      plan.kept.remove(rule);
      plan.conflicts.remove(rule.name());
      plan.agreed.put(rule.name(), won);
      if (!Objects.equals(rule.normalise(won), rule.normalise(lost))) {
        (winner == Side.SYNERGY ? plan.toTinyPlus : plan.toSynergy).put(rule, won);
        plan.conflicts.put(rule.name(), ResolvedConflict.builder()
            .conflict(conflict(link, s, t, rule.name(), rule.direction(), bases.get(rule.name()), sRaw, tRaw))
            .winner(winner)
            .build());
      }
    }
  }

  /** A field on which both records of a pair changed since the merge base. */
  private FieldConflict conflict(Link link, S s, T t, String field, Direction direction, String base,
      String synergyValue, String tinyPlusValue) {
    return FieldConflict.builder()
        .recordType(type)
        .field(field)
        .direction(direction)
        .synergyId(link.synergyId())
        .tinyPlusId(link.tinyPlusId())
        .base(base)
        .synergyValue(synergyValue)
        .tinyPlusValue(tinyPlusValue)
        .synergyModified(synergy.modified(s))
        .tinyPlusModified(tinyPlus.modified(t))
        .build();
  }

  /** A side's values of a group of fields joined by a space, or null when all are empty. */
  private static <S, T> String wholeValue(List<FieldRule<S, T>> group, Map<String, String> values) {
    List<String> parts = new ArrayList<>();
    for (FieldRule<S, T> rule : group) {
      String value = values.get(rule.name());
      if (rule.normalise(value) != null) {
        parts.add(value.strip());
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static final class Written {
    final List<String> tinyPlusFields = new ArrayList<>();
    final List<String> synergyFields = new ArrayList<>();
    /** Why a side's change could not be sent in full, by the side the change came from. */
    final Map<Side, String> skips = new EnumMap<>(Side.class);
    /** The rules whose writer left the target's value as it is (and said why), by the side written to. */
    final Map<FieldRule<?, ?>, Side> leftApart = new LinkedHashMap<>();
    /** The failed write of a side's change, by the side the change came from. */
    final Map<Side, RemoteFailure> failures = new EnumMap<>(Side.class);
    /** Whether the link was saved: not when the only write there was to send failed. */
    boolean saved;
    /** Whether a write found a record deleted, and the link was orphaned. */
    boolean orphaned;
    /** The rules whose change could not be sent (a reason to skip it), by the side it was for. */
    final Map<FieldRule<?, ?>, Side> skipped = new HashMap<>();
  }

  /**
   * Writes a plan: one PATCH to tiny+ and one to Synergy at the most, only the changed fields, with no read first.
   * The link is saved after each write, so a failure of the second leaves the first remembered.
   *
   * @return what was written, or null when the link was orphaned
   */
  private Written apply(Link link, S s, T t, Plan plan) {
    // Neither API checks a fencing token: make sure the lease is still ours (renewing it if it runs low, which
    // fails when another engine has taken the connection over) before writing anything.
    run.checkpoint();
    Written written = new Written();
    Map<String, FieldState> snapshot = new HashMap<>(state(link).fields());
    if (t != null && binding.heldBack().test(t)) {
      // a tiny+ record in a locked status sends nothing. Each held-back field keeps a tiny+ base that no value
      // equals, so that whatever tiny+ holds is the change to send when it is released, and so that a later Synergy
      // change of the field is merged with it (the tiny+ record is read when it is not listed), never written over
      // it unseen; a Synergy change it won over is taken as seen (so that it is not sent to tiny+ over the held-back
      // change). A held-back field whose tiny+ value now equals Synergy's stays held back too: Synergy's value may be
      // one its lagging list does not show yet, so the two are only taken to agree when the record is released.
      for (FieldRule<S, T> rule : rules) {
        boolean held = plan.toSynergy.containsKey(rule) || !plan.toTinyPlus.containsKey(rule)
            && !plan.kept.contains(rule) && !ownedBySynergy(rule)
            && field(link, rule).heldBack();
        if (held) {
          snapshot.put(rule.name(), FieldState.heldBack(field(link, rule).agreed(), plan.synergyValues.get(rule.name())));
          plan.kept.add(rule);
        }
      }
      plan.toSynergy.clear();
    }
    for (FieldRule<S, T> rule : rules) {
      if (!plan.toTinyPlus.containsKey(rule) && !plan.toSynergy.containsKey(rule) && !plan.kept.contains(rule)) {
        snapshot.put(rule.name(), FieldState.agreed(plan.agreed.get(rule.name())));
      }
    }
    Link current = Link.builder().from(link)
        .state(PairState.of(snapshot).encode())
        .synergyModified(later(link.synergyModified(), s == null ? null : synergy.modified(s)))
        .tinyPlusModified(later(link.tinyPlusModified(), t == null ? null : tinyPlus.modified(t)))
        .syncedAt(run.now())
        .build();

    // One side's refused or failed write does not hold the other side's change back: it is kept in written.failures
    // (its fields keep their merge base, so that it is sent again when its record is retried) and the other write is
    // still sent.
    boolean wrote = false;
    boolean markers = t != null && !TinyPlusSides.markedAs(t, link.synergyId(), run.settings.syncOrigin(), locked);
    Supplier<Map<String, Object>> tinyPlusMembers = () -> {
      Map<String, Object> m = members(plan.toTinyPlus, Side.TINYPLUS, written);
      if (markers) {
        m.putAll(TinyPlusSides.markers(link.synergyId(), run.settings.syncOrigin(), locked));
      }
      return m;
    };
    T tinyPlusAfter = sendPairWrite(Side.TINYPLUS, link, written, tinyPlusMembers,
        m -> tinyPlus.patch(link.tinyPlusId(), m), () -> {
          reread(plan.toTinyPlus, plan.synergyValues, s == null ? null : rule -> rule.readSynergy(s, run));
          return tinyPlusMembers.get();
        });
    if (written.orphaned) {
      return null;
    }
    if (tinyPlusAfter == null && written.failures.containsKey(Side.SYNERGY)) {
      // The write did not reach the tiny+ record. Its version read here is not taken as one the link has seen, so
      // that the retry reads it again and sends what it lacks, even when the Synergy record has not changed by then:
      // the markers (the fields a natural-key match aligned have a merge base that says they agree), or Synergy's
      // value of a field it owns put back over a tiny+ edit (its merge base is Synergy's value, so the Synergy record
      // holds no change that would call for the read).
      current = Link.builder().from(current).tinyPlusModified(null).build();
    }
    if (tinyPlusAfter != null) {
      T after = tinyPlusAfter;
      if (tinyPlus.deleted(after)) {
        orphan(link, Flow.SYNERGY_TO_TINYPLUS, "the tiny+ record was deleted");
        return null;
      }
      for (FieldRule<S, T> rule : plan.toTinyPlus.keySet()) {
        String kept = rule.readTinyPlus(after, run);
        written.tinyPlusFields.add(rule.name());
        if (!Objects.equals(rule.normalise(kept), rule.normalise(plan.toTinyPlus.get(rule)))) {
          // tiny+ holds another value than the one sent: it kept its own value of a field Synergy owns, or the
          // writer wrote a stand-in (the activating user for a manager linked with no team member). The field stays
          // apart, so that the same value is not sent (and reported) again whenever the Synergy record is seen; a
          // later change of either side is sent
          snapshot.put(rule.name(), FieldState.apart(rule::normalise, kept, plan.toTinyPlus.get(rule), kept));
          if (!rule.direction().writesSynergy()) {
            run.fieldNotSynced(type, Flow.SYNERGY_TO_TINYPLUS, link.synergyId(), link.tinyPlusId(), rule.name(),
                notTaken(rule));
          }
        } else {
          snapshot.put(rule.name(), FieldState.agreed(kept));
        }
      }
      current = Link.builder().from(current).state(PairState.of(snapshot).encode())
          .tinyPlusModified(tinyPlus.modified(after)).build();
      wrote = true;
      if (!plan.toSynergy.isEmpty()) {
        run.saveLink(current); // remembered even if the Synergy write below fails
      }
    }

    S synergyAfter = sendPairWrite(Side.SYNERGY, current, written, () -> members(plan.toSynergy, Side.SYNERGY, written),
        m -> synergy.patch(link.synergyId(), m), () -> {
          reread(plan.toSynergy, plan.tinyPlusValues, t == null ? null : rule -> rule.readTinyPlus(t, run));
          return members(plan.toSynergy, Side.SYNERGY, written);
        });
    if (written.orphaned) {
      return null;
    }
    if (synergyAfter != null) {
      for (FieldRule<S, T> rule : plan.toSynergy.keySet()) {
        snapshot.put(rule.name(), FieldState.agreed(rule.readSynergy(synergyAfter, run)));
        written.synergyFields.add(rule.name());
      }
      current = Link.builder().from(current).state(PairState.of(snapshot).encode())
          .synergyModified(synergy.modified(synergyAfter)).build();
      wrote = true;
    }
    if (!written.leftApart.isEmpty()) {
      // A field the target could not take (its writer left it as it is and said why) stays apart: the snapshot keeps
      // the target's value as the base and the source's value as the source's own base, so the next cycle sees no
      // change on either side (no read, no write, no second report), while a later change of either side is seen.
      written.leftApart.forEach((rule, target) -> snapshot.put(rule.name(), FieldState.apart(rule::normalise,
          (target == Side.SYNERGY ? plan.synergyValues : plan.tinyPlusValues).get(rule.name()),
          plan.synergyValues.get(rule.name()), plan.tinyPlusValues.get(rule.name()))));
      current = Link.builder().from(current).state(PairState.of(snapshot).encode()).build();
    }
    if (!written.skipped.isEmpty()) {
      // A change that cannot be sent (a contact's company that is not synced) keeps its merge base, so that it is
      // seen, and sent, again once its reason is gone. But where it won a conflict, the base becomes the value the
      // other side holds: the change still waits, and the conflict is not decided anew (and maybe the other way, by
      // the modified times of later writes) at every cycle until then.
      for (Map.Entry<FieldRule<?, ?>, Side> skip : written.skipped.entrySet()) {
        FieldRule<?, ?> rule = skip.getKey();
        Side target = skip.getValue();
        String held = (target == Side.SYNERGY ? plan.synergyValues : plan.tinyPlusValues).get(rule.name());
        if (field(link, rule).changed(target, rule::normalise, held)) {
          snapshot.put(rule.name(), FieldState.agreed(held));
        }
      }
      current = Link.builder().from(current).state(PairState.of(snapshot).encode()).build();
    }
    if (wrote || written.failures.isEmpty()) {
      run.saveLink(current);
      written.saved = true;
    }
    return written;
  }

  /**
   * Sends one of a pair's writes, of the members {@code build} makes (nothing when there are none). A 404 orphans the
   * link ({@code written.orphaned}); a refused or failed write, or a field rule's call failed while building it, is
   * kept in {@code written.failures} against the side its change came from, so that the other write is still sent; a
   * fatal failure stops the run.
   *
   * @return the record after the write, or null when nothing was written
   */
  private <R> R sendPairWrite(Side target, Link link, Written written, Supplier<Map<String, Object>> build,
      Function<Map<String, Object>, R> call, Supplier<Map<String, Object>> rebuild) {
    Map<String, Object> members;
    try {
      members = build.get();
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      // a field rule's own call failed while the write was built (the status rule lists the tiny+ project phases
      // before it writes a Synergy status): whichever system that call went to, it is the change for the target
      // that was not sent, so it is kept against the side that change came from and retried from there
      written.failures.put(target.other(), e);
      return null;
    }
    if (members.isEmpty()) {
      return null;
    }
    try {
      return send(target, members, call, rebuild);
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      if (e.kind() == RemoteFailure.Kind.NOT_FOUND || e.kind() == RemoteFailure.Kind.INVALID
          && target == Side.TINYPLUS && deletedInTinyPlus(link.tinyPlusId())) {
        orphan(link, Flow.into(target), (target == Side.SYNERGY ? "the Synergy" : "the tiny+") + " record was deleted");
        written.orphaned = true;
      } else {
        written.failures.put(target.other(), e);
      }
      return null;
    }
  }

  /**
   * Whether a tiny+ record that refused a write was deleted: tiny+ keeps a deleted record (soft delete) and still
   * checks a write to it, so a change whose result it finds invalid (a contact left with no name) is refused rather
   * than answered with a 404, and would be sent again in every cycle. Read after a refusal only.
   */
  private boolean deletedInTinyPlus(long id) {
    try {
      return tinyPlus.deleted(tinyPlus.get(id));
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      return e.kind() == RemoteFailure.Kind.NOT_FOUND; // else not known now: the refusal stands, and is retried
    }
  }

  /**
   * Sends one write. When the system written to refuses it over a member that names a linked record of another type
   * (a {@link TypeBinding.Reference}) and that record is gone there, its link is orphaned and the write is built
   * again by {@code rebuild}, now without the link; each round orphans one more link, so this ends.
   *
   * @return the call's answer, or null when the write built again has nothing left to send
   */
  private <R> R send(Side target, Map<String, Object> members, Function<Map<String, Object>, R> call,
      Supplier<Map<String, Object>> rebuild) {
    Map<String, Object> sending = members;
    while (true) {
      try {
        return call.apply(sending);
      } catch (RemoteFailure e) {
        if (!orphanedGoneReference(target, e, sending)) {
          throw e;
        }
      }
      sending = rebuild.get();
      if (sending.isEmpty()) {
        return null;
      }
    }
  }

  /**
   * Reads a plan's values again from their source record (null: that record was not read; they stay), and keeps them
   * as the source's values as merged ({@code seen}): a field the target then leaves as it is is kept apart with the
   * value its source holds now (an assignee whose team member link was just orphaned), not the one read before.
   */
  private void reread(Map<FieldRule<S, T>, String> values, Map<String, String> seen,
      Function<FieldRule<S, T>, String> read) {
    if (read != null) {
      values.replaceAll((rule, value) -> read.apply(rule));
      values.forEach((rule, value) -> seen.put(rule.name(), value));
    }
  }

  /**
   * After a refused write: orphans the link of the record the refused member names, when that member is one of the
   * binding's references and the record is gone on the side written to.
   *
   * @return whether a link was orphaned
   */
  private boolean orphanedGoneReference(Side target, RemoteFailure e, Map<String, Object> members) {
    if (e.kind() != RemoteFailure.Kind.INVALID || e.side() != target || e.field() == null) {
      return false;
    }
    for (TypeBinding.Reference reference : binding.references()) {
      Object value = members.get(reference.member());
      if (reference.side() != target || !reference.member().equals(e.field()) || !(value instanceof Number)) {
        continue;
      }
      long id = ((Number) value).longValue();
      Link link = target == Side.SYNERGY
          ? run.store.linksBySynergyId(run.connectionId(), reference.type(), List.of(id)).get(id)
          : run.store.linksByTinyPlusId(run.connectionId(), reference.type(), List.of(id)).get(id);
      if (link == null || link.orphaned() || !gone(reference.records(), id)) {
        continue;
      }
      run.saveLink(Link.builder().from(link).orphaned(true).syncedAt(run.now()).build());
      run.event(Run.eventBuilder(reference.type(), Flow.into(target), RecordOutcome.ORPHANED)
          .synergyId(link.synergyId()).tinyPlusId(link.tinyPlusId())
          .message((target == Side.SYNERGY ? "the Synergy" : "the tiny+") + " record was deleted (" + type
              + " write refused: " + e.serverMessage() + "): nothing is recreated or deleted; the link is orphaned")
          .build());
      return true;
    }
    return false;
  }

  /** Whether a record is gone: not found by id, or deleted. A read that fails otherwise says no (fatal: thrown). */
  private static <R> boolean gone(SideAccess<R> records, long id) {
    try {
      return records.deleted(records.get(id));
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      return e.kind() == RemoteFailure.Kind.NOT_FOUND;
    }
  }

  /** Why tiny+ kept its own value of a field Synergy owns, and what to do. */
  private String notTaken(FieldRule<S, T> rule) {
    if (type == RecordType.TEAM_MEMBER && rule.name().equals("email")) {
      // the team member side drops the email tiny+ refuses for an active member and sends the rest
      return "tiny+ does not let the API change an active team member's email; change it in tiny+ or in Synergy";
    }
    return "tiny+ kept its own value of " + rule.tinyPlusField() + ", which Synergy owns; change it in tiny+ or in"
        + " Synergy";
  }

  /**
   * The members of one write. A rule that cannot write its value now (a skip) is left out of this write and out
   * of the plan, so the snapshot keeps its old value and the change is sent once the reason is gone; the skip's
   * reason is kept against the side whose change it was. A rule whose writer writes nothing leaves the target's
   * value as it is by the field's own rule (it has said why): it is left out of the write and kept apart.
   */
  private Map<String, Object> members(Map<FieldRule<S, T>, String> values, Side target, Written written) {
    Map<String, Object> members = new LinkedHashMap<>();
    for (Iterator<Map.Entry<FieldRule<S, T>, String>> it = values.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<FieldRule<S, T>, String> entry = it.next();
      Map<String, Object> one = new LinkedHashMap<>();
      try {
        if (target == Side.TINYPLUS) {
          entry.getKey().writeTinyPlus(entry.getValue(), one, run);
        } else {
          entry.getKey().writeSynergy(entry.getValue(), one, run);
        }
        if (one.isEmpty()) {
          written.leftApart.put(entry.getKey(), target);
          it.remove();
        }
        members.putAll(one);
      } catch (SkipRecordException e) {
        written.skips.putIfAbsent(target.other(), e.getMessage());
        written.skipped.put(entry.getKey(), target);
        it.remove();
      }
    }
    return members;
  }


  /** A state in which both sides agree on the given values. */
  private static PairState agreedOn(Map<String, String> values) {
    Map<String, FieldState> fields = new HashMap<>();
    values.forEach((name, value) -> fields.put(name, FieldState.agreed(value)));
    return PairState.of(fields);
  }

  private static void put(Map<String, String> snapshot, String name, String value) {
    if (value == null) {
      snapshot.remove(name);
    } else {
      snapshot.put(name, value);
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private void orphan(Link link, Flow flow, String reason) {
    run.saveLink(Link.builder().from(link).orphaned(true).syncedAt(run.now()).build());
    run.event(Run.eventBuilder(link.recordType(), flow, RecordOutcome.ORPHANED).synergyId(link.synergyId())
        .tinyPlusId(link.tinyPlusId()).message(reason + ": nothing is recreated or deleted; the link is orphaned")
        .build());
  }

  // =====================================================================================================
  // Unlinked records: match, else create with an intent and a marker
  // =====================================================================================================

  /**
   * Links two records and aligns them: where both hold a value, the winner's is kept (with no winner, two records
   * made apart, the conflict policy settles each such field and the losing value is kept in the report); where only
   * one does, it fills the other; Synergy-owned fields follow Synergy.
   */
  private Written linkPair(S s, T t, Side winner, RecordOutcome outcome, Flow flow) {
    return linkPair(s, t, winner, outcome, flow, Map.of());
  }

  /**
   * Links two records and aligns them, the loser being the copy a create sent {@code sent} to (an intent's values;
   * empty when unknown). A copy edited since it was made is merged with its original against what the create sent:
   * an edit of either record since (a field emptied included) is kept, and where both changed a field the conflict
   * policy settles it.
   */
  private Written linkPair(S s, T t, Side winner, RecordOutcome outcome, Flow flow, Map<String, String> sent) {
    // The loser may be the engine's own copy of the winner (a create whose link was never saved), untouched since:
    // then its values are what the winner held when it was copied, and a field the winner emptied since is emptied
    // in the copy too. A copy someone has edited since is aligned like two unrelated records.
    boolean copyOfWinner = winner == Side.SYNERGY
        ? Long.valueOf(synergy.id(s)).equals(tinyPlus.markedPartner(t))
            && tinyPlus.created(t).equals(tinyPlus.modified(t))
        : Long.valueOf(tinyPlus.id(t)).equals(synergy.markedPartner(s))
            && synergy.created(s).equals(synergy.modified(s));
    Map<String, String> base = new HashMap<>();
    for (FieldRule<S, T> rule : rules) {
      String sRaw = rule.readSynergy(s, run);
      String tRaw = rule.readTinyPlus(t, run);
      String winnerValue = winner == Side.SYNERGY ? sRaw : tRaw;
      String loserValue = winner == Side.SYNERGY ? tRaw : sRaw;
      if (copyOfWinner || rule.normalise(winnerValue) != null) {
        put(base, rule.name(), loserValue);
      }
    }
    if (winner != null && !copyOfWinner && !sent.isEmpty()) {
      for (FieldRule<S, T> rule : rules) {
        if (writtenOnCreate(rule, winner.other())) {
          put(base, rule.name(), sent.get(rule.name()));
        }
      }
    }
    if (winner == null) {
      // each side's value of a shared field counts as its own change since an empty base; a field Synergy owns has
      // Synergy's value as its base, as after any sync: a cycle that does not see the Synergy record (or cannot
      // write the field to tiny+ yet) never takes an empty base for Synergy's value and writes it to tiny+
      base.clear();
      for (FieldRule<S, T> rule : rules) {
        if (ownedBySynergy(rule)) {
          put(base, rule.name(), rule.readSynergy(s, run));
        }
      }
    }
    Link link = Link.builder()
        .recordType(type)
        .synergyId(synergy.id(s))
        .tinyPlusId(tinyPlus.id(t))
        .state(agreedOn(base).encode())
        .syncedAt(run.now())
        .build();
    noteLinked(link);
    // Saved before anything is written: a write that marks the records as a pair (or copies a value) and is then
    // followed by a crash, a lost lease or a write whose answer is lost must never leave the pair unlinked. Linked
    // again later, the pair would be aligned afresh, the winner's values over an edit made since to the other record;
    // or a record of the pair would be matched by key to a third one. Saved, the next cycle merges against this base.
    run.saveLink(link);
    Written written = apply(link, s, t, merge(link, s, t));
    if (written != null) {
      List<String> fields = new ArrayList<>(written.tinyPlusFields);
      fields.addAll(written.synergyFields);
      if (written.saved) {
        run.event(Run.eventBuilder(type, flow, outcome).synergyId(link.synergyId()).tinyPlusId(link.tinyPlusId())
            .fields(fields).build());
      }
      if (!written.skips.isEmpty() || !written.failures.isEmpty()) {
        throw new PairSkip(written.skips, written.failures, Set.of());
      }
    }
    return written;
  }

  /** Whether a create on {@code target} writes the field. */
  private boolean writtenOnCreate(FieldRule<S, T> rule, Side target) {
    return target == Side.TINYPLUS ? rule.direction().writesTinyPlus()
        : rule.direction().writesSynergyOnCreate() && rule.canWriteSynergy();
  }

  /** The original's values of the fields a create on {@code target} writes, by rule name (empty ones left out). */
  private Map<String, String> sentOnCreate(Side target, Function<FieldRule<S, T>, String> read) {
    Map<String, String> sent = new HashMap<>();
    for (FieldRule<S, T> rule : rules) {
      if (writtenOnCreate(rule, target)) {
        put(sent, rule.name(), read.apply(rule));
      }
    }
    return sent;
  }

  /** A record a marker names must not be linked to another record already: that link would be lost. */
  private void alreadyLinked(Side side, long id) {
    Link existing = linkOf(side, id);
    if (existing != null) {
      throw new SkipRecordException("it is marked as the copy of " + (side == Side.SYNERGY ? "Synergy" : "tiny+")
          + " record " + id + ", which is already linked to " + (side == Side.SYNERGY ? "tiny+ record "
          + existing.tinyPlusId() : "Synergy record " + existing.synergyId()) + ": link or merge them by hand");
    }
  }

  /** The tiny+ copy of a Synergy record was deleted before it was linked: link it orphaned, never make another. */
  private void orphanedCopy(S s, T deletedCopy) {
    orphanedPair(synergy.id(s), tinyPlus.id(deletedCopy), Flow.SYNERGY_TO_TINYPLUS, "its tiny+ copy was deleted");
  }

  /**
   * One of two records that belong together (a copy and its original) was deleted before they were linked: they
   * are linked as orphaned, so that the survivor is never copied back.
   */
  private void orphanedPair(long synergyId, long tinyPlusId, Flow flow, String reason) {
    Link link = Link.builder()
        .recordType(type)
        .synergyId(synergyId)
        .tinyPlusId(tinyPlusId)
        .state(PairState.empty().encode())
        .orphaned(true)
        .syncedAt(run.now())
        .build();
    noteLinked(link);
    run.saveLink(link);
    run.event(Run.eventBuilder(type, flow, RecordOutcome.ORPHANED).synergyId(synergyId).tinyPlusId(tinyPlusId)
        .message(reason + ": nothing is recreated or deleted; the link is orphaned").build());
  }

  private static String pendingKey(Side target, long sourceId) {
    return target + "/" + sourceId;
  }

  /** A new or unlinked Synergy record: find its tiny+ copy by marker (or natural key), else create it. */
  private void unlinkedSynergy(S s, Function<S, T> naturalMatch) {
    long id = synergy.id(s);
    if (pending.containsKey(pendingKey(Side.TINYPLUS, id))) {
      // an earlier create's outcome is not known yet: never a second one; the record waits in quarantine (so the
      // cursor passing it does not lose it) until the intent is settled
      throw new SkipRecordException(WAITING_FOR_CREATE);
    }
    Long claimed = synergy.markedPartner(s);
    if (claimed != null) {
      // the copy of a tiny+ record whose link was never saved (a create whose answer was lost, or a crash)
      if (pending.containsKey(pendingKey(Side.SYNERGY, claimed))) {
        return;
      }
      alreadyLinked(Side.TINYPLUS, claimed);
      T original;
      try {
        original = tinyPlus.get(claimed);
      } catch (RemoteFailure e) {
        if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
          throw e;
        }
        orphanedPair(id, claimed, Flow.TINYPLUS_TO_SYNERGY, "the tiny+ record it was copied from was deleted");
        return;
      }
      if (tinyPlus.deleted(original)) {
        orphanedPair(id, claimed, Flow.TINYPLUS_TO_SYNERGY, "the tiny+ record it was copied from was deleted");
        return;
      }
      linkPair(s, original, Side.TINYPLUS, RecordOutcome.LINKED, Flow.TINYPLUS_TO_SYNERGY);
      return;
    }
    List<T> found = tinyPlus.findByPartner(id);
    T match = found.isEmpty() ? null : found.get(0);
    if (match == null && unsettled.contains(pendingKey(Side.TINYPLUS, id))) {
      throw new SkipRecordException(WAITING_FOR_CREATE); // its copy may exist, not listed yet: never a second one
    }
    if (match != null && tinyPlus.deleted(match)) {
      orphanedCopy(s, match);
      return;
    }
    Side winner = Side.SYNERGY;
    if (match == null && naturalMatch != null) {
      match = naturalMatch.apply(s);
      winner = keyMatchWinner;
    }
    if (match != null) {
      linkPair(s, match, winner, RecordOutcome.LINKED, Flow.SYNERGY_TO_TINYPLUS);
      return;
    }
    Supplier<Map<String, Object>> build = () -> {
      Map<String, Object> members = new LinkedHashMap<>();
      for (FieldRule<S, T> rule : rules) {
        if (writtenOnCreate(rule, Side.TINYPLUS)) {
          rule.writeTinyPlus(rule.readSynergy(s, run), members, run);
        }
      }
      members.values().removeIf(Objects::isNull);
      members.put("locked_fields", locked);
      return members;
    };
    Map<String, Object> members = build.get();
    PendingCreate intent = PendingCreate.builder().recordType(type).target(Side.TINYPLUS).sourceId(id)
        .marker(Long.toString(id))
        .sent(SentValues.of(sentOnCreate(Side.TINYPLUS, rule -> rule.readSynergy(s, run))).encode())
        .createdAt(run.now()).build();
    T created = create(intent, () -> send(Side.TINYPLUS, members, m -> tinyPlus.create(m, id), build));
    finishCreate(intent, s, created, Side.SYNERGY, Flow.SYNERGY_TO_TINYPLUS);
  }

  /** A new or unlinked tiny+ record: find its Synergy copy by marker (or natural key), else create it. */
  private void unlinkedTinyPlus(T t, Function<T, S> naturalMatch) {
    long id = tinyPlus.id(t);
    if (pending.containsKey(pendingKey(Side.SYNERGY, id))) {
      throw new SkipRecordException(WAITING_FOR_CREATE);
    }
    Long claimed = tinyPlus.markedPartner(t);
    if (claimed != null) {
      // the copy of a Synergy record whose link was never saved (a create whose answer was lost, or a crash)
      if (pending.containsKey(pendingKey(Side.TINYPLUS, claimed))) {
        return;
      }
      alreadyLinked(Side.SYNERGY, claimed);
      S s;
      try {
        s = synergy.get(claimed);
      } catch (RemoteFailure e) {
        if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
          throw e;
        }
        orphanedPair(claimed, id, Flow.SYNERGY_TO_TINYPLUS, "the Synergy record it was copied from was deleted");
        return;
      }
      linkPair(s, t, Side.SYNERGY, RecordOutcome.LINKED, Flow.SYNERGY_TO_TINYPLUS);
      return;
    }
    if (binding.heldBack().test(t)) {
      // not synced to Synergy while its status is locked: not looked up there either (a look-up is a Synergy list
      // call, and the record is listed again in every cycle while it is the newest); it is matched or created when
      // it moves to an unlocked status
      run.event(Run.eventBuilder(type, Flow.TINYPLUS_TO_SYNERGY, RecordOutcome.SKIPPED).tinyPlusId(id)
          .message("its status is locked: it is created in Synergy when it moves to an unlocked status").build());
      return;
    }
    List<S> found = synergy.findByPartner(id);
    S match = found.isEmpty() ? null : found.get(0);
    if (match == null && unsettled.contains(pendingKey(Side.SYNERGY, id))) {
      throw new SkipRecordException(WAITING_FOR_CREATE); // its copy may exist, not listed yet: never a second one
    }
    Side winner = Side.TINYPLUS;
    if (match == null && naturalMatch != null) {
      match = naturalMatch.apply(t);
      winner = keyMatchWinner;
    }
    if (match != null) {
      linkPair(match, t, winner, RecordOutcome.LINKED, Flow.TINYPLUS_TO_SYNERGY);
      return;
    }
    Supplier<Map<String, Object>> build = () -> {
      Map<String, Object> members = new LinkedHashMap<>();
      for (FieldRule<S, T> rule : rules) {
        if (writtenOnCreate(rule, Side.SYNERGY)) {
          rule.writeSynergy(rule.readTinyPlus(t, run), members, run);
        }
      }
      members.values().removeIf(Objects::isNull);
      return members;
    };
    Map<String, Object> members = build.get();
    PendingCreate intent = PendingCreate.builder().recordType(type).target(Side.SYNERGY).sourceId(id)
        .marker(SynergySides.marker(id))
        .sent(SentValues.of(sentOnCreate(Side.SYNERGY, rule -> rule.readTinyPlus(t, run))).encode())
        .createdAt(run.now()).build();
    S created = create(intent, () -> send(Side.SYNERGY, members, m -> synergy.create(m, id), build));
    finishCreate(intent, created, t, Side.TINYPLUS, Flow.TINYPLUS_TO_SYNERGY);
  }

  /**
   * Sends a create under a saved intent. A refused create completes the intent (nothing was made); a create whose
   * outcome is unknown keeps it, so the next run looks the marker up before anything is sent again.
   */
  private <R> R create(PendingCreate intent, Supplier<R> send) {
    run.store.savePendingCreate(run.lease(), intent);
    try {
      return send.get();
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.INVALID) {
        run.store.completePendingCreate(run.lease(), intent);
      } else {
        pending.put(pendingKey(intent.target(), intent.sourceId()), intent);
      }
      throw e;
    } catch (SkipRecordException e) {
      run.store.completePendingCreate(run.lease(), intent);
      throw e;
    }
  }

  private void finishCreate(PendingCreate intent, S s, T t, Side winner, Flow flow) {
    linkUnderIntent(intent, s, t, winner, RecordOutcome.CREATED, flow);
  }

  /**
   * Links a copy with its original under the intent of its create. The intent is completed once the link is saved,
   * even when a write of the pair failed after that (the change waits in quarantine), so that a later run never links
   * the pair anew from an empty merge base; a pair a retry has linked since only completes the intent.
   *
   * @return whether the pair was linked now
   */
  private boolean linkUnderIntent(PendingCreate intent, S s, T t, Side winner, RecordOutcome outcome, Flow flow) {
    if (linked(s, t)) {
      run.store.completePendingCreate(run.lease(), intent);
      return false;
    }
    try {
      linkPair(s, t, winner, outcome, flow, SentValues.decode(intent.sent()).values());
    } catch (PairSkip e) {
      if (linked(s, t)) {
        run.store.completePendingCreate(run.lease(), intent);
      }
      throw e;
    }
    run.store.completePendingCreate(run.lease(), intent);
    return true;
  }

  private boolean linked(S s, T t) {
    Link link = run.store.linksBySynergyId(run.connectionId(), type, List.of(synergy.id(s))).get(synergy.id(s));
    return link != null && !link.orphaned() && link.tinyPlusId() == tinyPlus.id(t);
  }

  /**
   * Settles the creates an earlier run left open: a record found by its marker is linked; an intent older than
   * the list lag with nothing found never made a record and is dropped (its source is created again later).
   */
  private void reconcilePendingCreates() {
    for (PendingCreate intent : run.store.pendingCreates(run.connectionId(), type)) {
      Side source = intent.target().other();
      guarded(source, intent.sourceId(), null, false, () -> {
        try {
          reconcile(intent, source);
        } catch (RemoteFailure e) {
          if (e.kind() != RemoteFailure.Kind.NOT_FOUND || e.side() != source) {
            // not settled: its copy may exist, so its source is not matched by key to another record this run
            unsettled.add(pendingKey(intent.target(), intent.sourceId()));
            throw e;
          }
          run.store.completePendingCreate(run.lease(), intent); // the source is gone: nothing left to copy
        }
      });
    }
  }

  /** The original of a copy, or null when it was deleted (404). */
  private static <R> R originalOf(java.util.function.Supplier<R> get) {
    try {
      return get.get();
    } catch (RemoteFailure e) {
      if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
        throw e;
      }
      return null;
    }
  }

  private void reconcile(PendingCreate intent, Side source) {
    if (linkOf(source, intent.sourceId()) != null) {
      // the copy was linked already (by its marker, or before a write after the link failed): linking it again
      // would align the pair afresh and lose what changed since on either side
      run.store.completePendingCreate(run.lease(), intent);
      return;
    }
    if (intent.target() == Side.TINYPLUS) {
      List<T> found = tinyPlus.findByPartner(intent.sourceId());
      if (!found.isEmpty() && tinyPlus.deleted(found.get(0))) {
        orphanedCopy(synergy.get(intent.sourceId()), found.get(0));
        run.store.completePendingCreate(run.lease(), intent);
        run.store.clearFailure(run.lease(), type, source, intent.sourceId());
        return;
      }
      if (!found.isEmpty()) {
        S original = originalOf(() -> synergy.get(intent.sourceId()));
        if (original == null) {
          // the copy was made, then the original deleted: linked as orphaned, so the copy is never sent back
          orphanedPair(intent.sourceId(), tinyPlus.id(found.get(0)), Flow.SYNERGY_TO_TINYPLUS,
              "the Synergy record it was copied from was deleted");
          run.store.completePendingCreate(run.lease(), intent);
          return;
        }
        if (linkUnderIntent(intent, original, found.get(0), Side.SYNERGY, RecordOutcome.LINKED,
            Flow.SYNERGY_TO_TINYPLUS)) {
          run.store.clearFailure(run.lease(), type, source, intent.sourceId());
        }
        return;
      }
    } else {
      List<S> found = synergy.findByPartner(intent.sourceId());
      if (!found.isEmpty()) {
        T original = originalOf(() -> tinyPlus.get(intent.sourceId()));
        if (original == null || tinyPlus.deleted(original)) {
          orphanedPair(synergy.id(found.get(0)), intent.sourceId(), Flow.TINYPLUS_TO_SYNERGY,
              "the tiny+ record it was copied from was deleted");
          run.store.completePendingCreate(run.lease(), intent);
          return;
        }
        if (linkUnderIntent(intent, found.get(0), original, Side.TINYPLUS, RecordOutcome.LINKED,
            Flow.TINYPLUS_TO_SYNERGY)) {
          run.store.clearFailure(run.lease(), type, source, intent.sourceId());
        }
        return;
      }
    }
    if (Duration.between(intent.createdAt(), run.now()).compareTo(run.settings.lookback()) > 0) {
      run.store.completePendingCreate(run.lease(), intent);
    } else {
      pending.put(pendingKey(intent.target(), intent.sourceId()), intent);
    }
  }

  // =====================================================================================================
  // Manual controls
  // =====================================================================================================

  /**
   * Sends every record of one side to the other: linked records sync their changes; unlinked ones are matched by
   * marker, then by natural key (a key must match exactly one unlinked record), and only then created.
   *
   * @param from the side the records come from
   * @param progress told after each record
   */
  public void transferAll(Side from, ProgressListener progress) {
    transferring = true;
    run.touch(type, Flow.into(from.other()));
    startCursors();
    reconcilePendingCreates();
    keyMatchWinner = from;
    if (from == Side.SYNERGY) {
      Function<S, T> match = tinyPlusMatch(binding.naturalKeys().size());
      walk(synergy, progress, page -> {
        Map<Long, Link> links = run.store.linksBySynergyId(run.connectionId(), type, ids(synergy, page));
        for (S s : page) {
          Link link = links.get(synergy.id(s));
          if (link != null) {
            if (!link.orphaned()) {
              guardedPair(link, s, null, Flow.SYNERGY_TO_TINYPLUS, false, false);
            }
          } else {
            guarded(Side.SYNERGY, synergy.id(s), synergy.modified(s), false, () -> unlinkedSynergy(s, match));
          }
        }
      });
    } else {
      Function<T, S> match = synergyMatch(binding.naturalKeys().size());
      walk(tinyPlus, progress, page -> {
        Map<Long, Link> links = run.store.linksByTinyPlusId(run.connectionId(), type, ids(tinyPlus, page));
        for (T t : page) {
          Link link = links.get(tinyPlus.id(t));
          if (link != null) {
            if (!link.orphaned()) {
              guardedPair(link, null, t, Flow.TINYPLUS_TO_SYNERGY, false, false);
            }
          } else {
            guarded(Side.TINYPLUS, tinyPlus.id(t), tinyPlus.modified(t), false, () -> unlinkedTinyPlus(t, match));
          }
        }
      });
    }
  }

  private <R> void walk(SideAccess<R> side, ProgressListener progress, Consumer<List<R>> process) {
    int pageSize = run.settings.pageSize();
    long done = 0;
    for (int offset = 0; ; offset += pageSize) {
      ListPage<R> page = side.listAll(offset, pageSize);
      long total = Math.max(page.total(), done + page.items().size());
      for (R record : page.items()) {
        process.accept(List.of(record));
        done++;
        progress.onProgress(type, done, total);
      }
      run.checkpoint();
      if (page.items().size() < pageSize) {
        return;
      }
    }
  }

  // Natural-key matching: one piece for the cycle and the manual controls. The other side's unlinked records are
  // listed once per run, when the first record that carries no marker needs them, and shared by every record of the
  // run: ceil(records / page size) list calls on that side, at most once per run, type and direction. A run in
  // which every record is linked or found by its marker lists nothing (so an idle cycle stays at one list call per
  // type and side). Neither API filters by ABN, email or name, and keys are compared normalised, so a look-up per
  // record would cost a listing per record.
  private Index<T> tinyPlusIndex;
  private Index<S> synergyIndex;
  /**
   * Whose values win where a pair matched by key holds two different values: on a manual download or upload the
   * side the user sends from; in the cycle none (two records made apart both changed each such field: the conflict
   * policy settles it, and the loser is kept in the report).
   */
  private Side keyMatchWinner;
  /** The records linked in this run (by side and id): the indexes, listed earlier, must not offer them. */
  private final Set<String> linkedInRun = new HashSet<>();

  /**
   * Matches an unlinked Synergy record with the one unlinked tiny+ record that shares a natural key with it.
   *
   * @param keyCount how many natural keys to try, strongest first
   */
  private Function<S, T> tinyPlusMatch(int keyCount) {
    return s -> {
      List<String> keys = keys(keyCount, key -> key.ofSynergy(s));
      if (keys == null) {
        return null;
      }
      if (tinyPlusIndex == null) {
        tinyPlusIndex = index(tinyPlus, t -> keys(Integer.MAX_VALUE, key -> key.ofTinyPlus(t)));
      }
      return tinyPlusIndex.take(keys);
    };
  }

  /**
   * Matches an unlinked tiny+ record with the one unlinked Synergy record that shares a natural key with it.
   *
   * @param keyCount how many natural keys to try, strongest first
   */
  private Function<T, S> synergyMatch(int keyCount) {
    return t -> {
      List<String> keys = keys(keyCount, key -> key.ofTinyPlus(t));
      if (keys == null) {
        return null;
      }
      if (synergyIndex == null) {
        synergyIndex = index(synergy, s -> keys(Integer.MAX_VALUE, key -> key.ofSynergy(s)));
      }
      return synergyIndex.take(keys);
    };
  }

  /** A record's first natural key values (null where it has none), or null when it has none at all. */
  private List<String> keys(int keyCount, Function<TypeBinding.NaturalKey<S, T>, String> read) {
    List<String> keys = new ArrayList<>();
    boolean any = false;
    for (TypeBinding.NaturalKey<S, T> key : binding.naturalKeys()) {
      if (keys.size() == keyCount) {
        break;
      }
      String value = read.apply(key);
      keys.add(value);
      any |= value != null;
    }
    return any ? keys : null;
  }

  /** The unlinked records of one side by natural key, each taken at most once. */
  private final class Index<R> {
    private final SideAccess<R> side;
    private final List<Map<String, List<R>>> byKey = new ArrayList<>();
    private final Map<R, Boolean> taken = new IdentityHashMap<>();

    Index(SideAccess<R> side) {
      this.side = side;
    }

    /** The one record the strongest key that names any names, or null when none or several do. */
    R take(List<String> keys) {
      for (int i = 0; i < keys.size() && i < byKey.size(); i++) {
        String key = keys.get(i);
        if (key == null) {
          continue;
        }
        List<R> candidates = new ArrayList<>(byKey.get(i).getOrDefault(key, List.of()));
        candidates.removeIf(r -> taken.containsKey(r) || !unclaimed(side.side(), side.id(r)));
        if (candidates.size() == 1) {
          taken.put(candidates.get(0), true);
          return candidates.get(0);
        }
        if (candidates.size() > 1) {
          return null; // ambiguous: better a new record than the wrong link
        }
      }
      return null;
    }
  }

  /** Remembers that a pair's records are linked now, so that an index listed before never offers them. */
  private void noteLinked(Link link) {
    linkedInRun.add(Side.SYNERGY + "/" + link.synergyId());
    linkedInRun.add(Side.TINYPLUS + "/" + link.tinyPlusId());
  }

  /**
   * Whether a record listed into an index is still free to match: not linked in this run since, and not the source
   * of a create whose outcome is not known yet (its copy may exist), open or not settled this run.
   */
  private boolean unclaimed(Side side, long id) {
    String intent = pendingKey(side.other(), id);
    return !linkedInRun.contains(side + "/" + id) && !pending.containsKey(intent) && !unsettled.contains(intent);
  }

  /** Lists one side's records that are neither linked nor marked as some record's copy, by natural key. */
  private <R> Index<R> index(SideAccess<R> side, Function<R, List<String>> keys) {
    Index<R> index = new Index<>(side);
    for (int i = 0; i < binding.naturalKeys().size(); i++) {
      index.byKey.add(new HashMap<>());
    }
    int pageSize = run.settings.pageSize();
    for (int offset = 0; ; offset += pageSize) {
      ListPage<R> page = side.listAll(offset, pageSize);
      List<Long> ids = ids(side, page.items());
      Map<Long, Link> links = side.side() == Side.SYNERGY
          ? run.store.linksBySynergyId(run.connectionId(), type, ids)
          : run.store.linksByTinyPlusId(run.connectionId(), type, ids);
      for (R record : page.items()) {
        if (links.containsKey(side.id(record)) || side.markedPartner(record) != null) {
          continue; // a marked record is its original's copy: only the marker links it
        }
        List<String> values = keys.apply(record);
        for (int i = 0; values != null && i < values.size(); i++) {
          if (values.get(i) != null) {
            index.byKey.get(i).computeIfAbsent(values.get(i), k -> new ArrayList<>()).add(record);
          }
        }
      }
      run.checkpoint();
      if (page.items().size() < pageSize) {
        return index;
      }
    }
  }

  // =====================================================================================================
  // Single pairs (team member linking)
  // =====================================================================================================

  /**
   * Links two given records, Synergy's values winning, and aligns them.
   *
   * @param synergyId the Synergy id
   * @param tinyPlusId the tiny+ id
   */
  public void link(long synergyId, long tinyPlusId) {
    run.touch(type, Flow.SYNERGY_TO_TINYPLUS);
    S s = synergy.get(synergyId);
    T t = tinyPlus.get(tinyPlusId);
    try {
      linkPair(s, t, Side.SYNERGY, RecordOutcome.LINKED, Flow.SYNERGY_TO_TINYPLUS);
    } catch (PairSkip e) {
      if (e.failure() != null) {
        throw e.failure();
      }
      throw e;
    }
  }

  /**
   * Reads the creates left open (their outcome unknown) into this sync of one record: a record whose create may have
   * been made already waits for the cycle that settles it, and is never created a second time.
   */
  private void openIntents() {
    for (PendingCreate intent : run.store.pendingCreates(run.connectionId(), type)) {
      pending.putIfAbsent(pendingKey(intent.target(), intent.sourceId()), intent);
    }
  }

  /**
   * Creates (or finds by marker) the tiny+ copy of one unlinked Synergy record.
   *
   * @param s the Synergy record
   */
  public void copyToTinyPlus(S s) {
    openIntents();
    guarded(Side.SYNERGY, synergy.id(s), synergy.modified(s), false, () -> unlinkedSynergy(s, null));
  }

  /**
   * Creates (or finds by marker) the Synergy copy of one unlinked tiny+ record (a project's client company).
   *
   * @param t the tiny+ record
   */
  public void copyToSynergy(T t) {
    openIntents();
    guarded(Side.TINYPLUS, tinyPlus.id(t), tinyPlus.modified(t), false, () -> unlinkedTinyPlus(t, null));
  }

  /**
   * Removes a link and the tiny+ record's markers (remote id, origin, locks).
   *
   * @param link the link
   */
  public void unlink(Link link) {
    run.store.deleteLink(run.lease(), type, link.synergyId());
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("remote_id", null);
    members.put("sync_origin", null);
    members.put("is_synced", false);
    members.put("locked_fields", List.of());
    try {
      tinyPlus.patch(link.tinyPlusId(), members);
    } catch (RemoteFailure e) {
      if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }
}
