package dev.synergylink.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.jdbc.internal.SchemaScript;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Lease;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database made by an earlier version gets the later migrations' tables from {@code createSchemaIfMissing()}. */
class SchemaUpgradeTest {
  @Test
  void aSchemaMadeByTheFirstMigrationGetsEveryLaterTableOnce() throws Exception {
    // Given a database whose tables the first version's migration made
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:upgrade-first;DB_CLOSE_DELAY=-1");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : SchemaScript.statements(SchemaScript.MIGRATIONS.get(0))) {
        statement.execute(sql);
      }
    }
    JdbcStateStore store = JdbcStateStore.builder().dataSource(dataSource).build();

    // When the store is started as a host without Flyway starts it
    boolean created = store.createSchemaIfMissing();

    // Then the later migrations ran, once, and what their tables keep is kept
    assertThat(created).isTrue();
    assertThat(store.createSchemaIfMissing()).isFalse();
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    Lease lease = store.acquireLease("acme", "worker", now, Duration.ofMinutes(1)).orElseThrow();
    store.saveBookkeeping(lease, "call-budget", "{\"v\":1}");
    store.saveTransferred(lease, RecordType.COMPANY, Side.SYNERGY);
    store.saveReport("acme", EncodedState.of("{\"v\":1}"), 5);
    assertThat(store.bookkeeping("acme", "call-budget")).contains("{\"v\":1}");
    assertThat(store.transferred("acme", RecordType.COMPANY, Side.SYNERGY)).isTrue();
    assertThat(store.reports("acme", 5)).containsExactly(EncodedState.of("{\"v\":1}"));
  }

  @Test
  void aDatabaseMissingOnlyTheReportTableGetsItAndKeepsItsState() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:upgrade-report;DB_CLOSE_DELAY=-1");
    JdbcStateStore store = JdbcStateStore.builder().dataSource(dataSource).build();
    store.createSchemaIfMissing();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE synergylink_report"); // as a host that ran the earlier migrations only has it
    }

    boolean created = store.createSchemaIfMissing();
    store.saveReport("acme", EncodedState.of("{\"v\":1}"), 5);

    assertThat(created).isTrue();
    assertThat(store.reports("acme", 5)).containsExactly(EncodedState.of("{\"v\":1}"));
    assertThat(store.createSchemaIfMissing()).isFalse();
  }
}
