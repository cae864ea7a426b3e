package dev.synergylink.sync.jdbc.internal;

import static dev.synergylink.sync.jdbc.internal.Columns.instant;
import static dev.synergylink.sync.jdbc.internal.Columns.placeholders;
import static dev.synergylink.sync.jdbc.internal.Columns.setInstant;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Links: looked up by the primary key (Synergy id) or the unique tiny+ index, a page of ids per statement. */
public final class LinkTable {
  private static final String COLUMNS =
      "record_type, synergy_id, tinyplus_id, state, synergy_modified, tinyplus_modified, orphaned, synced_at";
  /** The most ids one look-up statement binds. */
  static final int CHUNK = 500;

  private final Database database;
  private final String table;

  /**
   * The link table.
   *
   * @param database the database
   * @param tables the table names
   */
  public LinkTable(Database database, Tables tables) {
    this.database = database;
    this.table = tables.link();
  }

  /**
   * Links by one side's ids.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param idColumn {@code synergy_id} or {@code tinyplus_id}
   * @param ids the ids
   * @param key which id of a link keys the result
   * @return the links found
   */
  public Map<Long, Link> byIds(String connectionId, RecordType type, String idColumn, Collection<Long> ids,
      ToLongFunction<Link> key) {
    Map<Long, Link> found = new LinkedHashMap<>();
    List<Long> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      database.read("reading links", connection -> {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
            + " WHERE connection_id = ? AND record_type = ? AND " + idColumn + " IN (" + placeholders(chunk.size())
            + ")")) {
          select.setString(1, connectionId);
          select.setString(2, type.name());
          for (int i = 0; i < chunk.size(); i++) {
            select.setLong(3 + i, chunk.get(i));
          }
          for (Link link : links(select)) {
            found.put(key.applyAsLong(link), link);
          }
        }
        return null;
      });
    }
    Map<Long, Link> ordered = new LinkedHashMap<>();
    for (Long id : ids) {
      Link link = found.get(id);
      if (link != null) {
        ordered.put(id, link);
      }
    }
    return ordered;
  }

  /**
   * Every link of a type.
   *
   * @param connectionId the connection
   * @param type the record type
   * @return the links, in Synergy id order
   */
  public List<Link> all(String connectionId, RecordType type) {
    return database.read("reading links", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
          + " WHERE connection_id = ? AND record_type = ? ORDER BY synergy_id")) {
        select.setString(1, connectionId);
        select.setString(2, type.name());
        return links(select);
      }
    });
  }

  /**
   * Saves a link, replacing the links of either of its records.
   *
   * @param lease the lease
   * @param link the link
   */
  public void save(Lease lease, Link link) {
    database.write(lease, "saving a link", connection -> {
      delete(connection, lease.connectionId(), link.recordType(), "synergy_id", link.synergyId());
      delete(connection, lease.connectionId(), link.recordType(), "tinyplus_id", link.tinyPlusId());
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (connection_id, "
          + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, lease.connectionId());
        insert.setString(2, link.recordType().name());
        insert.setLong(3, link.synergyId());
        insert.setLong(4, link.tinyPlusId());
        insert.setString(5, link.state().text());
        setInstant(insert, 6, link.synergyModified());
        setInstant(insert, 7, link.tinyPlusModified());
        insert.setBoolean(8, link.orphaned());
        setInstant(insert, 9, link.syncedAt());
        return insert.executeUpdate();
      }
    });
  }

  /**
   * Removes the link of a Synergy record.
   *
   * @param lease the lease
   * @param type the record type
   * @param synergyId the Synergy id
   */
  public void delete(Lease lease, RecordType type, long synergyId) {
    database.write(lease, "deleting a link",
        connection -> delete(connection, lease.connectionId(), type, "synergy_id", synergyId));
  }

  private int delete(Connection connection, String connectionId, RecordType type, String idColumn, long id)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
        + " WHERE connection_id = ? AND record_type = ? AND " + idColumn + " = ?")) {
      delete.setString(1, connectionId);
      delete.setString(2, type.name());
      delete.setLong(3, id);
      return delete.executeUpdate();
    }
  }

  private static List<Link> links(PreparedStatement select) throws SQLException {
    List<Link> links = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        links.add(Link.builder()
            .recordType(RecordType.valueOf(row.getString("record_type")))
            .synergyId(row.getLong("synergy_id"))
            .tinyPlusId(row.getLong("tinyplus_id"))
            .state(EncodedState.of(row.getString("state")))
            .synergyModified(instant(row, "synergy_modified"))
            .tinyPlusModified(instant(row, "tinyplus_modified"))
            .orphaned(row.getBoolean("orphaned"))
            .syncedAt(instant(row, "synced_at"))
            .build());
      }
    }
    return links;
  }
}
