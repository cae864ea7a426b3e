package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.tinyplus.SyncedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Syncs a linked pair: reads what it must (a side not listed, a side whose change waits in quarantine), merges and
 * writes, and reports the pair's outcome. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class PairSync<S, T extends SyncedRecord> {
  /** How far Synergy's lists may lag its writes (the contract's replica lag). */
  private static final Duration SYNERGY_LIST_LAG = Duration.ofSeconds(5);
  private final Run run;
  private final TypeBinding<S, T> binding;
  private final RecordType type;
  private final SideAccess<S> synergy;
  private final SideAccess<T> tinyPlus;
  private final List<FieldRule<S, T>> rules;
  private final PairMerger<S, T> merger;
  private final PairWriter<S, T> writer;
  private Quarantine<S, T> quarantine;
  /** The Synergy records whose failures were read for a batch of pairs ({@link #withSynergyFailures}), or null. */
  private Set<Long> failuresRead;
  private Map<Long, RecordFailure> failures;

  PairSync(Run run, TypeBinding<S, T> binding, List<FieldRule<S, T>> rules, PairMerger<S, T> merger,
      PairWriter<S, T> writer) {
    this.run = run;
    this.binding = binding;
    this.type = binding.type();
    this.synergy = binding.synergy();
    this.tinyPlus = binding.tinyPlus();
    this.rules = rules;
    this.merger = merger;
    this.writer = writer;
  }

  /** The quarantine that guards each pair's sync (it calls back into {@link #sync}). */
  void guardedBy(Quarantine<S, T> quarantine) {
    this.quarantine = quarantine;
  }

  /**
   * Runs a batch of pair syncs with the failures of their Synergy records read beforehand, at once: a pair whose
   * other side was not listed looks its Synergy record's failure up, one state store call each otherwise.
   *
   * @param read the Synergy records whose failures were read
   * @param found their failures, by Synergy id
   * @param batch the syncs
   */
  void withSynergyFailures(Set<Long> read, Map<Long, RecordFailure> found, Runnable batch) {
    failuresRead = read;
    failures = found;
    try {
      batch.run();
    } finally {
      failuresRead = null;
      failures = null;
    }
  }

  /**
   * Syncs a linked pair. A null record means that side was not seen changed: its values are taken to be the
   * snapshot's. A listed version older than the one the engine last wrote or read is stale and ignored.
   *
   * @return what was left undone, and the sides whose records were merged
   */
  PairResult sync(Link link, S s, T t, Flow primary) {
    // A version older than the one we last wrote or read is stale (Synergy's lists lag behind its writes). The
    // same instant is compared, not skipped: an edit can share a tiny+ second (or a Synergy millisecond) with ours.
    // A value sent and not yet answered was sent over the version then seen: an older one is stale just the same.
    PairState state = writer.stateOf(link);
    s = fresh(s, synergy, PairWriter.later(link.synergyModified(), state.targetSeen(Side.SYNERGY)));
    t = fresh(t, tinyPlus, PairWriter.later(link.tinyPlusModified(), state.targetSeen(Side.TINYPLUS)));
    if (t != null && tinyPlus.deleted(t)) {
      writer.orphan(link, Flow.TINYPLUS_TO_SYNERGY, Side.TINYPLUS);
      return PairResult.done(EnumSet.allOf(Side.class));
    }
    Set<Side> considered = EnumSet.noneOf(Side.class);
    if (s != null) {
      considered.add(Side.SYNERGY);
    }
    if (t != null) {
      considered.add(Side.TINYPLUS);
    }
    if (s == null && t == null) {
      unchanged(link, primary);
      return PairResult.done(considered);
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
    RecordFailure synergyFailure = s != null && t != null ? null : synergyFailure(link.synergyId());
    if (synergyFailure == null && seenAndAgreed(link, state, s, t)) {
      unchanged(link, primary);
      return PairResult.done(considered);
    }
    if (t == null && mustReadTinyPlus(link, state, s, synergyFailure)) {
      // A tiny+ record not in this cycle's poll is read before anything is written into it: tiny+ lists leave
      // deleted records out, so only the record itself says it was deleted (the link is then orphaned, and nothing
      // is written into a deleted record). "Download all" lists Synergy only, and a quarantined or held-back tiny+
      // change is not in this cycle's poll either: the read merges a tiny+ edit since the last sync (or lets it lose
      // a conflict that is kept) instead of overwriting it.
      t = read(link, tinyPlus, link.tinyPlusId());
      if (t == null) {
        return PairResult.done(EnumSet.allOf(Side.class));
      }
      considered.add(Side.TINYPLUS);
    }
    if (s == null && (link.synergyModified() == null || synergyFailure != null || !state.sent().isEmpty())
        || run.settings.readBeforeSynergyWrite() && mayWriteSynergy(link, t)) {
      // Synergy's lists lag its writes by up to 5 s, so a listed version (or none) can hide a Synergy edit made
      // just before the poll. When the host asks for it, read the record itself (by id, never lagging) before
      // writing over it: such an edit is merged, not lost.
      s = readSynergy(link, s, t);
      if (s == null) {
        return PairResult.done(EnumSet.allOf(Side.class));
      }
      considered.add(Side.SYNERGY);
    }
    return mergeAndWrite(link, s, t, primary, considered);
  }

  private RecordFailure synergyFailure(long synergyId) {
    if (failuresRead != null && failuresRead.contains(synergyId)) {
      return failures.get(synergyId);
    }
    return run.store.failures(run.connectionId(), type, Side.SYNERGY, List.of(synergyId)).get(synergyId);
  }

  /**
   * Whether the one record listed is a version the link has seen already (the engine's own write listed back, a
   * lookback's second look) that holds, raw, every value the pair agrees on, with nothing sent and waiting, no field
   * apart, held back or unsettled, and (a tiny+ record) its markers in place. Merging and writing such a pair would
   * leave it, and its link, as they are: the merge is not made.
   */
  private boolean seenAndAgreed(Link link, PairState state, S s, T t) {
    if ((s == null) == (t == null) || !state.sent().isEmpty() || link.synergyModified() == null
        || link.tinyPlusModified() == null) {
      return false;
    }
    boolean seen = s != null ? synergy.modified(s).equals(link.synergyModified())
        : tinyPlus.modified(t).equals(link.tinyPlusModified());
    if (!seen || t != null && !TinyPlusSides.markedAs(t, link.synergyId(), run.settings.syncOrigin(),
        binding.mapping().lockedTinyPlusFields())) {
      return false;
    }
    for (FieldRule<S, T> rule : rules) {
      FieldState field = state.field(rule.name());
      if (field.kind() != FieldState.Kind.AGREED
          || !Objects.equals(field.agreed(), s != null ? rule.readSynergy(s, run) : rule.readTinyPlus(t, run))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the Synergy record of a pair; when the read fails with both records in hand (the Synergy one listed), what
   * they hold alike is agreed on all the same, where the two records certainly held it at the same moment.
   *
   * @return the record, or null when it is gone (the link is orphaned)
   */
  private S readSynergy(Link link, S listed, T t) {
    try {
      return read(link, synergy, link.synergyId());
    } catch (RemoteFailure failure) {
      if (listed != null && t != null && heldAtOnce(listed, t)) {
        try {
          writer.agreeWhereAlike(link, listed, t);
        } catch (RemoteFailure again) {
          failure.addSuppressed(again);
        }
      }
      throw failure;
    }
  }

  /**
   * Whether a listed Synergy version and a tiny+ record certainly held their values at one moment. A lagging list can
   * show a version a later edit has replaced: its values were held from its own modified instant until at least the
   * list's view of the record, no earlier than the lag before the run started. The tiny+ record held its values since
   * its modified instant (whole seconds, so up to a second later). Two equal values held at no common moment are no
   * agreement: taking them for one would let the Synergy edit that replaced the listed version win over a later tiny+
   * edit.
   */
  private boolean heldAtOnce(S listed, T t) {
    Instant tinyPlusSince = tinyPlus.modified(t).plusSeconds(1);
    Instant listedUntil = PairWriter.later(synergy.modified(listed), run.startedAt().minus(SYNERGY_LIST_LAG));
    return !tinyPlusSince.isAfter(listedUntil);
  }

  /**
   * Whether the tiny+ record, not in this cycle's poll, must be read: see {@link #sync}. A value sent and not yet
   * answered, to either side, is settled only against both records themselves: where the target's version cannot
   * tell whether the write was taken, each side's own value says which of them changed since.
   */
  private boolean mustReadTinyPlus(Link link, PairState state, S s, RecordFailure synergyFailure) {
    return link.tinyPlusModified() == null || mayWriteTinyPlus(link, s) || meetsHeldBackChange(link, s)
        || synergyFailure != null && synergyFailure.kind() == RecordFailure.Kind.FAILING
        || !state.sent().isEmpty();
  }

  /**
   * Reads one record of a pair by id (current, not lagging).
   *
   * @return the record, or null when it is gone (the link is orphaned)
   */
  private <R> R read(Link link, SideAccess<R> side, long id) {
    R record;
    try {
      record = side.get(id);
    } catch (RemoteFailure e) {
      if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
        throw e;
      }
      record = null;
    }
    if (record == null || side.deleted(record)) {
      writer.orphan(link, Flow.into(side.side()), side.side());
      return null;
    }
    return record;
  }

  /** Merges the pair, writes the plan, and reports what was written. */
  private PairResult mergeAndWrite(Link link, S s, T t, Flow primary, Set<Side> considered) {
    WritePlan<S, T> plan = merger.merge(link, s, t);
    PairWriter.Written written = writer.apply(link, s, t, plan);
    if (written == null) {
      return PairResult.done(EnumSet.allOf(Side.class));
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
      unchanged(link, primary);
    }
    if (!written.skips.isEmpty() || !written.failures.isEmpty()) {
      return PairResult.partly(written.skips, written.failures, considered);
    }
    return PairResult.done(considered);
  }

  /** The record, or null when its version is older than the one the link has seen. */
  private static <R> R fresh(R record, SideAccess<R> side, java.time.Instant seen) {
    return record != null && seen != null && side.modified(record).isBefore(seen) ? null : record;
  }

  private void unchanged(Link link, Flow primary) {
    run.unchanged(type, primary, link.synergyId(), link.tinyPlusId());
  }

  /** Whether the Synergy record holds a change of a field that is written to tiny+. */
  private boolean mayWriteTinyPlus(Link link, S s) {
    if (s == null) {
      return false;
    }
    for (FieldRule<S, T> rule : rules) {
      if (rule.direction().writesTinyPlus()
          && writer.fieldOf(link, rule).changed(Side.SYNERGY, rule::normalise, rule.readSynergy(s, run))) {
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
      FieldState field = writer.fieldOf(link, rule);
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
          && writer.fieldOf(link, rule).changed(Side.TINYPLUS, rule::normalise, rule.readTinyPlus(t, run))) {
        return true;
      }
    }
    return false;
  }

  /** Reads both records of a quarantined pair again and merges them in full. */
  void retryPair(Link link, Side failed) {
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
        writer.orphan(link, Flow.into(e.side()), e.side());
        run.store.clearFailure(run.lease(), type, failed, Quarantine.idOn(link, failed));
        return;
      }
      quarantine.quarantine(failed, Quarantine.idOn(link, failed), null, RecordFailure.Kind.FAILING, e.field(),
          Quarantine.message(e));
      return;
    }
    quarantine.guardedPair(link, s, t, Flow.into(failed.other()), failed == Side.SYNERGY, failed == Side.TINYPLUS);
  }
}
