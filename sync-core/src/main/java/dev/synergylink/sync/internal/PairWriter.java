package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.internal.state.SentWrite;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.tinyplus.SyncedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes a pair's merge plan: one PATCH to each side at the most, with only the changed fields, and settles the
 * link's state from what each write answered. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class PairWriter<S, T extends SyncedRecord> {
  private final Run run;
  private final TypeBinding<S, T> binding;
  private final RecordType type;
  private final SideAccess<S> synergy;
  private final SideAccess<T> tinyPlus;
  private final List<FieldRule<S, T>> rules;
  private final List<String> locked;
  private final PairSender<S, T> sender;

  PairWriter(Run run, TypeBinding<S, T> binding, List<FieldRule<S, T>> rules) {
    this.run = run;
    this.binding = binding;
    this.type = binding.type();
    this.synergy = binding.synergy();
    this.tinyPlus = binding.tinyPlus();
    this.rules = rules;
    this.locked = binding.mapping().lockedTinyPlusFields();
    this.sender = new PairSender<>(run, binding, this);
  }

  /**
   * Sends one write, orphaning the links of records it names that are gone (see {@link PairSender#send}).
   *
   * @return the call's answer, or null when the write built again has nothing left to send
   */
  <R> R send(Side target, MemberValues<R> members, Function<MemberValues<R>, R> call,
      Supplier<MemberValues<R>> rebuild) {
    return sender.send(target, members, call, rebuild);
  }

  /** A field's merge state, as the pair's link keeps it, the link's state decoded once for all its fields. */
  FieldState fieldOf(Link link, FieldRule<?, ?> rule) {
    return stateOf(link).field(rule.name());
  }

  /** A pair's merge state, decoded once for the pair's checks, merge and write (see {@link Run#pairState}). */
  PairState stateOf(Link link) {
    return run.pairState(link);
  }

  static final class Written {
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
  Written apply(Link link, S s, T t, WritePlan<S, T> plan) {
    // Neither API checks a fencing token: make sure the lease is still ours (renewing it if it runs low, which
    // fails when another engine has taken the connection over) before writing anything.
    run.checkpoint();
    Application write = new Application(link, s, t, plan);
    write.rememberSending();
    try {
      if (!write.toTinyPlus() || !write.toSynergy()) {
        return null;
      }
    } catch (RemoteFailure e) {
      write.forgetStopped(e);
      throw e;
    }
    write.keepApartAndSkipped();
    boolean forgot = write.forgetRefused();
    if (write.wrote || write.written.failures.isEmpty()) {
      // a pair seen again with nothing new (our own write listed back, a lookback's re-read) keeps its link as it is
      Link current = write.current();
      if (write.wrote || !Link.builder().from(current).syncedAt(link.syncedAt()).build().equals(link)) {
        run.saveLink(current);
      }
      write.written.saved = true;
    } else {
      // nothing was written: the link is as it was, the values sent in the refused writes marked missed, and with the
      // fields both records were seen to hold alike taken as agreed (see agreeWhereAlike)
      Map<String, FieldState> fields = AlikeFields.settledAlike(rules, plan, plan.base.fields());
      if (forgot || !fields.equals(plan.base.fields())) {
        run.saveLink(Link.builder().from(link).state(PairState.of(fields, write.sent).encode()).build());
      }
    }
    return write.written;
  }

  /**
   * After a pair's sync failed before its merge (a read failed): each field both records in hand hold alike becomes
   * what the sides agree on (see {@link AlikeFields}).
   */
  void agreeWhereAlike(Link link, S s, T t) {
    if (binding.heldBack().test(t)) {
      return;
    }
    PairState state = stateOf(link);
    Map<String, FieldState> fields = AlikeFields.agreedWhereAlike(rules, run, state, s, t);
    if (!fields.equals(state.fields())) {
      run.saveLink(Link.builder().from(link).state(PairState.of(fields, state.sent()).encode()).build());
    }
  }

  /** One application of a plan to a pair: the state it settles as its writes answer. */
  private final class Application {
    final Link link;
    final S s;
    final T t;
    final WritePlan<S, T> plan;
    final Written written = new Written();
    final Map<String, FieldState> snapshot;
    /** The values sent and not yet answered: the state keeps them until each write's answer is saved. */
    final Map<String, SentWrite> sent;
    /** The link as last saved in this application, and its fields; null before anything was saved. */
    Link saved;
    Map<String, FieldState> savedFields;
    /**
     * The link as settled so far, but for its state while {@link #stateChanged}: the state is encoded when the link is
     * next needed ({@link #current()}), not at each step, encoding being much of a pair's cost.
     */
    private Link current;
    private boolean stateChanged;
    /** Whether {@link #sent} holds the values to be sent to Synergy. */
    private boolean synergySending;
    boolean wrote;

    Application(Link link, S s, T t, WritePlan<S, T> plan) {
      this.link = link;
      this.s = s;
      this.t = t;
      this.plan = plan;
      // sorted as the state's own maps: the state is copied from them, and they from it, in one pass
      snapshot = new TreeMap<>(plan.base.fields());
      plan.settled.forEach((rule, state) -> {
        if (plan.base.field(rule) != state) { // most are the base's own: already there
          snapshot.put(rule, state);
        }
      });
      sent = new TreeMap<>(plan.base.sent());
      stateChanged = true;
      current = Link.builder().from(link)
          .synergyModified(later(link.synergyModified(), s == null ? null : synergy.modified(s)))
          .tinyPlusModified(later(link.tinyPlusModified(), t == null ? null : tinyPlus.modified(t)))
          .syncedAt(run.now())
          .build();
    }

    /**
     * Saves the values about to be sent in the pair's state, beside its unchanged base: a run that stops after a write
     * lands and before its answer is saved leaves them for the next merge to settle (see {@link SentWrite}).
     */
    void rememberSending() {
      Instant at = run.now();
      Instant tinyPlusSeen = t != null ? tinyPlus.modified(t) : link.tinyPlusModified();
      plan.toTinyPlus.forEach((rule, value) -> sent.put(rule.name(),
          new SentWrite(Side.TINYPLUS, value, tinyPlusSeen, at)));
      if (plan.toTinyPlus.isEmpty()) {
        rememberSendingToSynergy();
      }
      savedFields = plan.base.fields();
      if (!sent.equals(plan.base.sent())) {
        saved = Link.builder().from(link).state(PairState.encode(savedFields, sent)).build();
        run.saveLink(saved);
      }
      stateChanged = true;
    }

    /**
     * Adds the values about to be sent to Synergy to the values sent. The tiny+ write goes first, and the Synergy
     * values are saved only after it (with its answer, or before the Synergy write when it had none): a state that
     * still holds a tiny+ write unanswered then says for certain that the Synergy write was never sent, and a person's
     * edit of Synergy to the very value it was to send is that person's change, not the engine's write.
     */
    private void rememberSendingToSynergy() {
      if (synergySending) {
        return;
      }
      synergySending = true;
      Instant at = run.now();
      Instant synergySeen = s != null ? synergy.modified(s) : link.synergyModified();
      plan.toSynergy.forEach((rule, value) -> sent.put(rule.name(),
          new SentWrite(Side.SYNERGY, value, synergySeen, at)));
      stateChanged = true;
    }

    /** Saves the values about to be sent to Synergy, unless the link as last saved holds them already. */
    private void saveSendingToSynergy() {
      if (plan.toSynergy.isEmpty() || synergySending) {
        return;
      }
      rememberSendingToSynergy();
      saved = Link.builder().from(saved != null ? saved : link).state(PairState.encode(savedFields, sent)).build();
      run.saveLink(saved);
    }

    /**
     * Marks the values sent in a write that certainly did not land (the system answered with a refusal or an error,
     * or a field rule refused the value) as missed: only a write whose answer was lost on the way may have landed. They
     * stay until both records are read again, so that the source's edit back to the old base since is a change.
     *
     * @return whether any was marked
     */
    boolean forgetRefused() {
      boolean forgot = false;
      for (Map.Entry<Side, RemoteFailure> failure : written.failures.entrySet()) {
        forgot |= forgetSentTo(failure.getKey().other(), failure.getValue());
      }
      if (forgot) {
        stateChanged = true;
      }
      return forgot;
    }

    /**
     * After a failure that stops the run: the values of a write that certainly did not land are marked missed in the
     * link as last saved, so that the next run does not take them for a write whose answer was lost; and the fields
     * both records hold alike are agreed on, as when a write fails without stopping the run.
     */
    void forgetStopped(RemoteFailure failure) {
      boolean marked = forgetSentTo(failure.side(), failure);
      Map<String, FieldState> fields = AlikeFields.settledAlike(rules, plan, savedFields);
      if (marked || !fields.equals(savedFields)) {
        run.saveLink(Link.builder().from(saved != null ? saved : link).state(PairState.of(fields, sent).encode())
            .build());
      }
    }

    /** Marks the values sent to {@code target} missed unless its failed write may have landed; whether any were. */
    private boolean forgetSentTo(Side target, RemoteFailure failure) {
      if (failure.mayHaveLanded()) {
        return false;
      }
      boolean marked = false;
      for (Map.Entry<String, SentWrite> write : sent.entrySet()) {
        if (write.getValue().target() == target && !write.getValue().missed()) {
          write.setValue(write.getValue().asMissed());
          marked = true;
        }
      }
      return marked;
    }

    /** The link as settled so far, its state encoded from the snapshot and the values sent. */
    Link current() {
      if (stateChanged) {
        current = Link.builder().from(current).state(encoded()).build();
        stateChanged = false;
      }
      return current;
    }

    /** The state as settled so far, with the values still waiting for an answer. */
    dev.synergylink.sync.spi.EncodedState encoded() {
      return PairState.encode(snapshot, sent);
    }

    /** Sends the tiny+ write; false when the link was orphaned. */
    boolean toTinyPlus() {
      // One side's refused or failed write does not hold the other side's change back: it is kept in written.failures
      // (its fields keep their merge base, so that it is sent again when its record is retried) and the other write is
      // still sent.
      boolean markers = t != null && !TinyPlusSides.markedAs(t, link.synergyId(), run.settings.syncOrigin(), locked);
      Supplier<MemberValues<T>> tinyPlusMembers = () -> {
        MemberValues<T> m = WriteMembers.toTinyPlus(plan.toTinyPlus, written, run);
        if (markers) {
          m.setAll(TinyPlusSides.markers(link.synergyId(), run.settings.syncOrigin(), locked));
        }
        return m;
      };
      T tinyPlusAfter = sender.sendPairWrite(Side.TINYPLUS, () -> link, written, tinyPlusMembers,
          m -> tinyPlus.patch(link.tinyPlusId(), m), () -> {
            WriteMembers.reread(plan.toTinyPlus, plan.copyValues().synergyValues,
                s == null ? null : rule -> rule.readSynergy(s, run));
            return tinyPlusMembers.get();
          });
      if (written.orphaned) {
        return false;
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
          orphan(link, Flow.SYNERGY_TO_TINYPLUS, Side.TINYPLUS);
          return false;
        }
        settleTinyPlus(after);
        stateChanged = true;
        current = Link.builder().from(current).tinyPlusModified(tinyPlus.modified(after)).build();
        wrote = true;
        if (!plan.toSynergy.isEmpty()) {
          rememberSendingToSynergy();
          run.saveLink(current()); // remembered even if the Synergy write below fails
          saved = current();
          savedFields = new TreeMap<>(snapshot);
        }
      }
      return true;
    }

    /** Settles each field written to tiny+ from what tiny+ answered it holds. */
    private void settleTinyPlus(T after) {
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
      plan.toTinyPlus.keySet().forEach(rule -> sent.remove(rule.name()));
    }

    /** Sends the Synergy write; false when the link was orphaned. */
    boolean toSynergy() {
      saveSendingToSynergy();
      S synergyAfter = sender.sendPairWrite(Side.SYNERGY, this::current, written,
          () -> WriteMembers.toSynergy(plan.toSynergy, written, run),
          m -> synergy.patch(link.synergyId(), m), () -> {
            WriteMembers.reread(plan.toSynergy, plan.copyValues().tinyPlusValues,
                t == null ? null : rule -> rule.readTinyPlus(t, run));
            return WriteMembers.toSynergy(plan.toSynergy, written, run);
          });
      if (written.orphaned) {
        return false;
      }
      if (synergyAfter != null) {
        settleSynergy(synergyAfter);
        stateChanged = true;
        current = Link.builder().from(current).synergyModified(synergy.modified(synergyAfter)).build();
        wrote = true;
      }
      return true;
    }

    /**
     * Settles each field written to Synergy from what Synergy answered it holds. A value other than the one sent is a
     * stand-in the writer wrote (the activating user's staff member for an assignee linked with none): the field stays
     * apart, as in {@link #settleTinyPlus}, so that the tiny+ value is neither sent again nor the stand-in read back
     * as a Synergy change at the next sight of either record.
     */
    private void settleSynergy(S after) {
      for (FieldRule<S, T> rule : plan.toSynergy.keySet()) {
        String kept = rule.readSynergy(after, run);
        String sentValue = plan.toSynergy.get(rule);
        written.synergyFields.add(rule.name());
        sent.remove(rule.name());
        snapshot.put(rule.name(), Objects.equals(rule.normalise(kept), rule.normalise(sentValue))
            ? FieldState.agreed(kept) : FieldState.apart(rule::normalise, kept, kept, sentValue));
      }
    }

    void keepApartAndSkipped() {
      written.leftApart.keySet().forEach(rule -> sent.remove(rule.name()));
      written.skipped.keySet().forEach(rule -> sent.remove(rule.name()));
      stateChanged = true;
      if (!written.leftApart.isEmpty()) {
        // A field the target could not take (its writer left it as it is and said why) stays apart: the snapshot keeps
        // the target's value as the base and the source's value as the source's own base, so the next cycle sees no
        // change on either side (no read, no write, no second report), while a later change of either side is seen.
        written.leftApart.forEach((rule, target) -> snapshot.put(rule.name(), FieldState.apart(rule::normalise,
            (target == Side.SYNERGY ? plan.synergyValues : plan.tinyPlusValues).get(rule.name()),
            plan.synergyValues.get(rule.name()), plan.tinyPlusValues.get(rule.name()))));
        stateChanged = true;
      }
      if (!written.skipped.isEmpty()) {
        // A change that cannot be sent (a contact's company that is not synced) keeps its merge base, so that it is
        // seen, and sent, again once its reason is gone. But where it won a conflict, the other side's value becomes
        // that side's base: the change still waits, and the conflict is not decided anew (and maybe the other way, by
        // the modified times of later writes) at every cycle until then. A tiny+ change waits held back, a change
        // still whatever value it comes to hold: a later tiny+ edit to the value Synergy held then is an edit too.
        for (Map.Entry<FieldRule<?, ?>, Side> skip : written.skipped.entrySet()) {
          FieldRule<?, ?> rule = skip.getKey();
          Side target = skip.getValue();
          String held = (target == Side.SYNERGY ? plan.synergyValues : plan.tinyPlusValues).get(rule.name());
          FieldState base = plan.base.field(rule.name());
          if (base.changed(target, rule::normalise, held)) {
            snapshot.put(rule.name(), target == Side.SYNERGY ? FieldState.heldBack(base.agreed(), held)
                : FieldState.agreed(held));
          }
        }
        stateChanged = true;
      }
    }
  }

  /** Why tiny+ kept its own value of a field Synergy owns, and what to do. */
  private String notTaken(FieldRule<S, T> rule) {
    String own = binding.notTakenReasons().get(rule.name());
    return own != null ? own : "tiny+ kept its own value of " + rule.tinyPlusField() + ", which Synergy owns; change it"
        + " in tiny+ or in Synergy";
  }

  /** The later of two instants, either of which may be missing (null). */
  static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Marks a pair's link orphaned, one of its records being deleted, and reports it with the partner left as it is. */
  void orphan(Link link, Flow flow, Side deleted) {
    run.saveLink(Link.builder().from(link).orphaned(true).syncedAt(run.now()).build());
    Side kept = deleted.other();
    run.event(Run.eventBuilder(link.recordType(), flow, RecordOutcome.ORPHANED).synergyId(link.synergyId())
        .tinyPlusId(link.tinyPlusId()).deletedSide(deleted)
        .message("the " + name(deleted) + " record was deleted; its " + name(kept) + " partner "
            + (kept == Side.SYNERGY ? link.synergyId() : link.tinyPlusId())
            + " is left as it is (nothing is recreated or deleted) and the link is orphaned")
        .build());
  }

  private static String name(Side side) {
    return side == Side.SYNERGY ? "Synergy" : "tiny+";
  }
}
