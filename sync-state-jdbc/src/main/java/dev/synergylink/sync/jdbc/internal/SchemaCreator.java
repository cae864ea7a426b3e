package dev.synergylink.sync.jdbc.internal;

import dev.synergylink.sync.jdbc.StateStoreDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs the migration files for a host without Flyway, each one unless its tables exist. */
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
   * Runs each migration whose tables are missing: all of them on an empty database, the later ones on a schema an
   * earlier version created.
   *
   * @return whether any table was created
   */
  public boolean createIfMissing() {
    try (Connection connection = dataSource.getConnection()) {
      List<List<String>> missing = new ArrayList<>();
      for (String migration : SchemaScript.MIGRATIONS) {
        List<String> statements = SchemaScript.statements(migration);
        if (!exists(connection, tables.qualified(SchemaScript.firstTable(statements)))) {
          missing.add(statements);
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
        for (List<String> migration : missing) {
          for (String sql : migration) {
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
