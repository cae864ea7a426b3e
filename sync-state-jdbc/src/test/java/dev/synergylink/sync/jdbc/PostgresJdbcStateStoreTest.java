package dev.synergylink.sync.jdbc;

import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.StateStoreContract;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcStateStore} on a real PostgreSQL server keeps the StateStore contract. */
class PostgresJdbcStateStoreTest extends StateStoreContract {
  private static JdbcStateStore store;

  @BeforeAll
  static void createDatabase() {
    store = JdbcStateStore.builder().dataSource(TestPostgres.dataSource(TestPostgres.newDatabase())).schema("contract")
        .build();
    store.createSchemaIfMissing();
  }

  @Override
  protected StateStore store() {
    return store;
  }
}
