package dev.synergylink.sync.jdbc;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Prints what the state store costs on PostgreSQL at scale: the store's time for the calls of an idle cycle and of a
 * 1%-churn cycle over four record types, and the table size per link. It asserts nothing about time.
 *
 * <p>{@code mvn verify} runs it at 1,000 links per type; the full run at 100,000 links per type:
 * <pre>
 * mvn -pl sync-state-jdbc -am verify -Dtest=JdbcStateStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.links=100000
 * </pre>
 */
class JdbcStateStoreBenchmark {
  private static final int PAGE = 100;
  private static final Duration TTL = Duration.ofMinutes(15);
  private static final String CONNECTION = "benchmark";
  private static final EncodedState STATE = EncodedState.of("{\"v\":1,\"fields\":{\"name\":{\"agreed\":\"Harbour"
      + " Vale Architects\"},\"email\":{\"agreed\":\"office@harbourvale.example\"},\"phone\":{\"agreed\":"
      + "\"02 9000 1234\"},\"website\":{\"agreed\":\"https://harbourvale.example\"},\"abn\":{\"agreed\":"
      + "\"53 004 085 616\"},\"address\":{\"agreed\":\"1 Harbour St, Sydney NSW 2000\"}}}");

  private final int linksPerType = Integer.getInteger("benchmark.links", 1_000);
  private Instant now = Instant.parse("2026-12-07T09:00:00Z");

  @Test
  void printsTheStoresCostPerCycleAndPerLink() throws SQLException {
    DataSource dataSource = TestPostgres.dataSource(TestPostgres.newDatabase());
    JdbcStateStore store = JdbcStateStore.builder().dataSource(dataSource).build();
    store.createSchemaIfMissing();
    long fill = System.nanoTime();
    fill(store);
    double fillSeconds = (System.nanoTime() - fill) / 1e9;
    analyze(dataSource);

    idleCycle(store);
    churnCycle(store);
    double idle = median(() -> idleCycle(store));
    double churn = median(() -> churnCycle(store));
    long bytes = tableBytes(dataSource);

    System.out.printf(Locale.ROOT, "JdbcStateStore on PostgreSQL, %,d links per type (4 types): filled in %.1f s%n",
        linksPerType, fillSeconds);
    System.out.printf(Locale.ROOT, "  idle cycle (lease, 8 cursors read and saved, intents, due failures): %.1f ms%n",
        idle);
    System.out.printf(Locale.ROOT, "  1%%-churn cycle (%,d changed records per type, links read and saved a page"
        + " at a time): %.1f ms%n", linksPerType / 100, churn);
    System.out.printf(Locale.ROOT, "  link table with its indexes: %,d bytes per link%n", bytes / (4L * linksPerType));
  }

  private void fill(JdbcStateStore store) {
    Lease lease = store.acquireLease(CONNECTION, "benchmark", now, TTL).orElseThrow();
    for (RecordType type : RecordType.values()) {
      for (int from = 1; from <= linksPerType; from += 1_000) {
        int first = from;
        store.atomically(lease, () -> {
          for (long id = first; id < first + 1_000 && id <= linksPerType; id++) {
            store.saveLink(lease, link(type, id));
          }
          return null;
        });
      }
    }
    store.releaseLease(lease);
  }

  /** The store calls of a cycle in which nothing changed. */
  private void idleCycle(JdbcStateStore store) {
    now = now.plusSeconds(60);
    Lease lease = store.acquireLease(CONNECTION, "benchmark", now, TTL).orElseThrow();
    for (RecordType type : RecordType.values()) {
      store.pendingCreates(CONNECTION, type);
      store.dueFailures(CONNECTION, type, now, 100);
      for (Side side : Side.values()) {
        store.cursor(CONNECTION, type, side);
        store.saveCursor(lease, type, side, Cursor.of(now, 1));
      }
    }
    store.releaseLease(lease);
  }

  /** The store calls of a cycle in which 1% of each type changed on one side: pages of links read and saved. */
  private void churnCycle(JdbcStateStore store) {
    now = now.plusSeconds(60);
    Lease lease = store.acquireLease(CONNECTION, "benchmark", now, TTL).orElseThrow();
    int changed = linksPerType / 100;
    long offset = (now.getEpochSecond() / 60) % 50;
    for (RecordType type : RecordType.values()) {
      store.pendingCreates(CONNECTION, type);
      store.dueFailures(CONNECTION, type, now, 100);
      for (int page = 0; page * PAGE < changed; page++) {
        List<Long> ids = new ArrayList<>();
        for (int i = page * PAGE; i < Math.min(changed, (page + 1) * PAGE); i++) {
          ids.add(1 + (offset + i * 100L) % linksPerType);
        }
        store.failures(CONNECTION, type, Side.SYNERGY, ids);
        var links = store.linksBySynergyId(CONNECTION, type, ids);
        store.atomically(lease, () -> {
          links.values().forEach(link -> store.saveLink(lease, Link.builder().from(link).syncedAt(now).build()));
          store.saveCursor(lease, type, Side.SYNERGY, Cursor.of(now, ids.get(ids.size() - 1)));
          return null;
        });
      }
      store.cursor(CONNECTION, type, Side.TINYPLUS);
      store.saveCursor(lease, type, Side.TINYPLUS, Cursor.of(now, 1));
    }
    store.releaseLease(lease);
  }

  private static Link link(RecordType type, long id) {
    return Link.builder().recordType(type).synergyId(id).tinyPlusId(1_000_000 + id).state(STATE)
        .synergyModified(Instant.parse("2026-12-01T00:00:00Z")).tinyPlusModified(Instant.parse("2026-12-01T00:00:01Z"))
        .syncedAt(Instant.parse("2026-12-01T00:00:02Z")).build();
  }

  private static double median(Runnable cycle) {
    double[] millis = new double[9];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      cycle.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(millis);
    return millis[millis.length / 2];
  }

  private static void analyze(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  private static long tableBytes(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_total_relation_size('synergylink_link')")) {
      row.next();
      return row.getLong(1);
    }
  }
}
