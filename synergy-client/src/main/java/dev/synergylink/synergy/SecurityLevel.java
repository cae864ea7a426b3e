package dev.synergylink.synergy;

/**
 * The security level of a Synergy staff member, which decides what the API lets that user do.
 * A value this client does not know yet reads as {@link #UNKNOWN} instead of failing.
 */
public enum SecurityLevel {
  /** May do everything, including connecting integrations. */
  ADMINISTRATOR("Administrator"),
  /** Manages projects and contacts. */
  MANAGER("Manager"),
  /** An ordinary user. */
  STANDARD("Standard"),
  /** Sees only what is shared with them. */
  RESTRICTED("Restricted"),
  /** A level the server sent that this version of the client does not know. */
  UNKNOWN(null);

  private final String wireName;

  SecurityLevel(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name the API uses for this level.
   *
   * @return the contract's name, such as {@code "Administrator"}; {@code null} for {@link #UNKNOWN}
   */
  public @Nullable String wireName() {
    return wireName;
  }

  /**
   * The level the API calls {@code name}.
   *
   * @param name the contract's name, such as {@code "Manager"}; may be {@code null}
   * @return the matching level, or {@link #UNKNOWN} when the name is {@code null} or not known
   */
  public static SecurityLevel fromWireName(@Nullable String name) {
    return WireNames.lookup(values(), SecurityLevel::wireName, name, UNKNOWN);
  }
}
