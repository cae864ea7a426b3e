package dev.synergylink.sync.jdbc.internal;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Lease;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The transfers that went through a side: one row per connection, record type and side, present or not. */
public final class TransferTable {
  private final Database database;
  private final String table;

  /**
   * The transfer table.
   *
   * @param database the database
   * @param tables the table names
   */
  public TransferTable(Database database, Tables tables) {
    this.database = database;
    this.table = tables.transfer();
  }

  /**
   * Whether a transfer went through a side.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param side the side
   * @return true when its row is there
   */
  public boolean read(String connectionId, RecordType type, Side side) {
    return database.read("reading a transfer", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table
          + " WHERE connection_id = ? AND record_type = ? AND side = ?")) {
        select.setString(1, connectionId);
        select.setString(2, type.name());
        select.setString(3, side.name());
        try (ResultSet row = select.executeQuery()) {
          return row.next();
        }
      }
    });
  }

  /**
   * Saves that a transfer went through a side (nothing changes when it was saved before).
   *
   * @param lease the lease
   * @param type the record type
   * @param side the side
   */
  public void save(Lease lease, RecordType type, Side side) {
    database.write(lease, "saving a transfer", connection -> {
      // the lease row is locked by this transaction, so no other writer of this connection inserts the row meanwhile
      try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table
          + " WHERE connection_id = ? AND record_type = ? AND side = ?")) {
        select.setString(1, lease.connectionId());
        select.setString(2, type.name());
        select.setString(3, side.name());
        try (ResultSet row = select.executeQuery()) {
          if (row.next()) {
            return 0;
          }
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
          + " (connection_id, record_type, side) VALUES (?, ?, ?)")) {
        insert.setString(1, lease.connectionId());
        insert.setString(2, type.name());
        insert.setString(3, side.name());
        return insert.executeUpdate();
      }
    });
  }
}
