package dev.synergylink.sync.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.jdbc.TestPostgres;
import dev.synergylink.sync.scheduler.ConnectionState;
import dev.synergylink.sync.scheduler.ConnectionStatus;
import dev.synergylink.sync.scheduler.SyncScheduler;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three scheduler nodes over one embedded PostgreSQL run many connections against the HTTP fake servers while
 * people edit both sides; node C is a JVM of its own, killed with {@code kill -9} while it runs a connection. Every
 * connection converges with no duplicate and no lost edit, no connection ran on two nodes at once (checked from the
 * fencing tokens of every write the state store accepted, see {@link FencedWriteLog}), and the dead node's
 * connections are taken over under newer tokens.
 *
 * <p>{@code mvn verify} runs {@value #DEFAULT_CONNECTIONS} connections; the full run is 50:
 * {@code mvn -o -pl sync-engine-tests -am verify -Dtest=SchedulerFailoverTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsynergylink.failover.connections=50}.
 */
class SchedulerFailoverTest {
  private static final int DEFAULT_CONNECTIONS = 8;
  private static final int CONNECTIONS = Integer.getInteger("synergylink.failover.connections",
      DEFAULT_CONNECTIONS);
  private static final int NEW_PER_SIDE = 3;
  /** Bounded waits; convergence includes the dead node's 30 s leases running out. */
  private static final Duration WAIT = Duration.ofSeconds(150);

  private final List<SynergyFake> synergy = new ArrayList<>();
  private final List<TinyPlusFake> tinyPlus = new ArrayList<>();
  private final List<AutoCloseable> servers = new ArrayList<>();
  private final List<FailoverNode.Run> runs = new CopyOnWriteArrayList<>();
  private final List<FencedWriteLog.Write> writes = new CopyOnWriteArrayList<>();
  private final List<SyncScheduler> nodes = new ArrayList<>();
  private FailoverNode.Setup setup;
  private Process nodeC;

  @BeforeEach
  void start() {
    String database = TestPostgres.newDatabase();
    JdbcStateStore.builder().dataSource(TestPostgres.dataSource(database)).schema(FailoverNode.SCHEMA).build()
        .createSchemaIfMissing();
    List<FailoverNode.Connection> connections = new ArrayList<>();
    for (int i = 0; i < CONNECTIONS; i++) {
      String id = "org-" + i;
      SynergyFake s = SynergyFake.builder(Clock.systemUTC()).organisation(id).empty().perSecondLimit(1000)
          .replicaLag(Duration.ZERO).build();
      TinyPlusFake t = TinyPlusFake.builder(Clock.systemUTC()).empty().perMinuteLimit(60_000).build();
      SynergyHttpFakeServer sServer = SynergyHttpFakeServer.start(s);
      TinyPlusHttpFakeServer tServer = TinyPlusHttpFakeServer.start(t);
      synergy.add(s);
      tinyPlus.add(t);
      servers.add(sServer);
      servers.add(tServer);
      connections.add(new FailoverNode.Connection(id, sServer.baseUrl(), sServer.apiKey(), tServer.baseUrl(),
          tServer.issueToken()));
    }
    setup = new FailoverNode.Setup(TestPostgres.jdbcUrl(database), TestPostgres.USER, TestPostgres.PASSWORD,
        connections);
  }

  @AfterEach
  void stop() throws Exception {
    if (nodeC != null) {
      nodeC.destroyForcibly();
      nodeC.waitFor(30, TimeUnit.SECONDS);
    }
    nodes.forEach(SyncScheduler::stop);
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  @Test
  void aNodeKilledMidRunLeavesEveryConnectionConvergedWithNoOverlapNoDuplicateAndNoLostEdit() throws Exception {
    // Given nodes A and B running every connection's first cycle
    SyncScheduler a = inProcessNode("node-a");
    a.createTableIfMissing();
    SyncScheduler b = inProcessNode("node-b");
    for (FailoverNode.Connection c : setup.connections()) {
      a.add(c.id());
    }
    a.start();
    b.start();
    waitFor("every first cycle", () -> a.connections().stream().allMatch(s -> s.lastRunAt() != null), null);

    // and node C in a JVM of its own, while people create records on both sides
    nodeC = startNodeC();
    for (int i = 0; i < CONNECTIONS; i++) {
      for (int k = 0; k < NEW_PER_SIDE; k++) {
        synergy.get(i).webApp().createContact(ContactCreate.builder().name("S" + k + " of org-" + i).build());
        tinyPlus.get(i).webApp().createCompany(CompanyCreate.builder().name("T" + k + " of org-" + i).build());
      }
    }

    // When node C is killed while it runs a connection
    waitFor("node C running a connection after it ran one", () -> ranOn("node-c")
        && a.connections().stream().anyMatch(s -> "node-c".equals(s.runningOn())), nodeC);
    kill(nodeC);
    // and people edit both sides after the kill
    for (int i = 0; i < CONNECTIONS; i++) {
      Contact s0 = named(synergy.get(i).webApp().contacts(), Contact::name, "S0 of org-" + i);
      synergy.get(i).webApp().editContact(s0.id(), ContactPatch.builder().phone("02 9000 10" + i).build());
      Company t0 = named(tinyPlus.get(i).webApp().companies(), Company::name, "T0 of org-" + i);
      tinyPlus.get(i).webApp().editCompany(t0.id(),
          CompanyPatch.builder().website("https://t0.org" + i + ".example").build());
    }

    // Then every connection converges on nodes A and B
    waitFor("every connection converged", this::allConverged, null);
    waitFor("the dead node's connections taken over", () -> a.connections().stream()
        .allMatch(s -> s.state() != ConnectionState.RUNNING || !"node-c".equals(s.runningOn())), null);
    for (int i = 0; i < CONNECTIONS; i++) {
      assertConverged(i);
    }
    assertNoConnectionRanOnTwoNodesAtOnce();
    assertThat(a.connections()).extracting(ConnectionStatus::connectionId).hasSize(CONNECTIONS);
  }

  private SyncScheduler inProcessNode(String name) {
    SyncScheduler node = FailoverNode.node(name, setup, runs::add, writes::add);
    nodes.add(node);
    return node;
  }

  private boolean ranOn(String node) {
    return runs.stream().anyMatch(r -> r.node().equals(node));
  }

  private boolean allConverged() {
    for (int i = 0; i < CONNECTIONS; i++) {
      try {
        assertConverged(i);
      } catch (AssertionError notYet) {
        return false;
      }
    }
    return true;
  }

  private void assertConverged(int i) {
    List<String> synergyNames = synergy.get(i).webApp().contacts().stream().map(Contact::name).sorted()
        .collect(Collectors.toList());
    List<String> tinyPlusNames = tinyPlus.get(i).webApp().companies().stream().map(Company::name).sorted()
        .collect(Collectors.toList());
    assertThat(synergyNames).as("org-%s: every record on both sides", i).hasSize(2 * NEW_PER_SIDE)
        .doesNotHaveDuplicates();
    assertThat(tinyPlusNames).as("org-%s: one copy each", i).isEqualTo(synergyNames);
    assertThat(named(tinyPlus.get(i).webApp().companies(), Company::name, "S0 of org-" + i).officePhone())
        .as("org-%s: the Synergy edit", i).isEqualTo("02 9000 10" + i);
    assertThat(named(synergy.get(i).webApp().contacts(), Contact::name, "T0 of org-" + i).website())
        .as("org-%s: the tiny+ edit", i).isEqualTo("https://t0.org" + i + ".example");
  }

  /**
   * From the fencing tokens of the writes the state store accepted (see {@link FencedWriteLog}): ordered by when
   * they started, each connection's writes never go back to an older token, so no two nodes wrote for one connection
   * at once; and each token's writes come from one node.
   */
  private void assertNoConnectionRanOnTwoNodesAtOnce() {
    Map<String, List<FencedWriteLog.Write>> byConnection = writes.stream()
        .collect(Collectors.groupingBy(FencedWriteLog.Write::connectionId));
    assertThat(byConnection).hasSize(CONNECTIONS);
    assertThat(writes).extracting(FencedWriteLog.Write::node).contains("node-a", "node-b", "node-c");
    for (List<FencedWriteLog.Write> list : byConnection.values()) {
      List<FencedWriteLog.Write> sorted = list.stream()
          .sorted(Comparator.comparingLong(FencedWriteLog.Write::startedMicros)).collect(Collectors.toList());
      for (int k = 1; k < sorted.size(); k++) {
        FencedWriteLog.Write before = sorted.get(k - 1);
        FencedWriteLog.Write after = sorted.get(k);
        assertThat(after.token()).as("%s came after %s", after, before).isGreaterThanOrEqualTo(before.token());
        if (after.token() == before.token()) {
          assertThat(after.node()).as("one token, one node: %s and %s", after, before).isEqualTo(before.node());
        }
      }
    }
    // the dead node's connections went on under newer tokens, on the other nodes
    assertThat(writes).filteredOn(w -> w.node().equals("node-c")).allSatisfy(c -> assertThat(writes)
        .anyMatch(w -> w.connectionId().equals(c.connectionId()) && w.token() > c.token()
            && !w.node().equals("node-c")));
  }

  private static <T> T named(List<T> records, java.util.function.Function<T, String> name, String wanted) {
    return records.stream().filter(r -> wanted.equals(name.apply(r))).findFirst()
        .orElseThrow(() -> new AssertionError("no record named " + wanted));
  }

  private Process startNodeC() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        FailoverNode.class.getName(), "node-c")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(setup.lines().getBytes(StandardCharsets.UTF_8));
    }
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          String[] f = line.split(" ");
          if (f[0].equals("run")) {
            runs.add(new FailoverNode.Run(f[1], "node-c", Long.parseLong(f[2]), Long.parseLong(f[3])));
          } else if (f[0].equals("write")) {
            writes.add(FencedWriteLog.Write.parse(line, "node-c"));
          }
        }
      } catch (java.io.IOException ended) {
        // the node was killed
      }
    }, "node-c-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  /** Waits, bounded, until the condition holds; fails when the node ended first or the time ran out. */
  private static void waitFor(String what, BooleanSupplier condition, Process node) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (node != null) {
        assertThat(node.isAlive()).as("node C is still running while waiting for " + what).isTrue();
      }
      assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux. */
  private static void kill(Process node) throws InterruptedException {
    node.destroyForcibly();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
  }
}
