package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a pair's writes for {@link PairWriter}: a write refused over a linked record that is gone is sent again
 * without it (the record's link orphaned), a write to a deleted record orphans the pair, and a failed write is kept
 * against the side its change came from. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class PairSender<S, T extends SyncedRecord> {
  private final Run run;
  private final TypeBinding<S, T> binding;
  private final RecordType type;
  private final SideAccess<T> tinyPlus;
  private final PairWriter<S, T> writer;

  PairSender(Run run, TypeBinding<S, T> binding, PairWriter<S, T> writer) {
    this.run = run;
    this.binding = binding;
    this.type = binding.type();
    this.tinyPlus = binding.tinyPlus();
    this.writer = writer;
  }

  /**
   * Sends one of a pair's writes, of the members {@code build} makes (nothing when there are none). A 404 orphans the
   * link ({@code written.orphaned}); a refused or failed write, or a field rule's call failed while building it, is
   * kept in {@code written.failures} against the side its change came from, so that the other write is still sent; a
   * fatal failure stops the run. The pair's link as it stands ({@code pair}) is made only when a failed write calls for
   * it: making it encodes the pair's state.
   *
   * @return the record after the write, or null when nothing was written
   */
  <R> R sendPairWrite(Side target, Supplier<Link> pair, PairWriter.Written written, Supplier<MemberValues<R>> build,
      Function<MemberValues<R>, R> call, Supplier<MemberValues<R>> rebuild) {
    MemberValues<R> members;
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
      Link link = pair.get();
      if (e.kind() == RemoteFailure.Kind.FATAL) {
        throw e;
      }
      if (e.kind() == RemoteFailure.Kind.NOT_FOUND || e.kind() == RemoteFailure.Kind.INVALID
          && target == Side.TINYPLUS && deletedInTinyPlus(link.tinyPlusId())) {
        writer.orphan(link, Flow.into(target), target);
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
  <R> R send(Side target, MemberValues<R> members, Function<MemberValues<R>, R> call,
      Supplier<MemberValues<R>> rebuild) {
    MemberValues<R> sending = members;
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
   * After a refused write: orphans the link of the record the refused member names, when that member is one of the
   * binding's references and the record is gone on the side written to.
   *
   * @return whether a link was orphaned
   */
  private boolean orphanedGoneReference(Side target, RemoteFailure e, MemberValues<?> members) {
    if (e.kind() != RemoteFailure.Kind.INVALID || e.side() != target || e.field() == null) {
      return false;
    }
    for (TypeBinding.Reference reference : binding.references()) {
      Long value = members.get(reference.member());
      if (reference.side() != target || !reference.member().name().equals(e.field()) || value == null) {
        continue;
      }
      long id = value;
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
}
