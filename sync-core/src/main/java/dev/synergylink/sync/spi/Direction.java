package dev.synergylink.sync.spi;

/**
 * Which way a field's changes flow, as the integration guide's arrows say.
 *
 * <p>The owner of a field is the side whose value wins: Synergy for {@link #TO_TINYPLUS} and
 * {@link #SYNERGY_AFTER_CREATE}, tiny+ for {@link #TO_SYNERGY}; {@link #BOTH} has no owner.
 */
public enum Direction {
  /** {@code <>}: changes flow either way; a change on both sides since the last sync is a conflict. */
  BOTH,
  /** {@code >}: Synergy owns it; a tiny+ edit is put back to Synergy's value and the field is locked in tiny+. */
  TO_TINYPLUS,
  /** tiny+ owns it; a Synergy edit is put back to tiny+'s value. None of the guide's fields; available to hosts. */
  TO_SYNERGY,
  /**
   * {@code <>*}: the value may come from tiny+ when the Synergy record is created; after that Synergy owns it and
   * it is locked in tiny+.
   */
  SYNERGY_AFTER_CREATE,
  /** {@code X}: never synced. */
  NONE;

  /**
   * Whether values of this direction are ever written to tiny+.
   *
   * @return true for every direction but {@link #TO_SYNERGY} and {@link #NONE}
   */
  public boolean writesTinyPlus() {
    return this == BOTH || this == TO_TINYPLUS || this == SYNERGY_AFTER_CREATE;
  }

  /**
   * Whether values of this direction are written to Synergy after the Synergy record exists.
   *
   * @return true for {@link #BOTH} and {@link #TO_SYNERGY}
   */
  public boolean writesSynergy() {
    return this == BOTH || this == TO_SYNERGY;
  }

  /**
   * Whether values of this direction go into a Synergy record created from tiny+.
   *
   * @return true for {@link #BOTH}, {@link #TO_SYNERGY} and {@link #SYNERGY_AFTER_CREATE}
   */
  public boolean writesSynergyOnCreate() {
    return writesSynergy() || this == SYNERGY_AFTER_CREATE;
  }

  /**
   * Whether the tiny+ app should show the field read-only (it is Synergy's).
   *
   * @return true for {@link #TO_TINYPLUS} and {@link #SYNERGY_AFTER_CREATE}
   */
  public boolean locksTinyPlus() {
    return this == TO_TINYPLUS || this == SYNERGY_AFTER_CREATE;
  }
}
