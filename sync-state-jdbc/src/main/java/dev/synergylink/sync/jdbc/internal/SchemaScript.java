package dev.synergylink.sync.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The migration files on the classpath, as statements for a host that does not run Flyway. */
public final class SchemaScript {
  /** The migrations, oldest first: the same files Flyway would find under {@code db/migration/synergylink}. */
  public static final List<String> MIGRATIONS = List.of("db/migration/synergylink/V1__synergylink_state.sql",
      "db/migration/synergylink/V2__synergylink_transfer.sql", "db/migration/synergylink/V2_1__synergylink_bookkeeping.sql",
      "db/migration/synergylink/V3__synergylink_report.sql");

  private SchemaScript() {}

  /**
   * The table a migration creates first: while it is missing, the migration has not run.
   *
   * @param statements the migration's statements
   * @return the unqualified table name
   */
  public static String firstTable(List<String> statements) {
    for (String statement : statements) {
      String[] words = statement.split("\\s+");
      if (words.length > 2 && words[0].equalsIgnoreCase("CREATE") && words[1].equalsIgnoreCase("TABLE")) {
        return words[2];
      }
    }
    throw new IllegalStateException("a migration creates no table");
  }

  /**
   * The statements of one migration file, comments left out.
   *
   * @param resource the file's classpath location
   * @return the statements
   */
  public static List<String> statements(String resource) {
    String text;
    try (InputStream in = SchemaScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The migration " + resource + " is missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : sql.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
