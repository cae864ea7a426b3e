package dev.synergylink.synergy;

/**
 * One of the six fixed project status types of Synergy; each firm defines its own statuses under them.
 * A type this client does not know yet reads as {@link #UNKNOWN} instead of failing.
 */
public enum StatusType {
  /** A proposal, not yet won. */
  PROPOSAL("Proposal"),
  /** Work in progress. */
  ACTIVE("Active"),
  /** Work done, waiting to be invoiced. */
  PENDING_INVOICE("PendingInvoice"),
  /** Paused. */
  HOLD("Hold"),
  /** A proposal that was lost; the project is inactive. */
  UNSUCCESSFUL("Unsuccessful"),
  /** Finished; the project is inactive. */
  COMPLETE("Complete"),
  /** A type the server sent that this version of the client does not know. */
  UNKNOWN(null);

  private final String wireName;

  StatusType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name the API uses for this type.
   *
   * @return the contract's name, such as {@code "PendingInvoice"}; {@code null} for {@link #UNKNOWN}
   */
  public @Nullable String wireName() {
    return wireName;
  }

  /**
   * The type the API calls {@code name}.
   *
   * @param name the contract's name, such as {@code "Active"}; may be {@code null}
   * @return the matching type, or {@link #UNKNOWN} when the name is {@code null} or not known
   */
  public static StatusType fromWireName(@Nullable String name) {
    return WireNames.lookup(values(), StatusType::wireName, name, UNKNOWN);
  }
}
