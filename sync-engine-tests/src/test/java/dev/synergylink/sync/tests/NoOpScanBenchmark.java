package dev.synergylink.sync.tests;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.synergy.ContactCreate;
import java.time.Duration;
import java.time.Instant;

/**
 * Prints how long the engine takes to look at N linked, unchanged companies on both sides (the cost of a cycle
 * whose cursors were reset): the architecture's target is well under a second for 100k records of engine time.
 * The in-memory fakes' own time is included (it dominates: each of their list calls filters the whole table), so
 * the figure is an upper bound; a profile of 3 rounds of 20k put under 2 % of the samples in the engine. Not a
 * test: run its {@code main} with the module's test class path.
 */
public final class NoOpScanBenchmark {
  private NoOpScanBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the number of companies (default 20000)
   */
  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Fixture f = new Fixture(RecordType.COMPANY);
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(false).build();
    f.rebuild(b -> b);
    for (int i = 0; i < records; i++) {
      f.synergy.webApp().createContact(ContactCreate.builder().name("Company " + i).email("c" + i + "@example.com")
          .phone("02 " + i).build());
    }
    f.clock.advance(Duration.ofMinutes(1));
    f.engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(true).build();
    f.rebuild(b -> b);

    for (int round = 0; round < 3; round++) {
      f.clock.advance(Duration.ofMinutes(1));
      Lease lease = f.store.acquireLease(Fixture.CONNECTION, "benchmark", f.clock.instant(), Duration.ofMinutes(1))
          .orElseThrow();
      f.store.saveCursor(lease, RecordType.COMPANY, Side.SYNERGY, Cursor.of(Instant.EPOCH, 0));
      f.store.saveCursor(lease, RecordType.COMPANY, Side.TINYPLUS, Cursor.of(Instant.EPOCH, 0));
      f.store.releaseLease(lease);
      long start = System.nanoTime();
      SyncReport report = f.engine.syncOnce();
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("round %d: looked at %d + %d records in %d ms (%d API calls, %d written)%n", round,
          report.counts(RecordType.COMPANY, dev.synergylink.sync.Flow.SYNERGY_TO_TINYPLUS).unchanged(),
          report.counts(RecordType.COMPANY, dev.synergylink.sync.Flow.TINYPLUS_TO_SYNERGY).unchanged(), millis,
          report.apiCalls(Side.SYNERGY) + report.apiCalls(Side.TINYPLUS),
          f.synergy.writes().stream().filter(w -> w.source() == FakeWrite.Source.API).count()
              + f.tinyPlus.writes().stream().filter(w -> w.source() == FakeWrite.Source.API).count());
      f.resetCounts();
    }
  }
}
