package dev.synergylink.sync;

/** Which way a change travelled: the direction of a write, as reports count it. */
public enum Flow {
  /** Read from Synergy, written to tiny+. */
  SYNERGY_TO_TINYPLUS(Side.SYNERGY, Side.TINYPLUS),
  /** Read from tiny+, written to Synergy. */
  TINYPLUS_TO_SYNERGY(Side.TINYPLUS, Side.SYNERGY);

  private final Side source;
  private final Side target;

  Flow(Side source, Side target) {
    this.source = source;
    this.target = target;
  }

  /**
   * The system the change came from.
   *
   * @return the source side
   */
  public Side source() {
    return source;
  }

  /**
   * The system the change is written to.
   *
   * @return the target side
   */
  public Side target() {
    return target;
  }

  /**
   * The flow that writes to {@code target}.
   *
   * @param target the side written to
   * @return the flow
   */
  public static Flow into(Side target) {
    return target == Side.TINYPLUS ? SYNERGY_TO_TINYPLUS : TINYPLUS_TO_SYNERGY;
  }
}
