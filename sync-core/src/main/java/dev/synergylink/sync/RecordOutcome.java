package dev.synergylink.sync;

/** What a run did with one record. */
public enum RecordOutcome {
  /** A new record was created on the other side and linked. */
  CREATED,
  /** An existing record on the other side was found (by marker or natural key) and linked. */
  LINKED,
  /** The other side was patched with the changed fields. */
  UPDATED,
  /** Nothing to write: an echo of the engine's own write, or a no-op edit. */
  UNCHANGED,
  /** Not sent, for a reason a person can act on. */
  SKIPPED,
  /** The write failed; the record is quarantined and retried later. */
  FAILED,
  /** One of a linked pair was deleted: the link is marked orphaned and nothing is recreated or deleted. */
  ORPHANED
}
