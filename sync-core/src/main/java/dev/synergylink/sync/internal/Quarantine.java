package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.ImmutableRecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.tinyplus.SyncedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one record's (or one pair's) work so that its failure never stops the others: a skip or a failed write puts
 * the record in quarantine (with the server's field message, and a retry time that backs off), a success ends its
 * quarantine, and a fatal failure stops the run. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class Quarantine<S, T extends SyncedRecord> {
  /** A linked pair's sync: the sides whose records were part of the merge. */
  interface PairWork<S, T> {
    PairResult sync(Link link, S s, T t, Flow primary);
  }

  private final Run run;
  private final RecordType type;
  private final SideAccess<S> synergy;
  private final SideAccess<T> tinyPlus;
  private final PairWork<S, T> pairs;
  /** The records put in quarantine by this sync's current step, or kept there: each had its try. */
  private final Set<RecordRef> quarantinedInCycle = new HashSet<>();
  /** The records put in (or kept in) quarantine by the cycle's earlier steps ({@link #nextStep}). */
  private final Set<RecordRef> quarantinedInEarlierSteps = new HashSet<>();

  Quarantine(Run run, TypeBinding<S, T> binding, PairWork<S, T> pairs) {
    this.run = run;
    this.type = binding.type();
    this.synergy = binding.synergy();
    this.tinyPlus = binding.tinyPlus();
    this.pairs = pairs;
  }

  /** Whether any record was put in (or kept in) quarantine by this sync: most cycles put none there. */
  boolean anyTriedInCycle() {
    return !quarantinedInCycle.isEmpty() || !quarantinedInEarlierSteps.isEmpty();
  }

  /** Whether a record was put in (or kept in) quarantine by this sync. */
  boolean triedInCycle(RecordRef record) {
    return quarantinedInCycle.contains(record) || quarantinedInEarlierSteps.contains(record);
  }

  /** Whether a record was put in (or kept in) quarantine by the current step of this sync. */
  boolean triedInStep(RecordRef record) {
    return quarantinedInCycle.contains(record);
  }

  /** A cycle's next step begins: what was tried so far was tried in an earlier step. */
  void nextStep() {
    quarantinedInEarlierSteps.addAll(quarantinedInCycle);
    quarantinedInCycle.clear();
  }

  static long idOn(Link link, Side side) {
    return side == Side.SYNERGY ? link.synergyId() : link.tinyPlusId();
  }

  /**
   * Syncs a linked pair as one unit of work. A failure is kept against the side whose change could not be written
   * (so that it is retried by reading both records again); a side's quarantine ends only when its record was part
   * of a merge that succeeded.
   */
  void guardedPair(Link link, S s, T t, Flow primary, boolean synergyQuarantined,
      boolean tinyPlusQuarantined) {
    run.checkpoint();
    try {
      settle(link, s, t, pairs.sync(link, s, t, primary), synergyQuarantined, tinyPlusQuarantined);
    } catch (SkipRecordException e) {
      settle(link, s, t, PairResult.partly(Map.of(primary.source(), e.getMessage()), Map.of(), Set.of()),
          synergyQuarantined, tinyPlusQuarantined);
    } catch (RemoteFailure e) {
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      Side source = e.side().other();
      pairFailed(link, s, t, source, e);
      if ((source == Side.SYNERGY ? t : s) != null) {
        // A read failed before the merge: the other side's change, listed in this cycle, was not merged either. It
        // waits in quarantine too, so that seeing only the source's record again never takes the other for unchanged
        // (its poll has moved past it).
        quarantine(source.other(), idOn(link, source.other()), modifiedOn(source.other(), s, t),
            RecordFailure.Kind.FAILING, e.field(), message(e));
      }
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException
        | UnsupportedOperationException e) {
      Side source = primary.source();
      unexpected(source, idOn(link, source), modifiedOn(source, s, t), link.synergyId(), link.tinyPlusId(), e);
    }
  }

  /**
   * Settles a pair's quarantine from what its sync left undone: a side whose change was merged and written in full
   * leaves quarantine, even when the other side's cannot be; a side whose change was skipped is excluded until it
   * changes; a side whose change failed is retried.
   */
  private void settle(Link link, S s, T t, PairResult result, boolean synergyQuarantined,
      boolean tinyPlusQuarantined) {
    if (synergyQuarantined && result.considered.contains(Side.SYNERGY) && !result.skips.containsKey(Side.SYNERGY)
        && !result.failures.containsKey(Side.SYNERGY)) {
      run.store.clearFailure(run.lease(), type, Side.SYNERGY, link.synergyId());
    }
    if (tinyPlusQuarantined && result.considered.contains(Side.TINYPLUS) && !result.skips.containsKey(Side.TINYPLUS)
        && !result.failures.containsKey(Side.TINYPLUS)) {
      run.store.clearFailure(run.lease(), type, Side.TINYPLUS, link.tinyPlusId());
    }
    for (Map.Entry<Side, String> reason : result.skips.entrySet()) {
      Side source = reason.getKey();
      if (result.failures.containsKey(source)) {
        continue; // the rest of that change failed: it is retried, not excluded
      }
      quarantine(source, idOn(link, source), modifiedOn(source, s, t), RecordFailure.Kind.EXCLUDED, null,
          reason.getValue());
      run.event(Run.eventBuilder(type, Flow.into(source.other()), RecordOutcome.SKIPPED).message(reason.getValue())
          .synergyId(link.synergyId()).tinyPlusId(link.tinyPlusId()).build());
    }
    for (Map.Entry<Side, RemoteFailure> failure : result.failures.entrySet()) {
      pairFailed(link, s, t, failure.getKey(), failure.getValue());
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

  static String message(RemoteFailure e) {
    return (e.side() == Side.SYNERGY ? "Synergy" : "tiny+") + " refused it: " + e.serverMessage();
  }

  /**
   * Runs one record's work: on success its quarantine ends; a skip or a failure puts it in quarantine (with the
   * server's field message) and the sync goes on; a fatal failure stops the run.
   */
  void guarded(Side source, long id, Instant modified, boolean wasQuarantined, Supplier<PairResult> work) {
    Flow flow = Flow.into(source.other());
    run.checkpoint();
    try {
      PairResult result = work.get();
      if (result.complete()) {
        if (wasQuarantined) {
          run.store.clearFailure(run.lease(), type, source, id);
        }
      } else if (result.failure() != null) {
        // a pair just linked whose write failed: the record is retried (through its link), not excluded
        failed(source, id, modified, flow, result.failure());
      } else {
        excluded(source, id, modified, flow, result.message());
      }
    } catch (SkipRecordException e) {
      excluded(source, id, modified, flow, e.getMessage());
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

  private void excluded(Side source, long id, Instant modified, Flow flow, String reason) {
    quarantine(source, id, modified, RecordFailure.Kind.EXCLUDED, null, reason);
    run.event(Run.eventBuilder(type, flow, RecordOutcome.SKIPPED).message(reason)
        .synergyId(source == Side.SYNERGY ? id : null).tinyPlusId(source == Side.TINYPLUS ? id : null).build());
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

  /**
   * A record its client could not read: quarantined with the member at fault and the reason (retried like any failing
   * record), so the rest of its page, its type and the cycle go on.
   */
  void unreadable(Side side, UnreadableRecord record) {
    String message = "it could not be read: " + record.reason() + " (member " + record.member() + "); correct it in "
        + (side == Side.SYNERGY ? "Synergy" : "tiny+");
    if (record.id() != null) {
      quarantine(side, record.id(), null, RecordFailure.Kind.FAILING, record.member(), message);
    }
    ImmutableRecordEvent.Builder event = Run.eventBuilder(type, Flow.into(side.other()), RecordOutcome.FAILED)
        .message(message);
    if (record.id() != null && side == Side.SYNERGY) {
      event.synergyId(record.id());
    } else if (record.id() != null) {
      event.tinyPlusId(record.id());
    }
    run.event(event.build());
  }

  void quarantine(Side side, long id, Instant modified, RecordFailure.Kind kind, String field,
      String message) {
    quarantinedInCycle.add(new RecordRef(side, id));
    if (type == RecordType.PROJECT && kind == RecordFailure.Kind.FAILING && statusField(field)) {
      // a system refused a project's status or phase: the statuses kept as checked may be out of date
      dev.synergylink.sync.internal.project.ProjectRun.forgetStatusCheck(run);
    }
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

  /** Whether a field the server named is a project's status or phase (Synergy {@code statusId}; tiny+ {@code phase}). */
  private static boolean statusField(String field) {
    if (field == null) {
      return false;
    }
    String f = field.toLowerCase(java.util.Locale.ROOT);
    return f.contains("status") || f.contains("phase") || f.equals("state");
  }
}
