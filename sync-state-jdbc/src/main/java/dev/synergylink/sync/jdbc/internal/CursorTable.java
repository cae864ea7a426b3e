package dev.synergylink.sync.jdbc.internal;

import static dev.synergylink.sync.jdbc.internal.Columns.instant;
import static dev.synergylink.sync.jdbc.internal.Columns.setInstant;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Lease;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Cursors: one row per connection, record type and side, read and written by its primary key. */
public final class CursorTable {
  private final Database database;
  private final String table;

  /**
   * The cursor table.
   *
   * @param database the database
   * @param tables the table names
   */
  public CursorTable(Database database, Tables tables) {
    this.database = database;
    this.table = tables.cursor();
  }

  /**
   * A cursor.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param side the side
   * @return the cursor, or empty
   */
  public Optional<Cursor> read(String connectionId, RecordType type, Side side) {
    return database.read("reading a cursor", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT modified, record_id FROM " + table
          + " WHERE connection_id = ? AND record_type = ? AND side = ?")) {
        select.setString(1, connectionId);
        select.setString(2, type.name());
        select.setString(3, side.name());
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(Cursor.of(instant(row, "modified"), row.getLong("record_id")))
              : Optional.empty();
        }
      }
    });
  }

  /**
   * Saves a cursor.
   *
   * @param lease the lease
   * @param type the record type
   * @param side the side
   * @param cursor the cursor
   */
  public void save(Lease lease, RecordType type, Side side, Cursor cursor) {
    database.write(lease, "saving a cursor", connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
          + " SET modified = ?, record_id = ? WHERE connection_id = ? AND record_type = ? AND side = ?")) {
        setInstant(update, 1, cursor.modified());
        update.setLong(2, cursor.id());
        update.setString(3, lease.connectionId());
        update.setString(4, type.name());
        update.setString(5, side.name());
        if (update.executeUpdate() == 1) {
          return 1;
        }
      }
      // The first cursor of this type and side. The lease row is locked by this transaction, so no other
      // writer of this connection can insert the same row meanwhile.
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
          + " (connection_id, record_type, side, modified, record_id) VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, lease.connectionId());
        insert.setString(2, type.name());
        insert.setString(3, side.name());
        setInstant(insert, 4, cursor.modified());
        insert.setLong(5, cursor.id());
        return insert.executeUpdate();
      }
    });
  }
}
