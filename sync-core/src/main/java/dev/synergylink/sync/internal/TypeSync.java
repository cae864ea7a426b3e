package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.tinyplus.SyncedRecord;

/**
 * Syncs one record type within one run: the entry to its stages. Each operation wires the stages in its own mode
 * ({@link Mode}): the incremental cycle ({@link Cycle}), one record pushed by the host ({@link Push}), the manual download / upload ({@link Transfer}), and the
 * linking and copying of single records. Not thread-safe.
 *
 * <pre>{@code
 * TypeSync<?, ?> sync = new TypeSync<>(run, binding);
 * sync.settleKnownWrites(); // for every type, then
 * sync.poll();
 * new TypeSync<>(run, binding).transferAll(Side.SYNERGY, progress);
 * new TypeSync<>(run, binding).push(Side.TINYPLUS, 20040);
 * }</pre>
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
public final class TypeSync<S, T extends SyncedRecord> {
  private final Run run;
  private final TypeBinding<S, T> binding;
  /** The stages for single records: shared by the calls on this instance (one run's open creates and links). */
  private TypeStages<S, T> single;
  /** This type's cycle, shared by its two steps. */
  private Cycle<S, T> cycle;

  /**
   * A sync of one type in a run.
   *
   * @param run the run
   * @param binding the type's sides and rules
   */
  public TypeSync(Run run, TypeBinding<S, T> binding) {
    this.run = run;
    this.binding = binding;
  }

  /**
   * The first step of this type's incremental cycle: the writes already known (creates left open, due retries). The
   * engine runs it for every type before the polls of any type.
   */
  public void settleKnownWrites() {
    cycle().settle();
  }

  /** The second step of this type's incremental cycle: both polls, the deferred tiny+ changes, the cursors. */
  public void poll() {
    cycle().poll();
  }

  private Cycle<S, T> cycle() {
    if (cycle == null) {
      cycle = new Cycle<>(new TypeStages<>(run, binding, Mode.CYCLE));
    }
    return cycle;
  }

  /**
   * Tries quarantined records again now, as a cycle does when they are due ("retry now").
   *
   * @param failures the records' failures
   */
  public void retry(java.util.List<dev.synergylink.sync.spi.RecordFailure> failures) {
    new Cycle<>(new TypeStages<>(run, binding, Mode.CYCLE)).retryNow(failures);
  }

  /**
   * Sends every record of one side to the other: linked records sync their changes; unlinked ones are matched by
   * marker, then by natural key (a key must match exactly one unlinked record), and only then created.
   *
   * @param from the side the records come from
   * @param progress told after each record
   */
  public void transferAll(Side from, ProgressListener progress) {
    new Transfer<>(new TypeStages<>(run, binding, Mode.transferFrom(from))).run(progress);
  }

  /**
   * Syncs one record's pair now, through the cycle's stages: a linked pair is merged and written, an unlinked record
   * matched or created under an intent, a deleted one's link orphaned. The cursors are not moved.
   *
   * @param side the system the record lives in
   * @param id its id there
   */
  public void push(Side side, long id) {
    new Push<>(new TypeStages<>(run, binding, Mode.CYCLE)).run(side, id);
  }

  /**
   * Links two given records, Synergy's values winning, and aligns them.
   *
   * @param synergyId the Synergy id
   * @param tinyPlusId the tiny+ id
   */
  public void link(long synergyId, long tinyPlusId) {
    run.touch(binding.type(), Flow.SYNERGY_TO_TINYPLUS);
    S s = binding.synergy().get(synergyId);
    T t = binding.tinyPlus().get(tinyPlusId);
    PairResult result = single().linker.link(s, t, Side.SYNERGY, RecordOutcome.LINKED, Flow.SYNERGY_TO_TINYPLUS);
    if (!result.complete()) {
      if (result.failure() != null) {
        throw result.failure();
      }
      throw new SkipRecordException(result.message());
    }
  }

  /**
   * Creates (or finds by marker) the tiny+ copy of one unlinked Synergy record.
   *
   * @param s the Synergy record
   */
  public void copyToTinyPlus(S s) {
    TypeStages<S, T> stages = single();
    stages.unlinked.openIntents();
    stages.quarantine.guarded(Side.SYNERGY, binding.synergy().id(s), binding.synergy().modified(s), false,
        () -> stages.unlinked.unlinked(stages.unlinked.synergy(), s, null));
  }

  /**
   * Creates (or finds by marker) the Synergy copy of one unlinked tiny+ record (a project's client company).
   *
   * @param t the tiny+ record
   */
  public void copyToSynergy(T t) {
    TypeStages<S, T> stages = single();
    stages.unlinked.openIntents();
    stages.quarantine.guarded(Side.TINYPLUS, binding.tinyPlus().id(t), binding.tinyPlus().modified(t), false,
        () -> stages.unlinked.unlinked(stages.unlinked.tinyPlus(), t, null));
  }

  /**
   * Removes a link and the tiny+ record's markers (remote id, origin, locks).
   *
   * @param link the link
   */
  public void unlink(Link link) {
    run.store.deleteLink(run.lease(), binding.type(), link.synergyId());
    try {
      binding.tinyPlus().patch(link.tinyPlusId(), TinyPlusSides.unmarked());
    } catch (RemoteFailure e) {
      if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  private TypeStages<S, T> single() {
    if (single == null) {
      single = new TypeStages<>(run, binding, Mode.CYCLE);
    }
    return single;
  }
}
