package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import java.util.List;

/**
 * Finds the copy that the engine's marker says a record has on the other side (made by a run whose link was lost).
 * The cycle looks each new record's copy up (one list call: it meets few new records); a transfer takes it from its
 * one listing of the other side ({@link NaturalKeyIndex}) and reads by id only a live copy found there (rare). Not
 * thread-safe.
 */
final class CopyLookup {
  /**
   * A record's copy.
   *
   * @param <O> the copy's record type
   * @param id the copy's id
   * @param record the copy, or null when it was deleted
   */
  record Copy<O>(long id, O record) {}

  private final NaturalKeyIndex<?, ?> keys;
  private final boolean listed;

  /**
   * A look-up.
   *
   * @param keys the other side's listing, which a transfer takes copies from
   * @param listed whether copies are taken from that listing (a transfer) rather than looked up one by one
   */
  CopyLookup(NaturalKeyIndex<?, ?> keys, boolean listed) {
    this.keys = keys;
    this.listed = listed;
  }

  /**
   * The copy of a record.
   *
   * @param side the record's side
   * @param id the record's id
   * @param others the other side
   * @return the copy, or null when there is none
   */
  <O> Copy<O> of(Side side, long id, SideAccess<O> others) {
    if (!listed) {
      List<O> found = others.findByPartner(id);
      if (found.isEmpty()) {
        return null;
      }
      O first = found.get(0);
      return new Copy<>(others.id(first), others.deleted(first) ? null : first);
    }
    NaturalKeyIndex.ListedCopy copy = side == Side.SYNERGY ? keys.copyOfSynergy(id) : keys.copyOfTinyPlus(id);
    if (copy == null) {
      return null;
    }
    if (copy.deleted()) {
      return new Copy<>(copy.id(), null);
    }
    try {
      O record = others.get(copy.id());
      return new Copy<>(copy.id(), others.deleted(record) ? null : record);
    } catch (RemoteFailure e) {
      if (e.kind() != RemoteFailure.Kind.NOT_FOUND) {
        throw e;
      }
      return new Copy<>(copy.id(), null); // deleted since it was listed (Synergy answers 404)
    }
  }
}
