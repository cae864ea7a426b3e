package dev.synergylink.sync.jdbc.internal;

/**
 * The store's table names, qualified by the schema the host chose (or unqualified, in the connection's default
 * schema).
 */
public final class Tables {
  private final String prefix;

  /**
   * Table names.
   *
   * @param schema the schema, or null for the connection's default
   */
  public Tables(String schema) {
    this.prefix = schema == null ? "" : schema + ".";
  }

  /** @return the lease table */
  public String lease() {
    return prefix + "synergylink_lease";
  }

  /** @return the link table */
  public String link() {
    return prefix + "synergylink_link";
  }

  /** @return the cursor table */
  public String cursor() {
    return prefix + "synergylink_cursor";
  }

  /** @return the transfer table */
  public String transfer() {
    return prefix + "synergylink_transfer";
  }

  /** @return the pending create table */
  public String pendingCreate() {
    return prefix + "synergylink_pending_create";
  }

  /** @return the failure table */
  public String failure() {
    return prefix + "synergylink_failure";
  }

  /** @return the report table */
  public String report() {
    return prefix + "synergylink_report";
  }

  /** @return the per-connection bookkeeping table */
  public String bookkeeping() {
    return prefix + "synergylink_bookkeeping";
  }

  /**
   * A table name qualified by the schema.
   *
   * @param table the unqualified name
   * @return the name
   */
  public String qualified(String table) {
    return prefix + table;
  }
}
