package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.scheduler.ConnectionStatus;
import dev.synergylink.sync.scheduler.SyncScheduler;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Running many connections: two scheduler nodes over one H2 database run five connections, each on its own pair of
 * HTTP fake servers, while records appear on both sides; the program prints a status table per connection, then
 * stops node A and shows node B taking its connections over. With PostgreSQL the nodes would be separate machines
 * sharing the database; nothing else changes.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=dev.synergylink.examples.ManyConnections
 * </pre>
 */
public final class ManyConnections {
  private static final int CONNECTIONS = 5;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private ManyConnections() {}

  /** One connection's fakes and their servers: in a real host, the customers' Synergy and tiny+ accounts. */
  private record Account(String id, SynergyFake synergy, TinyPlusFake tinyPlus, SynergyHttpFakeServer synergyServer,
      TinyPlusHttpFakeServer tinyPlusServer) {}

  /**
   * Runs the example.
   *
   * @param args none
   * @throws InterruptedException when interrupted while it waits between tables
   */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = System.out;
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:many-connections;DB_CLOSE_DELAY=-1");
    JdbcStateStore store = JdbcStateStore.builder().dataSource(database).build();
    store.createSchemaIfMissing();

    Map<String, Account> accounts = new LinkedHashMap<>();
    for (int i = 1; i <= CONNECTIONS; i++) {
      String id = "firm-" + i;
      SynergyFake synergy = SynergyFake.builder(Clock.systemUTC()).organisation(id).empty()
          .replicaLag(Duration.ZERO).build();
      TinyPlusFake tinyPlus = TinyPlusFake.builder(Clock.systemUTC()).empty().build();
      accounts.put(id, new Account(id, synergy, tinyPlus, SynergyHttpFakeServer.start(synergy),
          TinyPlusHttpFakeServer.start(tinyPlus)));
    }

    SyncScheduler nodeA = node("node-a", database, store, accounts);
    SyncScheduler nodeB = node("node-b", database, store, accounts);
    nodeA.createTableIfMissing();
    accounts.keySet().forEach(nodeA::add);   // once, from any node: the database remembers the connections
    nodeA.start();
    nodeB.start();

    try {
      for (int round = 1; round <= 4; round++) {
        Thread.sleep(1500);
        for (Account account : accounts.values()) {
          account.synergy().webApp().createContact(ContactCreate.builder().name("Synergy firm " + round).build());
          account.tinyPlus().webApp().createCompany(CompanyCreate.builder().name("tiny+ firm " + round).build());
        }
        table(out, "both nodes running, round " + round, nodeB, accounts);
      }
      out.println("\nStopping node A: runs going on finish, then node B takes every connection.");
      nodeA.stop();
      for (int round = 5; round <= 7; round++) {
        for (Account account : accounts.values()) {
          account.synergy().webApp().createContact(ContactCreate.builder().name("Synergy firm " + round).build());
        }
        Thread.sleep(2000);
        table(out, "node A stopped, round " + round, nodeB, accounts);
      }
    } finally {
      nodeB.stop();
      for (Account account : accounts.values()) {
        account.synergyServer().close();
        account.tinyPlusServer().close();
      }
    }
  }

  private static SyncScheduler node(String name, JdbcDataSource database, JdbcStateStore store,
      Map<String, Account> accounts) {
    return SyncScheduler.builder()
        .dataSource(database)
        .nodeName(name)
        .threads(2)
        .interval(Duration.ofSeconds(1))
        .jitter(Duration.ofMillis(500))
        .pollingInterval(Duration.ofMillis(250))
        .engineFactory(id -> engine(accounts.get(id), name, store))
        .build();
  }

  /** What a host's factory does: look the connection's credentials and settings up, build its clients and engine. */
  private static SyncEngine engine(Account account, String node, JdbcStateStore store) {
    SynergyClient synergy = SynergyClient.builder().baseUrl(account.synergyServer().baseUrl())
        .organisation(account.id()).apiKey(account.synergyServer().apiKey()).build();
    TinyPlusClient tinyPlus = TinyPlusClient.builder().baseUrl(account.tinyPlusServer().baseUrl())
        .tokenProvider(TokenProvider.of(account.tinyPlusServer().issueToken())).build();
    return SyncEngine.builder().synergy(synergy).tinyPlus(tinyPlus).stateStore(store).holder(node)
        .settings(SyncSettings.builder().connectionId(account.id()).synergyOrganisation(account.id())
            .masterSwitch(true).addEnabledTypes(RecordType.COMPANY).build())
        .build();
  }

  private static void table(PrintStream out, String title, SyncScheduler scheduler, Map<String, Account> accounts) {
    out.printf("%n%s%n", title);
    out.printf("%-8s %-18s %-9s %-8s %-8s %-8s %s%n", "conn", "state", "outcome", "last on", "last at", "next at",
        "companies Synergy / tiny+");
    List<ConnectionStatus> all = new ArrayList<>(scheduler.connections());
    for (ConnectionStatus s : all) {
      Account account = accounts.get(s.connectionId());
      String state = s.runningOn() == null ? s.state().toString() : s.state() + " on " + s.runningOn();
      out.printf("%-8s %-18s %-9s %-8s %-8s %-8s %d / %d%n", s.connectionId(), state,
          s.lastOutcome() == null ? "-" : s.lastOutcome(), s.lastRunOn() == null ? "-" : s.lastRunOn(),
          time(s.lastRunAt()), time(s.nextRunAt()), account.synergy().webApp().contacts().size(),
          account.tinyPlus().webApp().companies().size());
    }
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }
}
