package dev.synergylink.sync.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.jdbc.TestPostgres;
import dev.synergylink.sync.spi.ProgressListener;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker JVM running against the HTTP fake servers with its state in PostgreSQL is killed with {@code kill -9}
 * halfway through its work; a new worker on the same database finishes it with no duplicate and no lost edit.
 */
class WorkerCrashTest {
  private static final int COMPANIES = 30;
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** The dead worker's lease (15 minutes by default) has run out when its replacement starts. */
  private static final Duration AFTER_THE_LEASE = Duration.ofMinutes(16);

  // the contract's rate limits and list lag only slow this test down: it is about crashes
  private final SynergyFake synergy = SynergyFake.builder(Clock.systemUTC()).organisation("crash-test").empty()
      .perSecondLimit(1000).replicaLag(Duration.ZERO).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(Clock.systemUTC()).empty().perMinuteLimit(60_000)
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
    for (int i = 1; i <= COMPANIES; i++) {
      synergy.webApp().createContact(ContactCreate.builder().name("Firm " + i).email("office@firm" + i + ".example")
          .build());
    }
  }

  @AfterEach
  void stop() {
    synergyServer.close();
    tinyPlusServer.close();
  }

  @Test
  void aWorkerKilledInTheMiddleOfDownloadAllLeavesNoDuplicate() throws Exception {
    Process worker = startWorker("download");
    waitFor(() -> tinyPlus.webApp().companies().size() >= COMPANIES / 3, worker);
    kill(worker);
    assertThat(tinyPlus.webApp().companies().size()).as("copies made before the kill").isLessThan(COMPANIES);

    replacement().downloadAll(RecordType.COMPANY, ProgressListener.none());

    assertEachSynergyCompanyHasOneCopy();
  }

  @Test
  void aWorkerKilledInTheMiddleOfACycleLosesNoEdit() throws Exception {
    SyncEngine first = CrashWorker.engine(connection(), Clock.systemUTC());
    first.downloadAll(RecordType.COMPANY, ProgressListener.none());
    first.syncOnce();
    List<Contact> synergyCompanies = synergy.webApp().contacts();
    List<Company> tinyPlusCompanies = tinyPlus.webApp().companies();
    for (int i = 0; i < COMPANIES / 2; i++) {
      synergy.webApp().editContact(synergyCompanies.get(i).id(),
          ContactPatch.builder().phone("02 9000 " + (1000 + i)).build());
      tinyPlus.webApp().editCompany(tinyPlusCompanies.get(COMPANIES - 1 - i).id(),
          CompanyPatch.builder().website("https://firm" + i + ".example").build());
    }
    for (int i = 1; i <= 5; i++) {
      synergy.webApp().createContact(ContactCreate.builder().name("New in Synergy " + i).build());
      tinyPlus.webApp().createCompany(CompanyCreate.builder().name("New in tiny+ " + i).build());
    }
    int writesBefore = tinyPlus.writes().size() + synergy.writes().size();

    Process worker = startWorker("cycles");
    waitFor(() -> tinyPlus.writes().size() + synergy.writes().size() >= writesBefore + 20, worker);
    kill(worker);

    SyncEngine replacement = replacement();
    for (int cycle = 0; cycle < 3; cycle++) {
      replacement.syncOnce();
    }

    assertEachSynergyCompanyHasOneCopy();
    for (int i = 0; i < COMPANIES / 2; i++) {
      String editedInSynergy = synergyCompanies.get(i).name();
      String editedInTinyPlus = tinyPlusCompanies.get(COMPANIES - 1 - i).name();
      assertThat(tinyPlus.webApp().companies()).filteredOn(c -> c.name().equals(editedInSynergy))
          .singleElement().extracting(Company::officePhone).isEqualTo("02 9000 " + (1000 + i));
      assertThat(synergy.webApp().contacts()).filteredOn(c -> c.name().equals(editedInTinyPlus))
          .singleElement().extracting(Contact::website).isEqualTo("https://firm" + i + ".example");
    }
  }

  private void assertEachSynergyCompanyHasOneCopy() {
    List<String> synergyNames = synergy.webApp().contacts().stream().map(Contact::name).sorted()
        .collect(Collectors.toList());
    List<String> tinyPlusNames = tinyPlus.webApp().companies().stream().map(Company::name).sorted()
        .collect(Collectors.toList());
    assertThat(tinyPlusNames).as("one tiny+ company per Synergy company").isEqualTo(synergyNames);
    assertThat(synergyNames).doesNotHaveDuplicates();
  }

  private SyncEngine replacement() {
    return CrashWorker.engine(connection(), Clock.offset(Clock.systemUTC(), AFTER_THE_LEASE));
  }

  private CrashWorker.Connection connection() {
    String redirectUri = "https://example.com/callback";
    return new CrashWorker.Connection(synergyServer.baseUrl(), synergyServer.webAppUrl(),
        synergyServer.applicationKey(), synergyServer.applicationSecret(), redirectUri,
        synergyServer.approve(redirectUri), tinyPlusServer.baseUrl(), tinyPlusServer.issueToken(), jdbcUrl,
        TestPostgres.USER, TestPostgres.PASSWORD);
  }

  private Process startWorker(String mode) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process worker = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashWorker.class.getName(), mode)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (OutputStream in = worker.getOutputStream()) {
      in.write(connection().lines().getBytes(StandardCharsets.UTF_8));
    }
    BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).as("the worker's first line").isEqualTo("started");
    return worker;
  }

  /** Waits, bounded, until the condition holds; fails when the worker ended first or the time ran out. */
  private static void waitFor(BooleanSupplier condition, Process worker) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(worker.isAlive()).as("the worker is still running").isTrue();
      assertThat(System.nanoTime()).as("waited for the worker").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux. */
  private static void kill(Process worker) throws InterruptedException {
    worker.destroyForcibly();
    assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(worker.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
  }
}
