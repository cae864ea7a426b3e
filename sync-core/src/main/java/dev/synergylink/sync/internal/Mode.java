package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;

/** What a sync of one record type does, fixed when its stages are made. */
enum Mode {
  /** The incremental cycle, both directions; a pair matched by key has no winner (the policy settles each field). */
  CYCLE(null),
  /** "Download all": every Synergy record to tiny+, Synergy's values winning a match by key. */
  DOWNLOAD_ALL(Side.SYNERGY),
  /** "Upload all": every tiny+ record to Synergy, tiny+'s values winning a match by key. */
  UPLOAD_ALL(Side.TINYPLUS);

  private final Side from;

  Mode(Side from) {
    this.from = from;
  }

  /**
   * The transfer from a side.
   *
   * @param from the side the records come from
   * @return the mode
   */
  static Mode transferFrom(Side from) {
    return from == Side.SYNERGY ? DOWNLOAD_ALL : UPLOAD_ALL;
  }

  /** Whether one side is listed alone, so that the other is read before a write over it. */
  boolean transferring() {
    return from != null;
  }

  /** The side whose values win a match by natural key, or null in the cycle. */
  Side keyMatchWinner() {
    return from;
  }
}
