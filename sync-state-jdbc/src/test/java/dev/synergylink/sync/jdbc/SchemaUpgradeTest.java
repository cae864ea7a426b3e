package dev.synergylink.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.spi.EncodedState;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database made before the report table existed gets it from {@link JdbcStateStore#createSchemaIfMissing()}. */
class SchemaUpgradeTest {
  @Test
  void aDatabaseWithTheFirstTablesOnlyGetsTheReportTableAndKeepsItsState() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1");
    JdbcStateStore store = JdbcStateStore.builder().dataSource(dataSource).build();
    store.createSchemaIfMissing();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE synergylink_report"); // as a host that ran the first migration only has it
    }

    boolean created = store.createSchemaIfMissing();
    store.saveReport("acme", EncodedState.of("{\"v\":1}"), 5);

    assertThat(created).isTrue();
    assertThat(store.reports("acme", 5)).containsExactly(EncodedState.of("{\"v\":1}"));
    assertThat(store.createSchemaIfMissing()).isFalse();
  }
}
