package dev.synergylink.synergy;

/** The ascending sort key of a list; ties are always broken by id ascending. */
public enum OrderBy {
  /** By id (the server's default). */
  ID("id"),
  /** By last modification time: the order to use when polling for changes. */
  MODIFIED_DATE("modifiedDate");

  private final String wireName;

  OrderBy(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value of the {@code orderBy} query parameter.
   *
   * @return {@code "id"} or {@code "modifiedDate"}
   */
  public String wireName() {
    return wireName;
  }
}
