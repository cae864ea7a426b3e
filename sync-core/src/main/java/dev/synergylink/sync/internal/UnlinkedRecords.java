package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.TinyPlusMembers;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.state.SentValues;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.InvalidValueException;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.tinyplus.SyncedRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Records with no link, either side by one path: found by the engine's marker, else matched by natural key, else
 * created under a saved intent with a marker; and the intents an earlier run left open, settled by looking their
 * marker up, never by a second create. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class UnlinkedRecords<S, T extends SyncedRecord> {
  private static final String WAITING_FOR_CREATE = "an earlier copy of it may have been made (the answer to its create"
      + " was lost): it is tried again once that is settled";
  private static final String LOCKED_STATUS = "its status is locked: it is created in Synergy when it moves to an"
      + " unlocked status";

  private final Run run;
  private final TypeBinding<S, T> binding;
  private final RecordType type;
  private final List<FieldRule<S, T>> rules;
  private final PairLinker<S, T> linker;
  private final PairWriter<S, T> writer;
  private final Quarantine<S, T> quarantine;
  /**
   * Whose values win where a pair matched by key holds two different values: on a manual download or upload the side
   * the user sends from; in the cycle none (two records made apart both changed each such field: the conflict policy
   * settles it, and the loser is kept in the report).
   */
  private final Side keyMatchWinner;
  private final CopyLookup copies;
  private final Map<RecordRef, PendingCreate> pending;
  private final Set<RecordRef> unsettled;
  private final View<S, T> synergyView;
  private final View<T, S> tinyPlusView;

  UnlinkedRecords(Run run, TypeBinding<S, T> binding, List<FieldRule<S, T>> rules, PairLinker<S, T> linker,
      PairWriter<S, T> writer, Quarantine<S, T> quarantine, OpenCreates creates, NaturalKeyIndex<S, T> keys,
      Mode mode) {
    this.run = run;
    this.binding = binding;
    this.type = binding.type();
    this.rules = rules;
    this.linker = linker;
    this.writer = writer;
    this.quarantine = quarantine;
    this.keyMatchWinner = mode.keyMatchWinner();
    this.copies = new CopyLookup(keys, mode.transferring());
    this.pending = creates.pending;
    this.unsettled = creates.unsettled;
    this.synergyView = new SynergyView();
    this.tinyPlusView = new TinyPlusView();
  }

  /** The Synergy records, as the source of copies. */
  View<S, T> synergy() {
    return synergyView;
  }

  /** The tiny+ records, as the source of copies. */
  View<T, S> tinyPlus() {
    return tinyPlusView;
  }

  /** Whether a record's create is open (its outcome unknown). */
  boolean createOpen(RecordRef source) {
    return pending.containsKey(source);
  }

  /**
   * A new or unlinked record of either side: find its copy by marker (or by natural key), else create it.
   *
   * @param source the record's side
   * @param record the record
   * @param naturalMatch finds a record on the other side by natural key, or null to create without matching
   * @throws SkipRecordException when the record must wait (its earlier create is not settled) or cannot be linked
   */
  <R, O> PairResult unlinked(View<R, O> source, R record, Function<R, O> naturalMatch) {
    long id = source.records.id(record);
    Side side = source.side;
    if (pending.containsKey(new RecordRef(side, id))) {
      // an earlier create's outcome is not known yet: never a second one; the record waits in quarantine (so the
      // cursor passing it does not lose it) until the intent is settled
      throw new SkipRecordException(WAITING_FOR_CREATE);
    }
    Long claimed = source.records.markedPartner(record);
    if (claimed != null) {
      return linkToOriginal(source, record, claimed);
    }
    if (source.heldBack(record)) {
      // not synced to Synergy while its status is locked: not looked up there either (a look-up is a Synergy list
      // call); it is matched or created when it moves to an unlocked status. Left out (excluded) meanwhile, so that
      // the connection's health counts it, and an unchanged one waits for its retry instead of every cycle's look
      throw new SkipRecordException(LOCKED_STATUS);
    }
    CopyLookup.Copy<O> copy = copies.of(source.side, id, source.others);
    if (copy == null && unsettled.contains(new RecordRef(side, id))) {
      throw new SkipRecordException(WAITING_FOR_CREATE); // its copy may exist, not listed yet: never a second one
    }
    if (copy != null && copy.record() == null) {
      // the copy was deleted before it was linked: link it orphaned, never make another
      source.orphaned(id, copy.id(), Flow.into(side.other()), "its " + name(side.other()) + " copy was deleted");
      return PairResult.DONE;
    }
    O match = copy == null ? null : copy.record();
    Side winner = side;
    if (match == null && naturalMatch != null) {
      match = naturalMatch.apply(record);
      winner = keyMatchWinner;
    }
    if (match != null) {
      return source.link(record, match, winner, RecordOutcome.LINKED, Flow.into(side.other()), Map.of());
    }
    return create(source, record);
  }

  /**
   * For a record left out (excluded) and now tried again: throws its skip again when a copy of it would still be left
   * out (a contact whose company is not synced, a project without a client), before any look-up of the other side
   * is paid for (a marker search, a listing for its natural key). A retry then costs the read of the record itself.
   * A record whose copy may already exist (a marker, an open create) or that is held back is left to the full path.
   *
   * @throws SkipRecordException when the record is still to be left out
   */
  <R, O> void checkStillExcluded(View<R, O> source, R record) {
    long id = source.records.id(record);
    if (pending.containsKey(new RecordRef(source.side, id)) || unsettled.contains(new RecordRef(source.side, id))
        || source.records.markedPartner(record) != null || source.heldBack(record)) {
      return;
    }
    Side target = source.side.other();
    MemberValues<O> members = MemberValues.create();
    for (FieldRule<S, T> rule : rules) {
      if (PairLinker.writtenOnCreate(rule, target)) {
        source.writeOther(rule, source.read(rule, record), members);
      }
    }
  }

  /** Links the copy of a record whose link was never saved (a create whose answer was lost, or a crash). */
  private <R, O> PairResult linkToOriginal(View<R, O> copy, R record, long originalId) {
    Side originalSide = copy.side.other();
    if (pending.containsKey(new RecordRef(originalSide, originalId))) {
      return PairResult.DONE;
    }
    alreadyLinked(originalSide, originalId);
    long id = copy.records.id(record);
    String gone = "the " + name(originalSide) + " record it was copied from was deleted";
    O original;
    try {
      original = copy.others.get(originalId);
    } catch (RemoteFailure e) {
      if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
        throw e;
      }
      copy.orphaned(id, originalId, Flow.into(copy.side), gone);
      return PairResult.DONE;
    }
    if (copy.others.deleted(original)) {
      copy.orphaned(id, originalId, Flow.into(copy.side), gone);
      return PairResult.DONE;
    }
    return copy.link(record, original, originalSide, RecordOutcome.LINKED, Flow.into(copy.side), Map.of());
  }

  /** Creates a record's copy on the other side under a saved intent, and links the two. */
  private <R, O> PairResult create(View<R, O> source, R record) {
    long id = source.records.id(record);
    Side target = source.side.other();
    Supplier<MemberValues<O>> build = () -> {
      MemberValues<O> members = MemberValues.create();
      for (FieldRule<S, T> rule : rules) {
        if (PairLinker.writtenOnCreate(rule, target)) {
          source.writeOther(rule, source.read(rule, record), members);
        }
      }
      return source.forCreate(members.withoutClears());
    };
    MemberValues<O> members = build.get();
    Map<String, String> sent = new HashMap<>();
    for (FieldRule<S, T> rule : rules) {
      if (PairLinker.writtenOnCreate(rule, target)) {
        PairLinker.put(sent, rule.name(), source.read(rule, record));
      }
    }
    PendingCreate intent = PendingCreate.builder().recordType(type).target(target).sourceId(id)
        .marker(source.marker(id)).sent(SentValues.of(sent).encode()).createdAt(run.now()).build();
    O created = create(intent, () -> writer.send(target, members, m -> source.others.create(m, id), build));
    PairResult result = linkUnderIntent(source, intent, record, created, RecordOutcome.CREATED);
    return result == null ? PairResult.DONE : result;
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
        pending.put(RecordRef.sourceOf(intent), intent);
      }
      throw e;
    } catch (SkipRecordException e) {
      run.store.completePendingCreate(run.lease(), intent);
      throw e;
    }
  }

  /**
   * Links a copy with its original under the intent of its create. The intent is completed once the link is saved,
   * even when a write of the pair failed after that (the change waits in quarantine), so that a later run never links
   * the pair anew from an empty merge base; a pair a retry has linked since only completes the intent.
   *
   * @return what was left undone of the pair, or null when a retry had linked it already
   */
  private <R, O> PairResult linkUnderIntent(View<R, O> source, PendingCreate intent, R original, O copy,
      RecordOutcome outcome) {
    if (source.linked(original, copy)) {
      run.store.completePendingCreate(run.lease(), intent);
      return null;
    }
    PairResult result = source.link(original, copy, source.side, outcome, Flow.into(source.side.other()),
        SentValues.decode(intent.sent()).values());
    if (result.complete() || source.linked(original, copy)) {
      run.store.completePendingCreate(run.lease(), intent);
    }
    return result;
  }

  /** A record a marker names must not be linked to another record already: that link would be lost. */
  private void alreadyLinked(Side side, long id) {
    Link existing = run.linkOf(type, side, id);
    if (existing != null) {
      throw new SkipRecordException("it is marked as the copy of " + name(side) + " record " + id + ", which is"
          + " already linked to " + name(side.other()) + " record " + Quarantine.idOn(existing, side.other())
          + ": link or merge them by hand");
    }
  }

  /**
   * Reads the creates left open (their outcome unknown) into this sync of one record: a record whose create may have
   * been made already waits for the cycle that settles it, and is never created a second time.
   */
  void openIntents() {
    for (PendingCreate intent : run.store.pendingCreates(run.connectionId(), type)) {
      pending.putIfAbsent(RecordRef.sourceOf(intent), intent);
    }
  }

  /**
   * Settles the creates an earlier run left open: a record found by its marker is linked; an intent older than
   * the list lag with nothing found never made a record and is dropped (its source is created again later).
   */
  void reconcilePendingCreates() {
    for (PendingCreate intent : run.store.pendingCreates(run.connectionId(), type)) {
      Side source = intent.target().other();
      quarantine.guarded(source, intent.sourceId(), null, false, () -> {
        try {
          return source == Side.SYNERGY ? reconcile(intent, synergyView) : reconcile(intent, tinyPlusView);
        } catch (RemoteFailure e) {
          if (e.kind() != RemoteFailure.Kind.NOT_FOUND || e.side() != source) {
            // not settled: its copy may exist, so its source is not matched by key to another record this run
            unsettled.add(RecordRef.sourceOf(intent));
            throw e;
          }
          run.store.completePendingCreate(run.lease(), intent); // the source is gone: nothing left to copy
          return PairResult.DONE;
        }
      });
    }
  }

  private <R, O> PairResult reconcile(PendingCreate intent, View<R, O> source) {
    long sourceId = intent.sourceId();
    if (run.linkOf(type, source.side, sourceId) != null) {
      // the copy was linked already (by its marker, or before a write after the link failed): linking it again
      // would align the pair afresh and lose what changed since on either side
      run.store.completePendingCreate(run.lease(), intent);
      return PairResult.DONE;
    }
    List<O> found = source.others.findByPartner(sourceId);
    if (!found.isEmpty()) {
      O copy = found.get(0);
      long copyId = source.others.id(copy);
      Flow flow = Flow.into(source.side.other());
      if (source.others.deleted(copy)) {
        source.records.get(sourceId); // a source gone (404) completes the intent instead
        source.orphaned(sourceId, copyId, flow, "its " + name(source.side.other()) + " copy was deleted");
        run.store.completePendingCreate(run.lease(), intent);
        run.store.clearFailure(run.lease(), type, source.side, sourceId);
        return PairResult.DONE;
      }
      R original = originalOf(source.records, sourceId);
      if (original == null || source.records.deleted(original)) {
        // the copy was made, then the original deleted: linked as orphaned, so the copy is never sent back
        source.orphaned(sourceId, copyId, flow, "the " + name(source.side) + " record it was copied from was deleted");
        run.store.completePendingCreate(run.lease(), intent);
        return PairResult.DONE;
      }
      PairResult result = linkUnderIntent(source, intent, original, copy, RecordOutcome.LINKED);
      if (result == null) {
        return PairResult.DONE;
      }
      if (result.complete()) {
        run.store.clearFailure(run.lease(), type, source.side, sourceId);
      }
      return result;
    }
    if (Duration.between(intent.createdAt(), run.now()).compareTo(run.settings.lookback()) > 0) {
      run.store.completePendingCreate(run.lease(), intent);
    } else {
      pending.put(RecordRef.sourceOf(intent), intent);
    }
    return PairResult.DONE;
  }

  /** The original of a copy, or null when it was deleted (404). */
  private static <R> R originalOf(SideAccess<R> records, long id) {
    try {
      return records.get(id);
    } catch (RemoteFailure e) {
      if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
        throw e;
      }
      return null;
    }
  }

  private static String name(Side side) {
    return side == Side.SYNERGY ? "Synergy" : "tiny+";
  }

  /**
   * One side's records as the source of copies, with the other side's as their targets: what lets one path serve
   * both directions.
   *
   * @param <R> this side's record type
   * @param <O> the other side's record type
   */
  abstract class View<R, O> {
    final Side side;
    final SideAccess<R> records;
    final SideAccess<O> others;

    View(Side side, SideAccess<R> records, SideAccess<O> others) {
      this.side = side;
      this.records = records;
      this.others = others;
    }

    /** A rule's value on a record of this side. */
    abstract String read(FieldRule<S, T> rule, R record);

    /** Writes a rule's value into a request to the other side. */
    abstract void writeOther(FieldRule<S, T> rule, String value, MemberValues<O> members);

    /** A create's members with what it carries besides the rules' (the fields tiny+ must lock). */
    abstract MemberValues<O> forCreate(MemberValues<O> members);

    /** The marker a copy of a record of this side carries. */
    abstract String marker(long id);

    /** Whether a record's changes are held back (not sent to the other side for now). */
    abstract boolean heldBack(R record);

    abstract PairResult link(R record, O other, Side winner, RecordOutcome outcome, Flow flow,
        Map<String, String> sent);

    abstract void orphaned(long id, long otherId, Flow flow, String reason);

    abstract boolean linked(R record, O other);
  }

  private final class SynergyView extends View<S, T> {
    SynergyView() {
      super(Side.SYNERGY, binding.synergy(), binding.tinyPlus());
    }

    @Override
    String read(FieldRule<S, T> rule, S record) {
      return rule.readSynergy(record, run);
    }

    @Override
    void writeOther(FieldRule<S, T> rule, String value, MemberValues<T> members) {
      try {
        rule.writeTinyPlus(value, members, run);
      } catch (InvalidValueException e) {
        throw RemoteFailure.refused(Side.TINYPLUS, e);
      }
    }

    @Override
    MemberValues<T> forCreate(MemberValues<T> members) {
      return members.set(TinyPlusMembers.LOCKED_FIELDS, binding.mapping().lockedTinyPlusFields());
    }

    @Override
    String marker(long id) {
      return Long.toString(id);
    }

    @Override
    boolean heldBack(S record) {
      return false;
    }

    @Override
    PairResult link(S s, T t, Side winner, RecordOutcome outcome, Flow flow, Map<String, String> sent) {
      return linker.link(s, t, winner, outcome, flow, sent);
    }

    @Override
    void orphaned(long id, long otherId, Flow flow, String reason) {
      linker.orphaned(id, otherId, flow, reason);
    }

    @Override
    boolean linked(S s, T t) {
      return linker.linked(records.id(s), others.id(t));
    }
  }

  private final class TinyPlusView extends View<T, S> {
    TinyPlusView() {
      super(Side.TINYPLUS, binding.tinyPlus(), binding.synergy());
    }

    @Override
    String read(FieldRule<S, T> rule, T record) {
      return rule.readTinyPlus(record, run);
    }

    @Override
    void writeOther(FieldRule<S, T> rule, String value, MemberValues<S> members) {
      try {
        rule.writeSynergy(value, members, run);
      } catch (InvalidValueException e) {
        throw RemoteFailure.refused(Side.SYNERGY, e);
      }
    }

    @Override
    MemberValues<S> forCreate(MemberValues<S> members) {
      return members;
    }

    @Override
    String marker(long id) {
      return SynergySides.marker(id);
    }

    @Override
    boolean heldBack(T record) {
      return binding.heldBack().test(record);
    }

    @Override
    PairResult link(T t, S s, Side winner, RecordOutcome outcome, Flow flow, Map<String, String> sent) {
      return linker.link(s, t, winner, outcome, flow, sent);
    }

    @Override
    void orphaned(long id, long otherId, Flow flow, String reason) {
      linker.orphaned(otherId, id, flow, reason);
    }

    @Override
    boolean linked(T t, S s) {
      return linker.linked(others.id(s), records.id(t));
    }
  }
}
