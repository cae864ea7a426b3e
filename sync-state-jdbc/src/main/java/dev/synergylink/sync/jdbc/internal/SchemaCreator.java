package dev.synergylink.sync.jdbc.internal;

import dev.synergylink.sync.jdbc.StateStoreDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs the migration files for a host without Flyway, those whose tables do not exist yet. */
public final class SchemaCreator {
  private final DataSource dataSource;
  private final String schema;
  private final Tables tables;

  /**
   * A schema creator.
   *
   * @param dataSource the data source
   * @param schema the schema, or null for the default
   * @param tables the table names
   */
  public SchemaCreator(DataSource dataSource, String schema, Tables tables) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.tables = tables;
  }

  /**
   * Creates the tables unless they exist.
   *
   * @return whether they were created
   */
  public boolean createIfMissing() {
    try (Connection connection = dataSource.getConnection()) {
      // each migration made one table first: a migration whose table exists ran already (a host that upgrades gets
      // only the migrations it lacks)
      List<String> missing = new ArrayList<>();
      List<String> probes = List.of(tables.lease(), tables.transfer(), tables.report());
      for (int i = 0; i < SchemaScript.MIGRATIONS.size(); i++) {
        if (!exists(connection, probes.get(i))) {
          missing.add(SchemaScript.MIGRATIONS.get(i));
        }
      }
      if (missing.isEmpty()) {
        return false;
      }
      String originalSchema = connection.getSchema();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        if (schema != null) {
          // the migration files name their tables unqualified, as Flyway runs them in its default schema
          statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
          boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
          statement.execute(postgres ? "SET LOCAL search_path TO " + schema : "SET SCHEMA " + schema);
        }
        for (String migration : missing) {
          for (String sql : SchemaScript.statements(migration)) {
            statement.execute(sql);
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
        if (schema != null && originalSchema != null) {
          connection.setSchema(originalSchema);
        }
      }
      return true;
    } catch (SQLException e) {
      throw new StateStoreDatabaseException("The state store's database refused to create its tables (SQLState "
          + e.getSQLState() + "): " + e.getMessage(), e);
    }
  }

  private static boolean exists(Connection connection, String table) {
    try (Statement probe = connection.createStatement()) {
      probe.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
