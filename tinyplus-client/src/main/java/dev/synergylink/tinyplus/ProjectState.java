package dev.synergylink.tinyplus;

/** One of the six fixed project states of the tiny+ pipeline; every project phase belongs to one. */
public enum ProjectState {
  /** {@code proposed}. */
  PROPOSED("proposed"),
  /** {@code won}. */
  WON("won"),
  /** {@code active}. */
  ACTIVE("active"),
  /** {@code completed}. */
  COMPLETED("completed"),
  /** {@code lost}. */
  LOST("lost"),
  /** {@code cancelled}. */
  CANCELLED("cancelled"),
  /** A value this client does not know; never sent. */
  UNKNOWN("unknown");

  private final String wireName;

  ProjectState(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value as the API spells it.
   *
   * @return e.g. {@code "won"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The constant for an API value; {@link #UNKNOWN} for a value this client does not know (never null).
   *
   * @param wireName the API's value, e.g. {@code "won"}; null gives {@link #UNKNOWN}
   * @return the constant
   */
  public static ProjectState fromWireName(String wireName) {
    return WireNames.parse(values(), wireName, ProjectState::wireName, UNKNOWN);
  }
}
