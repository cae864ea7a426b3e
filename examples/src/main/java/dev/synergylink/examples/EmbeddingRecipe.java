package dev.synergylink.examples;

import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Recipe: embed the engine in your application. The host owns persistence (its own {@link StateStore}, here
 * {@link AuditingStateStore} over a {@link JdbcStateStore} in an H2 file database, so a second run carries on from
 * the first) and scheduling (its own {@link ScheduledExecutorService}, here a cycle every 200 ms; in production every
 * minute or so). The engine owns no thread: {@code syncOnce()} runs on the scheduler's thread, and a second run of
 * the same connection, from this process or another, is refused with {@link LeaseHeldException} instead of
 * overlapping.
 *
 * <p>The two systems are the testkit's in-process fakes; they stand in for systems that keep their records, so the
 * recipe saves their records beside the database ({@code saveData}) and loads them in its next run: saved links must
 * find their records again. Everything goes to {@code target/synergylink-embedding} (or the directory in the system
 * property {@code synergylink.recipe.dir}); delete it to start over.
 */
public final class EmbeddingRecipe {
  private EmbeddingRecipe() {}

  /**
   * Runs the recipe.
   *
   * @param args none
   * @throws InterruptedException when interrupted while waiting for the cycles
   */
  public static void main(String[] args) throws InterruptedException {
    run(Path.of(System.getProperty("synergylink.recipe.dir", "target/synergylink-embedding")));
  }

  /** Runs the recipe with its database and the fakes' records in {@code directory}. */
  static void run(Path directory) throws InterruptedException {
    Sandbox sandbox = Sandbox.realTime();
    Path synergyData = directory.resolve("synergy.data");
    Path tinyPlusData = directory.resolve("tinyplus.data");
    boolean carryOn = Files.isRegularFile(synergyData) && Files.isRegularFile(tinyPlusData);
    if (carryOn) {
      sandbox.synergy.loadData(synergyData);
      sandbox.tinyPlus.loadData(tinyPlusData);
      System.out.println("carrying on from the last run, saved in " + directory.toAbsolutePath());
    } else {
      startOver(directory);
    }
    JdbcConnectionPool database = JdbcConnectionPool.create("jdbc:h2:file:"
        + directory.resolve("state").toAbsolutePath(), "sa", "");
    try {
      JdbcStateStore state = JdbcStateStore.builder().dataSource(database).build();
      state.createSchemaIfMissing();
      StateStore store = new AuditingStateStore(state, line -> System.out.println("audit: " + line));
      syncInTheBackground(sandbox, store, carryOn);
      sandbox.synergy.saveData(synergyData);
      sandbox.tinyPlus.saveData(tinyPlusData);
    } finally {
      database.dispose();
    }
  }

  private static void syncInTheBackground(Sandbox sandbox, StateStore store, boolean carryOn)
      throws InterruptedException {
    CountDownLatch threeCycles = new CountDownLatch(3);
    SyncEngine engine = sandbox.engine()
        .stateStore(store)
        .addListener(new SyncListener() {
          @Override
          public void onRunFinished(SyncReport report) {
            if (report.operation() == SyncReport.Operation.SYNC) {
              threeCycles.countDown();
            }
          }
        })
        .build();

    Contact contact;
    if (carryOn) {
      contact = sandbox.synergy.webApp().contacts().stream().filter(c -> c.name().equals("Mudgee Wines"))
          .findFirst().orElseThrow(() -> new IllegalStateException("the saved records have no Mudgee Wines"));
    } else {
      contact = sandbox.synergy.webApp().createContact(ContactCreate.builder().name("Mudgee Wines")
          .email("cellar@mudgeewines.com.au").build());
      engine.syncOnce();   // the first cycle starts the cursors: what exists already is for the manual controls
      engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    }
    Link link = store.linksBySynergyId(sandbox.settings.connectionId(), RecordType.COMPANY, List.of(contact.id()))
        .get(contact.id());
    long companyId = link.tinyPlusId();
    // each run changes the email, so that each run has something to send
    String email = sandbox.tinyPlus.webApp().company(companyId).email().startsWith("sales@")
        ? "orders@mudgeewines.com.au" : "sales@mudgeewines.com.au";
    sandbox.tinyPlus.webApp().editCompany(companyId, CompanyPatch.builder().email(email).build());
    System.out.println("a person changed the company's email in tiny+");

    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "synergylink-sync");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        SyncReport report = engine.syncOnce();
        if (!report.problems().isEmpty() || report.aborted()) {
          System.out.println(report.toText());
        }
      } catch (LeaseHeldException e) {
        // another worker is syncing this connection right now: skip this turn
      } catch (RuntimeException e) {
        // an exception would cancel the schedule; keep going and let the next cycle try again
        System.out.println("cycle failed: " + e);
      }
    }, 0, 200, TimeUnit.MILLISECONDS);

    boolean done = threeCycles.await(30, TimeUnit.SECONDS);
    scheduler.shutdown();
    scheduler.awaitTermination(30, TimeUnit.SECONDS);
    System.out.println((done ? "three cycles ran" : "the cycles did not finish in time")
        + "; Synergy now has email " + sandbox.synergy.webApp().contact(contact.id()).email());
  }

  /** Removes what a run that did not finish left (a database whose records were never saved), and only that. */
  private static void startOver(Path directory) {
    try {
      Files.createDirectories(directory);
      for (String file : List.of("synergy.data", "tinyplus.data", "state.mv.db", "state.trace.db")) {
        Files.deleteIfExists(directory.resolve(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove the recipe's files from " + directory, e);
    }
  }
}
