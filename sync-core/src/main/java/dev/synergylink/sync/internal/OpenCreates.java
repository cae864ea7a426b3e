package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.PendingCreate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The creates of one record type whose outcome is not known in this run, by the record they copy. Not thread-safe. */
final class OpenCreates {
  /** The creates left open (their outcome unknown). */
  final Map<RecordRef, PendingCreate> pending = new HashMap<>();
  /**
   * The creates left open whose settling failed in this run: the record may still be linked to a copy its marker
   * finds, but is neither matched by key nor created again.
   */
  final Set<RecordRef> unsettled = new HashSet<>();

  /** Whether a record's copy may exist (an open or unsettled create of it). */
  boolean awaiting(RecordRef source) {
    return pending.containsKey(source) || unsettled.contains(source);
  }
}
