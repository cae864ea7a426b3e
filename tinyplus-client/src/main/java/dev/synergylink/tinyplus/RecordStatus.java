package dev.synergylink.tinyplus;

/**
 * The {@code record_status} of a project, company or contact. Projects and contacts use {@link #ACTIVE},
 * {@link #ARCHIVED} and {@link #DELETED}; companies add {@link #PROSPECT} and {@link #LATENT}. {@link #DELETED}
 * is only ever set by a DELETE (a soft delete); a query filtering on it lists the soft-deleted records.
 */
public enum RecordStatus {
  /** {@code active}. */
  ACTIVE("active"),
  /** {@code archived}. */
  ARCHIVED("archived"),
  /** {@code deleted}: soft-deleted; left out of lists unless a query asks for it. */
  DELETED("deleted"),
  /** {@code prospect} (companies only). */
  PROSPECT("prospect"),
  /** {@code latent} (companies only). */
  LATENT("latent"),
  /** A value this client does not know; never sent. */
  UNKNOWN("unknown");

  private final String wireName;

  RecordStatus(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value as the API spells it.
   *
   * @return e.g. {@code "active"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The constant for an API value; {@link #UNKNOWN} for a value this client does not know (never null).
   *
   * @param wireName the API's value, e.g. {@code "archived"}; null gives {@link #UNKNOWN}
   * @return the constant
   */
  public static RecordStatus fromWireName(String wireName) {
    return WireNames.parse(values(), wireName, RecordStatus::wireName, UNKNOWN);
  }
}
