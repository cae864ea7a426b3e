package dev.synergylink.sync.jdbc.internal;

import dev.synergylink.sync.spi.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Per-connection bookkeeping: one row per connection and key, read and written by its primary key. */
public final class BookkeepingTable {
  private final Database database;
  private final String table;

  /**
   * The bookkeeping table.
   *
   * @param database the database
   * @param tables the table names
   */
  public BookkeepingTable(Database database, Tables tables) {
    this.database = database;
    this.table = tables.bookkeeping();
  }

  /**
   * A value.
   *
   * @param connectionId the connection
   * @param key the key
   * @return the value, or empty
   */
  public Optional<String> read(String connectionId, String key) {
    return database.read("reading the connection's bookkeeping", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT bookkeeping_value FROM " + table
          + " WHERE connection_id = ? AND bookkeeping_key = ?")) {
        select.setString(1, connectionId);
        select.setString(2, key);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /**
   * Saves a value.
   *
   * @param lease the lease
   * @param key the key
   * @param value the value
   */
  public void save(Lease lease, String key, String value) {
    database.write(lease, "saving the connection's bookkeeping",
        connection -> save(connection, lease.connectionId(), key, value));
  }

  /**
   * Saves a value on a connection whose transaction holds the connection's lease row locked (a fenced write, or the
   * lease's release).
   *
   * @param connection the database connection, in its transaction
   * @param connectionId the sync connection
   * @param key the key
   * @param value the value
   * @return the rows changed
   * @throws SQLException when the database refuses
   */
  public int save(Connection connection, String connectionId, String key, String value) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
        + " SET bookkeeping_value = ? WHERE connection_id = ? AND bookkeeping_key = ?")) {
      update.setString(1, value);
      update.setString(2, connectionId);
      update.setString(3, key);
      if (update.executeUpdate() == 1) {
        return 1;
      }
    }
    // the first value under this key: the lease row is locked by this transaction, so no other writer of this
    // connection can insert the same row meanwhile
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
        + " (connection_id, bookkeeping_key, bookkeeping_value) VALUES (?, ?, ?)")) {
      insert.setString(1, connectionId);
      insert.setString(2, key);
      insert.setString(3, value);
      return insert.executeUpdate();
    }
  }
}
