package dev.synergylink.examples;

import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Recipe: embed the engine in your application. The host owns persistence (its own {@link StateStore}, here
 * {@link AuditingStateStore} over the testkit's in-memory store) and scheduling (its own
 * {@link ScheduledExecutorService}, here a cycle every 200 ms; in production every minute or so). The engine owns no
 * thread: {@code syncOnce()} runs on the scheduler's thread, and a second run of the same connection, from this
 * process or another, is refused with {@link LeaseHeldException} instead of overlapping.
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
    Sandbox sandbox = Sandbox.realTime();
    Contact contact = sandbox.synergy.webApp().createContact(ContactCreate.builder().name("Mudgee Wines")
        .email("cellar@mudgeewines.com.au").build());

    StateStore store = new AuditingStateStore(InMemoryStateStore.create(), line -> System.out.println("audit: "
        + line));
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

    engine.syncOnce();   // the first cycle starts the cursors: what exists already is for the manual controls
    engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    long companyId = engine.health().counts(RecordType.COMPANY).inSync() == 1
        ? store.linksBySynergyId("recipe", RecordType.COMPANY, java.util.List.of(contact.id())).get(contact.id())
            .tinyPlusId()
        : -1;
    sandbox.tinyPlus.webApp().editCompany(companyId, CompanyPatch.builder().email("sales@mudgeewines.com.au")
        .build());
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
}
