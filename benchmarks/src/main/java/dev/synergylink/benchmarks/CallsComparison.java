package dev.synergylink.benchmarks;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The API calls of this SDK beside the full-scan poller's, counted at the fakes' client interfaces, on worlds of one
 * generator: an idle cycle and a 1%-churn cycle over the linked world, and Download all / Upload all per record of
 * each type from one side's world into an empty other side.
 */
final class CallsComparison {
  private static final RecordType[] TRANSFERRED = {RecordType.COMPANY, RecordType.CONTACT, RecordType.PROJECT};

  private final PrintStream out;

  CallsComparison(PrintStream out) {
    this.out = out;
  }

  /**
   * Prints the table.
   *
   * @param n records per type of the linked world
   * @param transferred records per type of the transfer worlds
   */
  void run(int n, int transferred) {
    out.printf(Locale.ROOT, "%nAPI calls (both systems), %,d companies, contacts and projects and %d team members"
        + " per side%n", n, World.TEAM_MEMBERS);
    out.printf(Locale.ROOT, "%-44s %12s %18s %8s%n", "", "SynergyLink", "full-scan poller", "ratio");
    cycles(n);
    transfers(transferred, false);
    transfers(transferred, true);
  }

  private void cycles(int n) {
    LinkedWorlds.Linked linked = LinkedWorlds.of(n);
    Connection c = linked.connection();
    FullScanPoller naive = new FullScanPoller(c.synergy, c.tinyPlus);
    naive.cycle(); // learns the world
    for (int i = 0; i < 3; i++) {
      c.clock.advance(Duration.ofMinutes(1));
      c.timedEngine().syncOnce(); // the timed engine's first runs (its first projects run reads the statuses)
    }

    c.clock.advance(Duration.ofMinutes(1));
    c.resetCounts();
    long naiveWrites = naive.cycle();
    long naiveIdle = c.calls() + naiveWrites;
    c.resetCounts();
    SyncReport idle = c.timedEngine().syncOnce();
    long idleCalls = c.calls();
    long idleStore = c.stopwatch.storeCalls();
    long idleLinks = c.stopwatch.storeCallsByMethod().getOrDefault("saveLink", 0L);
    row("idle cycle", idleCalls, naiveIdle);

    int edited = linked.world().churn(c);
    c.resetCounts();
    long naiveChurn = naive.cycle();
    naiveChurn += c.calls();
    c.resetCounts();
    SyncReport churn = c.timedEngine().syncOnce();
    long churnCalls = c.calls();
    long churnWrites = c.writes();
    long churnStore = c.stopwatch.storeCalls();
    row(String.format(Locale.ROOT, "1%%-churn cycle (%,d records edited)", edited), churnCalls, naiveChurn);
    c.resetCounts();
    c.clock.advance(Duration.ofMinutes(1));
    naive.cycle(); // takes in the engine's writes, so that they are not counted as the next cycle's changes
    c.resetCounts();
    c.timedEngine().syncOnce();
    long after = c.calls();
    long afterWrites = c.writes();
    c.resetCounts();
    check(idle);
    check(churn);
    out.printf(Locale.ROOT, "  idle cycle: %d state store calls, %d links saved; 1%%-churn cycle: %,d writes, %,d state"
        + " store calls; the idle cycle after it: %d calls, %d writes%n", idleStore, idleLinks, churnWrites, churnStore,
        after, afterWrites);
  }

  private void transfers(int n, boolean upload) {
    Connection c = new Connection();
    if (upload) {
      World.inTinyPlus(c, n);
    } else {
      World.inSynergy(c, n);
    }
    c.engine().teamMembers().link(SynergyFake.ADMIN_STAFF_ID, TinyPlusFake.ADMIN_ID);
    for (int i = 0; i < TRANSFERRED.length; i++) {
      RecordType type = TRANSFERRED[i];
      c.resetCounts();
      long naiveWrites = new FullScanPoller(c.synergy, c.tinyPlus).transfer(i + 1, n, upload);
      long naive = c.calls() + naiveWrites;
      c.clock.advance(Duration.ofMinutes(1));
      c.resetCounts();
      SyncReport report = upload ? c.engine().uploadAll(type, ProgressListener.none())
          : c.engine().downloadAll(type, ProgressListener.none());
      check(report);
      String what = String.format(Locale.ROOT, "%s, per record (%s, %,d)", upload ? "Upload all" : "Download all",
          type.name().toLowerCase(Locale.ROOT), n);
      out.printf(Locale.ROOT, "%-44s %12.2f %18.2f %7.2fx%n", what, c.calls() / (double) n, naive / (double) n,
          naive / (double) c.calls());
    }
  }

  private void row(String what, long sdk, long naive) {
    out.printf(Locale.ROOT, "%-44s %,12d %,18d %7.1fx%n", what, sdk, naive, naive / (double) sdk);
  }

  private static void check(SyncReport report) {
    if (report.aborted() || !report.problems().isEmpty()) {
      throw new IllegalStateException("a measured run did not go through: " + report.toText());
    }
  }
}
