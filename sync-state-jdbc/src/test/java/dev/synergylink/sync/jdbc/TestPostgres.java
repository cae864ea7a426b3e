package dev.synergylink.sync.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** One embedded PostgreSQL server for the module's tests, started on first use and stopped when the JVM exits. */
final class TestPostgres {
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  static synchronized DataSource dataSource() {
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
          // the JVM is exiting: nothing is left to clean up after a server that will not stop
        }
      }));
    }
    return server.getPostgresDatabase();
  }
}
