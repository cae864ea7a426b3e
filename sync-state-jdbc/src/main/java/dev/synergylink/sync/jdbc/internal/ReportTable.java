package dev.synergylink.sync.jdbc.internal;

import dev.synergylink.sync.spi.EncodedState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Run reports: rows per connection, newest by id, pruned to the newest N of the connection on each save. */
public final class ReportTable {
  private final Database database;
  private final String table;

  /**
   * The report table.
   *
   * @param database the database
   * @param tables the table names
   */
  public ReportTable(Database database, Tables tables) {
    this.database = database;
    this.table = tables.report();
  }

  /**
   * Saves a report and drops the connection's older ones past {@code keep}, in one transaction.
   *
   * @param connectionId the connection
   * @param report the report
   * @param keep how many to keep
   */
  public void save(String connectionId, EncodedState report, int keep) {
    database.inTransaction("saving a run's report", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
          + " (connection_id, report) VALUES (?, ?)")) {
        insert.setString(1, connectionId);
        insert.setString(2, report.text());
        insert.executeUpdate();
      }
      try (PreparedStatement prune = connection.prepareStatement("DELETE FROM " + table
          + " WHERE connection_id = ? AND id <= (SELECT id FROM " + table
          + " WHERE connection_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)")) {
        prune.setString(1, connectionId);
        prune.setString(2, connectionId);
        prune.setInt(3, Math.max(1, keep));
        return prune.executeUpdate();
      }
    });
  }

  /**
   * The newest reports of a connection.
   *
   * @param connectionId the connection
   * @param limit the most to return
   * @return newest first
   */
  public List<EncodedState> newest(String connectionId, int limit) {
    return database.read("reading the reports of the last runs", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT report FROM " + table
          + " WHERE connection_id = ? ORDER BY id DESC LIMIT ?")) {
        select.setString(1, connectionId);
        select.setInt(2, limit);
        List<EncodedState> reports = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            reports.add(EncodedState.of(row.getString("report")));
          }
        }
        return reports;
      }
    });
  }
}
