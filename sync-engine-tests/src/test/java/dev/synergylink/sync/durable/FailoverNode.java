package dev.synergylink.sync.durable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.scheduler.SyncScheduler;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A scheduler node of {@link SchedulerFailoverTest}: in the test's JVM, or in one of its own ({@link #main}) for the
 * test to kill with {@code kill -9}. It reads the database and the connections from its standard input (credentials
 * never go on a command line) and prints a line per finished run: {@code run <connection> <start> <end>} (epoch ms),
 * and one per fenced write its state store accepted: {@code write <connection> <fencing token> <started>} (epoch
 * microseconds, see {@link FencedWriteLog}).
 */
public final class FailoverNode {
  static final String SCHEMA = "failover";

  private FailoverNode() {}

  /** One connection's fake servers. */
  record Connection(String id, String synergyUrl, String apiKey, String tinyPlusUrl, String tinyPlusToken) {}

  /** A finished run, as the report says. */
  record Run(String connectionId, String node, long start, long end) {}

  /** What a node needs. */
  record Setup(String jdbcUrl, String user, String password, List<Connection> connections) {
    String lines() {
      StringBuilder b = new StringBuilder(String.join("\n", jdbcUrl, user, password,
          Integer.toString(connections.size()))).append('\n');
      for (Connection c : connections) {
        b.append(String.join("\n", c.id(), c.synergyUrl(), c.apiKey(), c.tinyPlusUrl(), c.tinyPlusToken()))
            .append('\n');
      }
      return b.toString();
    }

    static Setup read(BufferedReader in) throws IOException {
      String url = in.readLine();
      String user = in.readLine();
      String password = in.readLine();
      int n = Integer.parseInt(in.readLine());
      List<Connection> connections = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        connections.add(new Connection(in.readLine(), in.readLine(), in.readLine(), in.readLine(), in.readLine()));
      }
      return new Setup(url, user, password, connections);
    }
  }

  /**
   * Runs node {@code args[0]} until killed.
   *
   * @param args the node name
   * @throws IOException when standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    Setup setup = Setup.read(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    SyncScheduler node = node(args[0], setup, run -> print("run " + run.connectionId() + " " + run.start() + " "
        + run.end()), write -> print(write.line()));
    node.start();
    System.out.println("started");
    System.out.flush();
  }

  private static void print(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }

  /**
   * A scheduler node over the setup's database and connections, not started.
   *
   * @param name the node's name
   * @param setup the database and connections
   * @param runs told each finished run
   * @param writes told each fenced write the state store accepted
   * @return the node
   */
  static SyncScheduler node(String name, Setup setup, java.util.function.Consumer<Run> runs,
      java.util.function.Consumer<FencedWriteLog.Write> writes) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(setup.jdbcUrl());
    pool.setUsername(setup.user());
    pool.setPassword(setup.password());
    pool.setMaximumPoolSize(6);
    pool.setPoolName(name);
    HikariDataSource dataSource = new HikariDataSource(pool);
    StateStore store = new FencedWriteLog(JdbcStateStore.builder().dataSource(dataSource).schema(SCHEMA).build(),
        name, writes);
    Map<String, Connection> byId = setup.connections().stream()
        .collect(Collectors.toMap(Connection::id, Function.identity()));
    return SyncScheduler.builder()
        .dataSource(dataSource)
        .nodeName(name)
        .threads(3)
        .interval(Duration.ofMillis(500))
        .jitter(Duration.ofMillis(300))
        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(5))
        .pollingInterval(Duration.ofMillis(200))
        .heartbeat(Duration.ofMillis(500), 4)
        .engineFactory(id -> engine(byId.get(id), name, store, runs))
        .build();
  }

  private static SyncEngine engine(Connection c, String node, StateStore store,
      java.util.function.Consumer<Run> runs) {
    SynergyClient synergy = SynergyClient.builder().baseUrl(c.synergyUrl()).organisation(c.id())
        .apiKey(c.apiKey()).build();
    TinyPlusClient tinyPlus = TinyPlusClient.builder().baseUrl(c.tinyPlusUrl())
        .tokenProvider(TokenProvider.of(c.tinyPlusToken()))
        .requestsPerMinute(60_000)
        .build();
    return SyncEngine.builder()
        .synergy(synergy)
        .tinyPlus(tinyPlus)
        .stateStore(store)
        .holder(node)
        .settings(SyncSettings.builder()
            .connectionId(c.id())
            .synergyOrganisation(c.id())
            .masterSwitch(true)
            .addEnabledTypes(RecordType.COMPANY)
            .leaseDuration(Duration.ofSeconds(30))
            .build())
        .addListener(new SyncListener() {
          @Override
          public void onRunFinished(SyncReport report) {
            runs.accept(new Run(c.id(), node, report.startedAt().toEpochMilli(),
                report.finishedAt().toEpochMilli()));
          }
        })
        .build();
  }
}
