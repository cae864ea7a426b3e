package dev.synergylink.tinyplus;

/**
 * The {@code record_status} of a team member. Only {@link #GHOST} members can be created through the API
 * (active members are invited from the tiny+ app); a PATCH may set {@link #GHOST} or {@link #DEACTIVATED}.
 */
public enum TeamMemberStatus {
  /** {@code active}: a member who can log in. */
  ACTIVE("active"),
  /** {@code ghost}: cannot log in and costs nothing; the only status the API can create. */
  GHOST("ghost"),
  /** {@code deactivated}. */
  DEACTIVATED("deactivated"),
  /** A value this client does not know; never sent. */
  UNKNOWN("unknown");

  private final String wireName;

  TeamMemberStatus(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value as the API spells it.
   *
   * @return e.g. {@code "ghost"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The constant for an API value; {@link #UNKNOWN} for a value this client does not know (never null).
   *
   * @param wireName the API's value, e.g. {@code "ghost"}; null gives {@link #UNKNOWN}
   * @return the constant
   */
  public static TeamMemberStatus fromWireName(String wireName) {
    return WireNames.parse(values(), wireName, TeamMemberStatus::wireName, UNKNOWN);
  }
}
