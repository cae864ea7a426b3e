package dev.synergylink.sync.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.jdbc.TestPostgres;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: Download all of N companies matched against N companies already in tiny+ fits a 64 MB heap. The engine
 * runs in a JVM of its own ({@code -Xmx64m}, {@link CrashWorker}) on the real clients, against the HTTP fake servers
 * and a PostgreSQL state store, so that its heap holds the engine alone, as in a host. The build runs 2,000 records;
 * the issue's 100,000 (a few minutes of HTTP on loopback):
 *
 * <pre>
 * mvn -o -pl sync-engine-tests -am verify -Dtest=TransferMemoryTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtransfer.records=100000
 * </pre>
 */
class TransferMemoryTest {
  private static final int RECORDS = Integer.getInteger("transfer.records", 2_000);
  private static final String HEAP = System.getProperty("transfer.heap", "64m");
  private static final Duration WAIT = Duration.ofMinutes(60);

  private final SynergyFake synergy = SynergyFake.builder(Clock.systemUTC()).organisation("crash-test").empty()
      .perSecondLimit(100_000).replicaLag(Duration.ZERO).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(Clock.systemUTC()).empty().perMinuteLimit(6_000_000)
      .build();
  private SynergyHttpFakeServer synergyServer;
  private TinyPlusHttpFakeServer tinyPlusServer;
  private String jdbcUrl;

  @BeforeEach
  void start() {
    synergyServer = SynergyHttpFakeServer.start(synergy);
    tinyPlusServer = TinyPlusHttpFakeServer.start(tinyPlus);
    String database = TestPostgres.newDatabase();
    jdbcUrl = TestPostgres.jdbcUrl(database);
    JdbcStateStore.builder().dataSource(TestPostgres.dataSource(database)).schema("crash").build()
        .createSchemaIfMissing();
    for (int i = 1; i <= RECORDS; i++) {
      synergy.webApp().createContact(ContactCreate.builder().name("Firm " + i).email("office@firm" + i + ".example")
          .phone("02 9000 " + i).build());
      tinyPlus.webApp().createCompany(CompanyCreate.builder().name("FIRM " + i).email("Office@Firm" + i + ".example")
          .build());
    }
  }

  @AfterEach
  void stop() {
    synergyServer.close();
    tinyPlusServer.close();
  }

  @Test
  void downloadAllMatchedAgainstAsManyTinyPlusRecordsFitsA64MegabyteHeap() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    long started = System.nanoTime();
    Process worker = new ProcessBuilder(java, "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp",
        System.getProperty("java.class.path"), CrashWorker.class.getName(), "download")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (OutputStream in = worker.getOutputStream()) {
      in.write(connection().lines().getBytes(StandardCharsets.UTF_8));
    }
    BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).as("the worker's first line").isEqualTo("started");
    assertThat(out.readLine()).as("the worker's last line (none: it ran out of memory)").isEqualTo("finished");
    assertThat(worker.waitFor(WAIT.toMinutes(), TimeUnit.MINUTES)).isTrue();
    assertThat(worker.exitValue()).isZero();

    assertThat(tinyPlus.webApp().companies()).hasSize(RECORDS).allSatisfy(c -> assertThat(c.remoteId()).isNotNull());
    assertThat(tinyPlus.webApp().companies()).extracting(Company::officePhone).doesNotContainNull();
    if (RECORDS > 10_000) {
      System.out.printf("Download all of %d companies matched against %d in tiny+, in -Xmx%s: %d s%n", RECORDS,
          RECORDS, HEAP, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }
  }

  private CrashWorker.Connection connection() {
    String redirectUri = "https://example.com/callback";
    return new CrashWorker.Connection(synergyServer.baseUrl(), synergyServer.webAppUrl(),
        synergyServer.applicationKey(), synergyServer.applicationSecret(), redirectUri,
        synergyServer.approve(redirectUri), tinyPlusServer.baseUrl(), tinyPlusServer.issueToken(), jdbcUrl,
        TestPostgres.USER, TestPostgres.PASSWORD);
  }
}
