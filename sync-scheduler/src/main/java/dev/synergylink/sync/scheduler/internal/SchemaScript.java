package dev.synergylink.sync.scheduler.internal;

import dev.synergylink.sync.scheduler.SyncSchedulerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Runs the shipped {@code scheduled_tasks} script: every statement is "if not exists", so it can run each start. */
public final class SchemaScript {
  /** The script's resource path. */
  public static final String RESOURCE = "/db/scheduler/synergylink_scheduled_tasks.sql";

  private SchemaScript() {}

  /**
   * Creates the table and its indexes when missing.
   *
   * @param dataSource the database
   */
  public static void run(DataSource dataSource) {
    String script;
    try (InputStream in = SchemaScript.class.getResourceAsStream(RESOURCE)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SyncSchedulerException("cannot read " + RESOURCE + " from the sync-scheduler jar", e);
    }
    StringBuilder sql = new StringBuilder();
    script.lines().filter(l -> !l.startsWith("--")).forEach(l -> sql.append(l).append('\n'));
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String statement : sql.toString().split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new SyncSchedulerException("could not create the scheduled_tasks table: " + e.getMessage()
          + "; the user needs CREATE rights, or run " + RESOURCE + " from the sync-scheduler jar yourself", e);
    }
  }
}
