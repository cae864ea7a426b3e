package dev.synergylink.sync.jdbc.internal;

import static dev.synergylink.sync.jdbc.internal.Columns.instant;
import static dev.synergylink.sync.jdbc.internal.Columns.setInstant;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.PendingCreate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Create intents, keyed by record type, target side and source id. */
public final class PendingCreateTable {
  private final Database database;
  private final String table;

  /**
   * The pending create table.
   *
   * @param database the database
   * @param tables the table names
   */
  public PendingCreateTable(Database database, Tables tables) {
    this.database = database;
    this.table = tables.pendingCreate();
  }

  /**
   * Saves an intent, replacing one with the same key.
   *
   * @param lease the lease
   * @param intent the intent
   */
  public void save(Lease lease, PendingCreate intent) {
    database.write(lease, "saving a create intent", connection -> {
      delete(connection, lease.connectionId(), intent);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (connection_id,"
          + " record_type, target_side, source_id, marker, sent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, lease.connectionId());
        insert.setString(2, intent.recordType().name());
        insert.setString(3, intent.target().name());
        insert.setLong(4, intent.sourceId());
        insert.setString(5, intent.marker());
        insert.setString(6, intent.sent().text());
        setInstant(insert, 7, intent.createdAt());
        return insert.executeUpdate();
      }
    });
  }

  /**
   * The intents of a type.
   *
   * @param connectionId the connection
   * @param type the record type
   * @return the intents, oldest first
   */
  public List<PendingCreate> all(String connectionId, RecordType type) {
    return database.read("reading create intents", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT target_side, source_id, marker, sent,"
          + " created_at FROM " + table + " WHERE connection_id = ? AND record_type = ?"
          + " ORDER BY created_at, target_side, source_id")) {
        select.setString(1, connectionId);
        select.setString(2, type.name());
        List<PendingCreate> intents = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            intents.add(PendingCreate.builder()
                .recordType(type)
                .target(Side.valueOf(row.getString("target_side")))
                .sourceId(row.getLong("source_id"))
                .marker(row.getString("marker"))
                .sent(EncodedState.of(row.getString("sent")))
                .createdAt(instant(row, "created_at"))
                .build());
          }
        }
        return intents;
      }
    });
  }

  /**
   * Removes an intent.
   *
   * @param lease the lease
   * @param intent the intent
   */
  public void complete(Lease lease, PendingCreate intent) {
    database.write(lease, "completing a create intent", connection -> delete(connection, lease.connectionId(), intent));
  }

  private int delete(Connection connection, String connectionId, PendingCreate intent) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
        + " WHERE connection_id = ? AND record_type = ? AND target_side = ? AND source_id = ?")) {
      delete.setString(1, connectionId);
      delete.setString(2, intent.recordType().name());
      delete.setString(3, intent.target().name());
      delete.setLong(4, intent.sourceId());
      return delete.executeUpdate();
    }
  }
}
