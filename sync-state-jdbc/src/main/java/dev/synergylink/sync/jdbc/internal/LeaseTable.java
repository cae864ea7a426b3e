package dev.synergylink.sync.jdbc.internal;

import static dev.synergylink.sync.jdbc.internal.Columns.instant;
import static dev.synergylink.sync.jdbc.internal.Columns.setInstant;

import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The run lease: each change one conditional statement, so two workers never both hold it. */
public final class LeaseTable {
  private static final String UNIQUE_VIOLATION = "23505";

  private final Database database;
  private final String table;

  /**
   * The lease table.
   *
   * @param database the database
   * @param tables the table names
   */
  public LeaseTable(Database database, Tables tables) {
    this.database = database;
    this.table = tables.lease();
  }

  /**
   * Takes the lease when it is free or expired, with a fencing token one higher than the last.
   *
   * @param connectionId the connection
   * @param holder who asks
   * @param now the current time
   * @param ttl how long the lease lasts
   * @return the lease, or empty when another holder has it
   */
  public Optional<Lease> acquire(String connectionId, String holder, Instant now, Duration ttl) {
    Instant expires = now.plus(ttl);
    Optional<Lease> taken = database.inTransaction("taking the lease", connection -> {
      try (PreparedStatement take = connection.prepareStatement("UPDATE " + table
          + " SET holder = ?, fencing_token = fencing_token + 1, expires_at = ?"
          + " WHERE connection_id = ? AND (holder IS NULL OR expires_at <= ?)")) {
        take.setString(1, holder);
        setInstant(take, 2, expires);
        take.setString(3, connectionId);
        setInstant(take, 4, now);
        if (take.executeUpdate() == 1) {
          return Optional.of(read(connection, connectionId).orElseThrow());
        }
      }
      return Optional.empty();
    });
    if (taken.isPresent()) {
      return taken;
    }
    return first(connectionId, holder, expires);
  }

  /** The connection's first lease: a new row, refused by the primary key when another worker holds one. */
  private Optional<Lease> first(String connectionId, String holder, Instant expires) {
    try {
      return database.inTransaction("taking the first lease", connection -> {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
            + " (connection_id, holder, fencing_token, expires_at) VALUES (?, ?, 1, ?)")) {
          insert.setString(1, connectionId);
          insert.setString(2, holder);
          setInstant(insert, 3, expires);
          insert.executeUpdate();
        }
        return read(connection, connectionId);
      });
    } catch (RuntimeException e) {
      if (e.getCause() instanceof SQLException
          && UNIQUE_VIOLATION.equals(((SQLException) e.getCause()).getSQLState())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The unexpired lease.
   *
   * @param connectionId the connection
   * @param now the current time
   * @return the lease, or empty
   */
  public Optional<Lease> current(String connectionId, Instant now) {
    return database.read("reading the lease", connection -> read(connection, connectionId))
        .filter(lease -> lease.expiresAt().isAfter(now));
  }

  /**
   * Extends the lease when it is still the current one.
   *
   * @param lease the lease held
   * @param now the current time
   * @param ttl the new time to live
   * @return the extended lease
   */
  public Lease renew(Lease lease, Instant now, Duration ttl) {
    Instant expires = now.plus(ttl);
    int changed = database.inTransaction("renewing the lease", connection -> {
      try (PreparedStatement renew = connection.prepareStatement("UPDATE " + table + " SET expires_at = ?"
          + " WHERE connection_id = ? AND fencing_token = ? AND holder IS NOT NULL")) {
        setInstant(renew, 1, expires);
        renew.setString(2, lease.connectionId());
        renew.setLong(3, lease.fencingToken());
        return renew.executeUpdate();
      }
    });
    if (changed != 1) {
      throw new LeaseLostException("the lease of connection '" + lease.connectionId() + "' held by '"
          + lease.holder() + "' (token " + lease.fencingToken() + ") is no longer current and cannot be renewed");
    }
    return Lease.builder().from(lease).expiresAt(Columns.truncate(expires)).build();
  }

  /**
   * Gives the lease up when it is still the current one.
   *
   * @param lease the lease held
   */
  public void release(Lease lease) {
    release(lease, connection -> null);
  }

  /**
   * Gives the lease up when it is still the current one and, in the same transaction, does more work (keeping the
   * run's bookkeeping): the release's update locks the lease row, so no other worker takes the lease halfway.
   *
   * @param lease the lease held
   * @param alsoDo the work done with the release, only when the lease was current
   * @return true when the lease was current (released, and the work done)
   */
  public boolean release(Lease lease, Database.Work<?> alsoDo) {
    return database.inTransaction("releasing the lease", connection -> {
      try (PreparedStatement release = connection.prepareStatement("UPDATE " + table
          + " SET holder = NULL, expires_at = NULL WHERE connection_id = ? AND fencing_token = ?")) {
        release.setString(1, lease.connectionId());
        release.setLong(2, lease.fencingToken());
        if (release.executeUpdate() != 1) {
          return false;
        }
      }
      alsoDo.on(connection);
      return true;
    });
  }

  private Optional<Lease> read(Connection connection, String connectionId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT holder, fencing_token, expires_at FROM "
        + table + " WHERE connection_id = ? AND holder IS NOT NULL")) {
      select.setString(1, connectionId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(Lease.builder()
            .connectionId(connectionId)
            .holder(row.getString("holder"))
            .fencingToken(row.getLong("fencing_token"))
            .expiresAt(instant(row, "expires_at"))
            .build());
      }
    }
  }
}
