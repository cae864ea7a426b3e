package dev.synergylink.sync.jdbc;

import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.StateStoreContract;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcStateStore} on an in-memory H2 database keeps the StateStore contract. */
class H2JdbcStateStoreTest extends StateStoreContract {
  private static JdbcStateStore store;

  @BeforeAll
  static void createDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:contract;DB_CLOSE_DELAY=-1");
    store = JdbcStateStore.builder().dataSource(dataSource).build();
    store.createSchemaIfMissing();
  }

  @Override
  protected StateStore store() {
    return store;
  }
}
