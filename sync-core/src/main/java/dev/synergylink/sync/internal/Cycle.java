package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One incremental cycle of one record type, in two steps that the engine runs for every type in turn: first the writes
 * already known ({@link #settle}: the creates left open, the quarantined records whose retry is due), then the polls
 * ({@link #poll}: both sides polled, each changed record handed to its stage, a linked pair to the pair sync, an
 * unlinked record to the unlinked records; the cursors moved; the records waiting for a linked reference of another
 * type tried again). So under a short Synergy call budget, known writes of every type are spent before a speculative
 * poll of any type. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class Cycle<S, T extends SyncedRecord> {
  private final TypeStages<S, T> stages;
  private final Run run;
  private final TypeBinding<S, T> binding;
  private final SideAccess<S> synergy;
  private final SideAccess<T> tinyPlus;
  private final Retries<S, T> retries;
  /** Whether a poll of this cycle listed a version the link has not seen: a change by someone else. */
  private boolean changesSeen;
  /** Whether the tiny+ poll listed a linked record changed since its link last saw it (not our own write's echo). */
  private boolean tinyPlusChangesToWrite;

  Cycle(TypeStages<S, T> stages) {
    this.stages = stages;
    this.run = stages.run;
    this.binding = stages.binding;
    this.synergy = binding.synergy();
    this.tinyPlus = binding.tinyPlus();
    this.retries = new Retries<>(stages);
  }

  /**
   * The writes already known: the creates left open are settled, and the quarantined records whose retry time has
   * come are read again and synced. A record retried here that fails again is not tried a second time when a poll of
   * this cycle lists it.
   */
  void settle() {
    run.touch(binding.type(), Flow.SYNERGY_TO_TINYPLUS);
    run.touch(binding.type(), Flow.TINYPLUS_TO_SYNERGY);
    stages.unlinked.reconcilePendingCreates();
    retries.retryDue();
  }

  /**
   * The polls, after {@link #settle}: both sides (the Synergy side when the call budget says it is due, or a tiny+
   * change waits for it), the deferred tiny+ changes, the cursors, and the records waiting for a linked reference.
   */
  void poll() {
    stages.quarantine.nextStep();
    ChangePoller poller = stages.poller;
    Optional<Cursor> synergyCursor = poller.cursor(Side.SYNERGY);
    Optional<Cursor> tinyPlusCursor = poller.cursor(Side.TINYPLUS);
    poller.startCursors();
    // A linked tiny+ record that changed waits here until the Synergy poll has shown whether its partner changed
    // too: then the two merge field by field. Held: the changed linked tiny+ records of one cycle.
    Map<Long, T> deferred = new LinkedHashMap<>();
    Cursor tinyPlusHigh = tinyPlusCursor.map(from -> poller.poll(tinyPlus, from, page -> tinyPlusPage(page, deferred),
        u -> stages.quarantine.unreadable(Side.TINYPLUS, u)))
        .orElse(null);
    // Under a call budget the Synergy side is polled when its turn has come, or when a tiny+ change waits to be
    // written: its partner's listed version is what the change merges with. Our own writes listed back are no such
    // change: they merge with the snapshot, at no call.
    CallBudget budget = run.budget();
    boolean pollSynergy = budget == null || budget.pollSynergy(binding.type(), tinyPlusChangesToWrite);
    Cursor synergyHigh = !pollSynergy ? null
        : synergyCursor.map(from -> poller.poll(synergy, from, page -> synergyPage(page, deferred),
            u -> stages.quarantine.unreadable(Side.SYNERGY, u)))
        .orElse(null);
    if (!deferred.isEmpty()) {
      Map<Long, Link> links = run.store.linksBySynergyId(run.connectionId(), binding.type(), deferred.keySet());
      Map<Long, RecordFailure> failures = run.store.failures(run.connectionId(), binding.type(), Side.TINYPLUS,
          ids(tinyPlus, List.copyOf(deferred.values())));
      Set<Long> synergyIds = new HashSet<>(deferred.keySet());
      stages.pairs.withSynergyFailures(synergyIds, run.store.failures(run.connectionId(), binding.type(),
          Side.SYNERGY, List.copyOf(synergyIds)), () -> {
            for (Map.Entry<Long, T> entry : deferred.entrySet()) {
              Link link = links.get(entry.getKey());
              if (link != null && !link.orphaned()) {
                stages.quarantine.guardedPair(link, null, entry.getValue(), Flow.TINYPLUS_TO_SYNERGY, false,
                    failures.containsKey(link.tinyPlusId()));
              }
            }
          });
    }
    poller.advance(synergyCursor, synergyHigh, tinyPlusCursor, tinyPlusHigh);
    if (budget != null && synergyHigh != null) {
      budget.polled(binding.type(), changesSeen);
    } else if (budget != null && changesSeen) {
      budget.changed(binding.type());
    }
    retries.retryWaitingForALinkedReference();
  }

  /** Tries given quarantined records again at once, after settling the creates left open as a cycle does. */
  void retryNow(List<RecordFailure> failures) {
    run.touch(binding.type(), Flow.SYNERGY_TO_TINYPLUS);
    run.touch(binding.type(), Flow.TINYPLUS_TO_SYNERGY);
    stages.unlinked.reconcilePendingCreates();
    for (RecordFailure failure : failures) {
      retries.retry(failure);
    }
  }

  private void tinyPlusPage(List<T> page, Map<Long, T> deferred) {
    List<Long> ids = ids(tinyPlus, page);
    Map<Long, Link> links = run.store.linksByTinyPlusId(run.connectionId(), binding.type(), ids);
    Map<Long, RecordFailure> failures = run.store.failures(run.connectionId(), binding.type(), Side.TINYPLUS, ids);
    for (T record : page) {
      long id = tinyPlus.id(record);
      Link link = links.get(id);
      changesSeen |= link == null || newer(tinyPlus.modified(record), link.tinyPlusModified());
      if (link != null) {
        if (!link.orphaned() && !failedInCycle(link)) {
          tinyPlusChangesToWrite |= newer(tinyPlus.modified(record), link.tinyPlusModified());
          deferred.put(link.synergyId(), record);
          heldBack(link, record);
        }
      } else if (binding.sendsNewTinyPlusRecords() && !waiting(failures.get(id), record, tinyPlus)) {
        stages.quarantine.guarded(Side.TINYPLUS, id, tinyPlus.modified(record), failures.containsKey(id),
            () -> unlinked(stages.unlinked.tinyPlus(), record, excluded(failures.get(id)),
                stages.keys.synergyMatch(stages.cycleKeys())));
      }
    }
  }

  /**
   * Says so when a linked tiny+ record holds changes for Synergy while they are held back (a project parked in a
   * locked status): they reach Synergy only once it moves on, and the cycle's report shows why nothing was sent.
   */
  private void heldBack(Link link, T record) {
    if (!synergy.writable() || !binding.heldBack().test(record)) {
      return;
    }
    for (FieldRule<S, T> rule : binding.mapping().rules()) {
      if ((rule.direction() == Direction.BOTH || rule.direction() == Direction.TO_SYNERGY) && rule.canWriteSynergy()
          && run.pairState(link).field(rule.name()).changed(Side.TINYPLUS, rule::normalise,
              rule.readTinyPlus(record, run))) {
        run.event(Run.eventBuilder(binding.type(), Flow.TINYPLUS_TO_SYNERGY, RecordOutcome.SKIPPED)
            .synergyId(link.synergyId()).tinyPlusId(link.tinyPlusId())
            .message("its status is locked: its changes go to Synergy when it moves to an unlocked status").build());
        return;
      }
    }
  }

  private void synergyPage(List<S> page, Map<Long, T> deferred) {
    List<Long> ids = ids(synergy, page);
    Map<Long, Link> links = run.store.linksBySynergyId(run.connectionId(), binding.type(), ids);
    Map<Long, RecordFailure> failures = run.store.failures(run.connectionId(), binding.type(), Side.SYNERGY, ids);
    List<Long> partnerIds = new ArrayList<>();
    for (Link link : links.values()) {
      if (deferred.containsKey(link.synergyId())) {
        partnerIds.add(link.tinyPlusId());
      }
    }
    Map<Long, RecordFailure> partnerFailures = partnerIds.isEmpty() ? Map.of()
        : run.store.failures(run.connectionId(), binding.type(), Side.TINYPLUS, partnerIds);
    stages.pairs.withSynergyFailures(new HashSet<>(ids), failures, () -> {
      for (S record : page) {
        synergyRecord(record, links, failures, deferred, partnerFailures);
      }
    });
  }

  /** One record of a Synergy page: its pair's sync, or its own as a record not linked yet. */
  private void synergyRecord(S record, Map<Long, Link> links, Map<Long, RecordFailure> failures,
      Map<Long, T> deferred, Map<Long, RecordFailure> partnerFailures) {
    long id = synergy.id(record);
    Link link = links.get(id);
    changesSeen |= link == null || newer(synergy.modified(record), link.synergyModified());
    if (link != null) {
      if (!link.orphaned() && !failedInCycle(link)) {
        T partner = deferred.remove(id);
        stages.quarantine.guardedPair(link, record, partner, Flow.SYNERGY_TO_TINYPLUS, failures.containsKey(id),
            partner != null && partnerFailures.containsKey(link.tinyPlusId()));
      }
    } else if (!waiting(failures.get(id), record, synergy)) {
      stages.quarantine.guarded(Side.SYNERGY, id, synergy.modified(record), failures.containsKey(id),
          () -> unlinked(stages.unlinked.synergy(), record, excluded(failures.get(id)),
              stages.keys.tinyPlusMatch(stages.cycleKeys())));
    }
  }

  /**
   * Whether a pair's retry in this cycle failed again (it stays in quarantine, due later): listed by a poll, it waits
   * for that retry, which reads both records again, rather than being written a second time in one cycle.
   */
  private boolean failedInCycle(Link link) {
    return stages.quarantine.anyTriedInCycle()
        && (stages.quarantine.triedInCycle(new RecordRef(Side.SYNERGY, link.synergyId()))
            || stages.quarantine.triedInCycle(new RecordRef(Side.TINYPLUS, link.tinyPlusId())));
  }

  private static boolean newer(java.time.Instant listed, java.time.Instant seen) {
    return seen == null || listed.isAfter(seen);
  }

  private static boolean excluded(RecordFailure failure) {
    return failure != null && failure.kind() == RecordFailure.Kind.EXCLUDED;
  }

  /**
   * An unlinked record's sync. One left out (excluded) is first checked against its own reason, listed again or
   * retried, so that while the reason holds it costs no marker search and no listing of the other side for a
   * natural-key match.
   */
  private <R, O> PairResult unlinked(UnlinkedRecords<S, T>.View<R, O> view, R record, boolean excluded,
      java.util.function.Function<R, O> match) {
    if (excluded) {
      stages.unlinked.checkStillExcluded(view, record);
    }
    return stages.unlinked.unlinked(view, record, match);
  }

  /** A quarantined record that has not changed since it failed waits for its retry time. */
  private <R> boolean waiting(RecordFailure failure, R record, SideAccess<R> side) {
    return failure != null && failure.nextRetry().isAfter(run.now())
        && side.modified(record).equals(failure.recordModified());
  }

  static <R> List<Long> ids(SideAccess<R> side, List<R> records) {
    List<Long> ids = new ArrayList<>(records.size());
    for (R record : records) {
      ids.add(side.id(record));
    }
    return ids;
  }

  /** The quarantined records of the cycle, tried again. */
  private static final class Retries<S, T extends SyncedRecord> {
    private final TypeStages<S, T> stages;
    private final Run run;

    Retries(TypeStages<S, T> stages) {
      this.stages = stages;
      this.run = stages.run;
    }

    /** Quarantined records whose retry time has come: read again by id and synced. */
    void retryDue() {
      // Page by page until a page brings nothing new: a retried record that fails again is due only later, and one
      // left waiting (its create's outcome unknown) is seen once; so one cycle retries every record that is due.
      Set<RecordRef> seen = new HashSet<>();
      while (true) {
        boolean fresh = false;
        for (RecordFailure failure : run.store.dueFailures(run.connectionId(), stages.binding.type(), run.now(),
            run.settings.pageSize())) {
          if (seen.add(new RecordRef(failure.side(), failure.recordId()))) {
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
     * Records left out for a linked record of another type (projects for their client company: not synced, refused,
     * not yet copied) wait for it. Once a pair of that type is made, in this run's sync of that type (which comes
     * first) or while a record brought it along, each record still left out is tried again now: its own retry may be
     * due only hours later (the back-off grows to the maximum retry delay), although its reason is gone. The waits are
     * not recorded by the record waited for, so every excluded record is read again, only in a run that made such a
     * pair. A record quarantined by this cycle's polls already had its try; one whose due retry came before the polls
     * (and so before that pair was made) is tried again.
     */
    void retryWaitingForALinkedReference() {
      if (stages.binding.waitsFor() == null || !run.linkedInRun(stages.binding.waitsFor())) {
        return;
      }
      for (RecordFailure failure : run.store.failures(run.connectionId())) {
        if (failure.recordType() == stages.binding.type() && failure.kind() == RecordFailure.Kind.EXCLUDED
            && !stages.quarantine.triedInStep(new RecordRef(failure.side(), failure.recordId()))) {
          retry(failure);
        }
      }
    }

    /** Retries one quarantined record: read again by id and synced. */
    void retry(RecordFailure failure) {
      Side side = failure.side();
      long id = failure.recordId();
      Link link = run.linkOf(stages.binding.type(), side, id);
      if (link != null && link.orphaned()) {
        run.store.clearFailure(run.lease(), stages.binding.type(), side, id);
        return;
      }
      if (stages.unlinked.createOpen(new RecordRef(side, id))) {
        return;
      }
      if (link != null) {
        stages.pairs.retryPair(link, side);
        run.checkpoint();
        return;
      }
      boolean excluded = failure.kind() == RecordFailure.Kind.EXCLUDED;
      if (side == Side.SYNERGY) {
        retryUnlinked(stages.unlinked.synergy(), id, excluded, stages.keys.tinyPlusMatch(stages.cycleKeys()));
      } else {
        retryUnlinked(stages.unlinked.tinyPlus(), id, excluded, stages.keys.synergyMatch(stages.cycleKeys()));
      }
      run.checkpoint();
    }

    /**
     * Retries an unlinked record. One left out (excluded) is first checked against its own reason, so that while the
     * reason holds a retry costs one read, not the marker search and the other side's listing that a natural-key
     * match needs.
     */
    private <R, O> void retryUnlinked(UnlinkedRecords<S, T>.View<R, O> view, long id, boolean excluded,
        java.util.function.Function<R, O> match) {
      stages.quarantine.guarded(view.side, id, null, true, () -> {
        R record = view.records.get(id);
        if (view.records.deleted(record)) {
          run.store.clearFailure(run.lease(), stages.binding.type(), view.side, id);
          return PairResult.DONE;
        }
        if (excluded) {
          stages.unlinked.checkStillExcluded(view, record);
        }
        return stages.unlinked.unlinked(view, record, match);
      });
    }
  }
}
