package dev.synergylink.sync.jdbc.internal;

import dev.synergylink.sync.jdbc.StateStoreDatabaseException;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Connections and transactions. A write runs in a transaction that first checks, in the same transaction, that the
 * writer's lease is still the connection's current one (and locks the lease row until the commit, so no other worker
 * can take the lease over halfway). Inside {@link #atomically} every call on the thread shares one transaction.
 */
public final class Database {
  private final DataSource dataSource;
  private final Tables tables;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  /**
   * A database.
   *
   * @param dataSource where connections come from
   * @param tables the table names
   */
  public Database(DataSource dataSource, Tables tables) {
    this.dataSource = dataSource;
    this.tables = tables;
  }

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection the connection
     * @return the result
     * @throws SQLException when the database refuses
     */
    T on(Connection connection) throws SQLException;
  }

  /**
   * Reads: on the thread's transaction when there is one, else on a connection of its own.
   *
   * @param what what is read, for an error message
   * @param work the reads
   * @param <T> the result type
   * @return the result
   */
  public <T> T read(String what, Work<T> work) {
    Connection shared = bound.get();
    try {
      if (shared != null) {
        return work.on(shared);
      }
      try (Connection connection = dataSource.getConnection()) {
        return work.on(connection);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Writes under a lease, in one transaction (the thread's, when inside {@link #atomically}).
   *
   * @param lease the lease the writes are made under
   * @param what what is written, for an error message
   * @param work the writes
   * @throws LeaseLostException when the lease is no longer current
   */
  public void write(Lease lease, String what, Work<?> work) {
    Connection shared = bound.get();
    if (shared != null) {
      try {
        fence(shared, lease);
        work.on(shared);
      } catch (SQLException e) {
        throw failure(what, e);
      }
      return;
    }
    inTransaction(what, connection -> {
      fence(connection, lease);
      return work.on(connection);
    });
  }

  /**
   * Runs several writes under one lease as one transaction: all of them are kept, or none.
   *
   * @param lease the lease
   * @param changes the writes (calls of the store on this thread)
   * @param <T> the result type
   * @return what the changes return
   */
  public <T> T atomically(Lease lease, Supplier<T> changes) {
    if (bound.get() != null) {
      return changes.get();
    }
    return inTransaction("a group of changes", connection -> {
      fence(connection, lease);
      bound.set(connection);
      try {
        return changes.get();
      } finally {
        bound.remove();
      }
    });
  }

  /**
   * Work in a transaction of its own, committed when it returns and rolled back when it throws.
   *
   * @param what what is done, for an error message
   * @param work the work
   * @param <T> the result type
   * @return the result
   */
  public <T> T inTransaction(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.on(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private void fence(Connection connection, Lease lease) throws SQLException {
    // An update, not a select: it takes the lease row's lock until the commit, so a takeover waits for this write
    // and a write never lands after a takeover.
    try (PreparedStatement check = connection.prepareStatement("UPDATE " + tables.lease()
        + " SET fencing_token = fencing_token WHERE connection_id = ? AND fencing_token = ? AND holder IS NOT NULL")) {
      check.setString(1, lease.connectionId());
      check.setLong(2, lease.fencingToken());
      if (check.executeUpdate() != 1) {
        throw new LeaseLostException("the lease of connection '" + lease.connectionId() + "' held by '"
            + lease.holder() + "' (token " + lease.fencingToken() + ") is no longer current: another worker took the"
            + " connection over, or the lease was released");
      }
    }
  }

  private static StateStoreDatabaseException failure(String what, SQLException e) {
    return new StateStoreDatabaseException("The state store's database refused " + what + " (SQLState "
        + e.getSQLState() + "): " + e.getMessage(), e);
  }
}
