package dev.synergylink.synergy;

/**
 * The kind of a Synergy contact. Personnel (people of a company) are a separate resource, see
 * {@link SynergyPersonnel}. A type this client does not know yet reads as {@link #UNKNOWN} instead of failing.
 */
public enum ContactType {
  /** An organisation; the default for a new contact. */
  COMPANY("Company"),
  /** A private person who is a client in their own right. */
  INDIVIDUAL("Individual"),
  /** A type the server sent that this version of the client does not know; never sent to the server. */
  UNKNOWN(null);

  private final String wireName;

  ContactType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name the API uses for this type.
   *
   * @return the contract's name, such as {@code "Company"}; {@code null} for {@link #UNKNOWN}
   */
  public @Nullable String wireName() {
    return wireName;
  }

  /**
   * The type the API calls {@code name}.
   *
   * @param name the contract's name, such as {@code "Individual"}; may be {@code null}
   * @return the matching type, or {@link #UNKNOWN} when the name is {@code null} or not known
   */
  public static ContactType fromWireName(@Nullable String name) {
    return WireNames.lookup(values(), ContactType::wireName, name, UNKNOWN);
  }
}
