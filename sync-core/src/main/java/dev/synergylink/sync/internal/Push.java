package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.List;
import java.util.function.Function;

/**
 * One record's sync now, pushed by the host (a tiny+ save, a webhook): the record is read by id and handed to the
 * cycle's own stages, as if the cycle's poll had listed it alone. A linked pair goes to the pair sync, an unlinked
 * record to the unlinked records (marker, natural key, else a create under an intent), a quarantined record to its
 * quarantine; so the next cycle, which lists the record again, finds it merged and writes nothing. The cursors are
 * not moved: what else changed is the next cycle's. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class Push<S, T extends SyncedRecord> {
  /** Syncs a linked pair from the pushed side's record. */
  private interface PairPush<R> {
    void sync(Link link, R record, boolean quarantined);
  }

  private final TypeStages<S, T> stages;
  private final Run run;
  private final RecordType type;

  Push(TypeStages<S, T> stages) {
    this.stages = stages;
    this.run = stages.run;
    this.type = stages.binding.type();
  }

  /**
   * Syncs one record's pair.
   *
   * @param side the system the record lives in
   * @param id its id there
   */
  void run(Side side, long id) {
    run.touch(type, Flow.into(side.other()));
    if (side == Side.SYNERGY) {
      push(stages.unlinked.synergy(), id, stages.keys.tinyPlusMatch(stages.cycleKeys()),
          (link, s, quarantined) -> stages.quarantine.guardedPair(link, s, null, Flow.SYNERGY_TO_TINYPLUS,
              quarantined, false));
    } else {
      push(stages.unlinked.tinyPlus(), id, stages.keys.synergyMatch(stages.cycleKeys()),
          (link, t, quarantined) -> stages.quarantine.guardedPair(link, null, t, Flow.TINYPLUS_TO_SYNERGY, false,
              quarantined));
    }
  }

  private <R, O> void push(UnlinkedRecords<S, T>.View<R, O> view, long id, Function<R, O> match,
      PairPush<R> pair) {
    Side side = view.side;
    R record = read(view.records, id);
    Link link = run.linkOf(type, side, id);
    RecordFailure failure = run.store.failures(run.connectionId(), type, side, List.of(id)).get(id);
    if (link != null) {
      if (link.orphaned()) {
        return; // its partner was deleted: nothing is recreated, as in the cycle
      }
      if (record == null) {
        stages.writer.orphan(link, Flow.into(side.other()), side);
        clear(side, id, failure);
        return;
      }
      // a deleted tiny+ record is handed on: the pair sync orphans its link, as when a read shows it deleted
      pair.sync(link, record, failure != null);
      return;
    }
    if (record == null || view.records.deleted(record)) {
      clear(side, id, failure); // deleted before it was ever linked: nothing to send, nothing left to retry
      return;
    }
    if (side == Side.TINYPLUS && !stages.binding.sendsNewTinyPlusRecords()) {
      return; // such records are not created on the other side by the cycle either
    }
    if (failure != null && failure.nextRetry().isAfter(run.now())
        && view.records.modified(record).equals(failure.recordModified())) {
      run.event(Run.eventBuilder(type, Flow.into(side.other()), RecordOutcome.SKIPPED)
          .synergyId(side == Side.SYNERGY ? id : null).tinyPlusId(side == Side.TINYPLUS ? id : null)
          .message("it is in quarantine and has not changed since it failed (" + failure.message() + "): it is tried"
              + " again at " + failure.nextRetry() + ", or as soon as it is edited")
          .build());
      return;
    }
    // a create left open by an earlier run is never made a second time: the record waits for the cycle to settle it
    stages.unlinked.openIntents();
    boolean excluded = failure != null && failure.kind() == RecordFailure.Kind.EXCLUDED;
    stages.quarantine.guarded(side, id, view.records.modified(record), failure != null, () -> {
      if (excluded) {
        stages.unlinked.checkStillExcluded(view, record);
      }
      return stages.unlinked.unlinked(view, record, match);
    });
  }

  private void clear(Side side, long id, RecordFailure failure) {
    if (failure != null) {
      run.store.clearFailure(run.lease(), type, side, id);
    }
  }

  /** The record by id, or null when it is gone (404). */
  private static <R> R read(SideAccess<R> side, long id) {
    try {
      return side.get(id);
    } catch (RemoteFailure e) {
      if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
        throw e;
      }
      return null;
    }
  }
}
