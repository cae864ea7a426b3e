package dev.synergylink.tinyplus;

/** The orders a list can be sorted by ({@code sort}); ties are always broken by id ascending. */
public enum Sort {
  /** {@code id asc}, the server's default. */
  ID_ASC("id asc"),
  /** {@code id desc}. */
  ID_DESC("id desc"),
  /** {@code modified_date asc}: oldest change first, as an incremental poll wants. */
  MODIFIED_DATE_ASC("modified_date asc"),
  /** {@code modified_date desc}. */
  MODIFIED_DATE_DESC("modified_date desc");

  private final String wireName;

  Sort(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value of the {@code sort} parameter.
   *
   * @return e.g. {@code "modified_date asc"}
   */
  public String wireName() {
    return wireName;
  }
}
