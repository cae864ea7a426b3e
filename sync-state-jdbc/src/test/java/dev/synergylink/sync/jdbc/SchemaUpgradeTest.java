package dev.synergylink.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.jdbc.internal.SchemaScript;
import dev.synergylink.sync.spi.Lease;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaUpgradeTest {
  @Test
  void aSchemaMadeByTheFirstMigrationGetsTheBookkeepingTable() throws SQLException {
    // Given a database whose tables the first version's migration made
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : SchemaScript.statements(SchemaScript.MIGRATIONS.get(0))) {
        statement.execute(sql);
      }
    }
    JdbcStateStore store = JdbcStateStore.builder().dataSource(dataSource).build();

    // When the store is started as a host without Flyway starts it
    boolean created = store.createSchemaIfMissing();

    // Then the later migration ran, once, and the bookkeeping is kept
    assertThat(created).isTrue();
    assertThat(store.createSchemaIfMissing()).isFalse();
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    Lease lease = store.acquireLease("acme", "worker", now, Duration.ofMinutes(1)).orElseThrow();
    store.saveBookkeeping(lease, "call-budget", "{\"v\":1}");
    assertThat(store.bookkeeping("acme", "call-budget")).contains("{\"v\":1}");
  }
}
