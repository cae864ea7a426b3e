package dev.synergylink.sync.jdbc.internal;

import static dev.synergylink.sync.jdbc.internal.Columns.instant;
import static dev.synergylink.sync.jdbc.internal.Columns.placeholders;
import static dev.synergylink.sync.jdbc.internal.Columns.setInstant;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.RecordFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Quarantined records: by primary key, and due ones through the (connection, type, next retry) index. */
public final class FailureTable {
  private static final String COLUMNS = "record_type, side, record_id, kind, field, message, attempts, next_retry,"
      + " record_modified, first_failed_at";

  private final Database database;
  private final String table;

  /**
   * The failure table.
   *
   * @param database the database
   * @param tables the table names
   */
  public FailureTable(Database database, Tables tables) {
    this.database = database;
    this.table = tables.failure();
  }

  /**
   * Saves a failure, replacing the record's earlier one.
   *
   * @param lease the lease
   * @param failure the failure
   */
  public void save(Lease lease, RecordFailure failure) {
    database.write(lease, "saving a record failure", connection -> {
      delete(connection, lease.connectionId(), failure.recordType(), failure.side(), failure.recordId());
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (connection_id, "
          + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, lease.connectionId());
        insert.setString(2, failure.recordType().name());
        insert.setString(3, failure.side().name());
        insert.setLong(4, failure.recordId());
        insert.setString(5, failure.kind().name());
        insert.setString(6, failure.field());
        insert.setString(7, failure.message());
        insert.setInt(8, failure.attempts());
        setInstant(insert, 9, failure.nextRetry());
        setInstant(insert, 10, failure.recordModified());
        setInstant(insert, 11, failure.firstFailedAt());
        return insert.executeUpdate();
      }
    });
  }

  /**
   * Takes a record out of quarantine.
   *
   * @param lease the lease
   * @param type the record type
   * @param side the side
   * @param recordId the record id
   */
  public void clear(Lease lease, RecordType type, Side side, long recordId) {
    database.write(lease, "clearing a record failure",
        connection -> delete(connection, lease.connectionId(), type, side, recordId));
  }

  /**
   * The failures of some records.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param side the side
   * @param recordIds the ids
   * @return the failures, keyed by record id
   */
  public Map<Long, RecordFailure> byIds(String connectionId, RecordType type, Side side, Collection<Long> recordIds) {
    Map<Long, RecordFailure> found = new LinkedHashMap<>();
    List<Long> all = new ArrayList<>(recordIds);
    for (int from = 0; from < all.size(); from += LinkTable.CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + LinkTable.CHUNK));
      database.read("reading record failures", connection -> {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
            + " WHERE connection_id = ? AND record_type = ? AND side = ? AND record_id IN ("
            + placeholders(chunk.size()) + ")")) {
          select.setString(1, connectionId);
          select.setString(2, type.name());
          select.setString(3, side.name());
          for (int i = 0; i < chunk.size(); i++) {
            select.setLong(4 + i, chunk.get(i));
          }
          failures(select).forEach(failure -> found.put(failure.recordId(), failure));
        }
        return null;
      });
    }
    Map<Long, RecordFailure> ordered = new LinkedHashMap<>();
    for (Long id : recordIds) {
      RecordFailure failure = found.get(id);
      if (failure != null) {
        ordered.put(id, failure);
      }
    }
    return ordered;
  }

  /**
   * Failures due for a retry.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param now the current time
   * @param limit the most to return
   * @return the due failures, earliest retry first
   */
  public List<RecordFailure> due(String connectionId, RecordType type, Instant now, int limit) {
    return database.read("reading due record failures", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
          + " WHERE connection_id = ? AND record_type = ? AND next_retry <= ?"
          + " ORDER BY next_retry, side, record_id")) {
        select.setString(1, connectionId);
        select.setString(2, type.name());
        setInstant(select, 3, now);
        select.setMaxRows(limit);
        return failures(select);
      }
    });
  }

  /**
   * Every failure of a connection.
   *
   * @param connectionId the connection
   * @return the failures, by type, side and id
   */
  public List<RecordFailure> all(String connectionId) {
    return database.read("reading record failures", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
          + " WHERE connection_id = ? ORDER BY record_type, side, record_id")) {
        select.setString(1, connectionId);
        return failures(select);
      }
    });
  }

  private int delete(Connection connection, String connectionId, RecordType type, Side side, long recordId)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
        + " WHERE connection_id = ? AND record_type = ? AND side = ? AND record_id = ?")) {
      delete.setString(1, connectionId);
      delete.setString(2, type.name());
      delete.setString(3, side.name());
      delete.setLong(4, recordId);
      return delete.executeUpdate();
    }
  }

  private static List<RecordFailure> failures(PreparedStatement select) throws SQLException {
    List<RecordFailure> failures = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        failures.add(RecordFailure.builder()
            .recordType(RecordType.valueOf(row.getString("record_type")))
            .side(Side.valueOf(row.getString("side")))
            .recordId(row.getLong("record_id"))
            .kind(RecordFailure.Kind.valueOf(row.getString("kind")))
            .field(row.getString("field"))
            .message(row.getString("message"))
            .attempts(row.getInt("attempts"))
            .nextRetry(instant(row, "next_retry"))
            .recordModified(instant(row, "record_modified"))
            .firstFailedAt(instant(row, "first_failed_at"))
            .build());
      }
    }
    return failures;
  }
}
