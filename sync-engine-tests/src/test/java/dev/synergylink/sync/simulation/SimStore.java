package dev.synergylink.sync.simulation;

import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.jdbc.TestPostgres;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The state store a simulated world runs on: the in-memory one, or {@link JdbcStateStore} on H2 or on the embedded
 * PostgreSQL. Each world gets empty tables of its own (a schema per world) and drops them when it ends.
 */
enum SimStore {
  IN_MEMORY {
    @Override
    Opened open() {
      return new Opened(InMemoryStateStore.create(), () -> { });
    }
  },
  H2 {
    @Override
    Opened open() {
      JdbcDataSource h2 = new JdbcDataSource();
      // one in-memory database per world, kept while the world runs and shut down when it ends
      h2.setURL("jdbc:h2:mem:sim" + WORLDS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
      return jdbc(h2, "synergylink", "SHUTDOWN");
    }
  },
  POSTGRES {
    @Override
    Opened open() {
      DataSource database = TestPostgres.dataSource(POSTGRES_DATABASE.get());
      String schema = "sim_" + WORLDS.incrementAndGet();
      return jdbc(database, schema, "DROP SCHEMA " + schema + " CASCADE");
    }
  };

  private static final AtomicInteger WORLDS = new AtomicInteger();
  /** One database for every PostgreSQL world of this JVM, made at the first. */
  private static final java.util.function.Supplier<String> POSTGRES_DATABASE = new java.util.function.Supplier<>() {
    private String name;

    @Override
    public synchronized String get() {
      if (name == null) {
        name = TestPostgres.newDatabase();
      }
      return name;
    }
  };

  /** A world's store and what ends it. */
  record Opened(StateStore store, Runnable close) {}

  /** Empty state for a new world. */
  abstract Opened open();

  private static Opened jdbc(DataSource dataSource, String schema, String dropSql) {
    JdbcStateStore store = JdbcStateStore.builder().dataSource(dataSource).schema(schema).build();
    store.createSchemaIfMissing();
    return new Opened(store, () -> {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(dropSql);
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop the world's state: " + dropSql, e);
      }
    });
  }
}
