package dev.synergylink.sync;

/** One of the two systems a connection keeps in sync. */
public enum Side {
  /** Total Synergy. */
  SYNERGY,
  /** tiny+. */
  TINYPLUS;

  /**
   * The other system.
   *
   * @return {@link #TINYPLUS} for {@link #SYNERGY} and the other way round
   */
  public Side other() {
    return this == SYNERGY ? TINYPLUS : SYNERGY;
  }
}
