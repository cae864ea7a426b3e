package dev.synergylink.examples;

import dev.synergylink.sync.FlowCounts;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.FieldConflict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints a {@link SyncReport} as a few readable lines: per record type and direction what was created, linked,
 * updated, skipped or failed; each conflict and how it was settled; each skipped or failed record with its reason;
 * the API calls spent on each system. Thread-safe (it keeps no state).
 */
public final class ReportPrinter {
  private final PrintStream out;

  /**
   * A printer.
   *
   * @param out where to print
   */
  public ReportPrinter(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out == null");
  }

  /**
   * Prints a report.
   *
   * @param report the report
   */
  public void print(SyncReport report) {
    if (report.masterSwitchOff()) {
      out.println("    master switch off: nothing done, no API call");
      return;
    }
    boolean any = false;
    for (FlowCounts c : report.counts()) {
      String line = counts(c);
      if (!line.isEmpty()) {
        out.printf(Locale.ROOT, "    %-13s %-17s %s%n", Names.plural(c.recordType()), Names.arrow(c.flow()), line);
        any = true;
      }
    }
    if (!any) {
      out.println("    nothing to write: both sides already agree");
    }
    for (ResolvedConflict resolved : report.conflicts()) {
      FieldConflict c = resolved.conflict();
      out.printf(Locale.ROOT, "    conflict: %s '%s' of %s changed on both sides (Synergy '%s', tiny+ '%s'):"
              + " %s kept, the other value is kept in the report%n",
          singular(c.recordType().name()), c.field(), pair(c.synergyId(), c.tinyPlusId()), c.synergyValue(),
          c.tinyPlusValue(), resolved.winner() == Side.SYNERGY ? "Synergy's value" : "tiny+'s value");
    }
    for (RecordEvent e : report.problems()) {
      out.printf(Locale.ROOT, "    %s: %s %s (%s)%s: %s%n", e.outcome().name().toLowerCase(Locale.ROOT),
          singular(e.recordType().name()), ids(e), Names.arrow(e.flow()),
          e.field() == null ? "" : " field " + e.field(), e.message());
    }
    if (report.aborted()) {
      out.println("    stopped early: " + report.abortedBecause());
    }
    out.printf(Locale.ROOT, "    API calls: Synergy %d, tiny+ %d%n", report.apiCalls(Side.SYNERGY),
        report.apiCalls(Side.TINYPLUS));
  }

  private static String counts(FlowCounts c) {
    List<String> parts = new ArrayList<>();
    add(parts, c.created(), "created");
    add(parts, c.linked(), "linked to an existing record");
    add(parts, c.updated(), "updated");
    add(parts, c.conflicts(), c.conflicts() == 1 ? "conflict" : "conflicts");
    add(parts, c.skipped(), "skipped");
    add(parts, c.failed(), "failed");
    add(parts, c.orphaned(), "orphaned");
    if (parts.isEmpty()) {
      return "";
    }
    add(parts, c.unchanged(), "unchanged");
    return String.join(", ", parts);
  }

  private static void add(List<String> parts, int count, String what) {
    if (count > 0) {
      parts.add(count + " " + what);
    }
  }

  private static String singular(String recordType) {
    return recordType.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String ids(RecordEvent e) {
    if (e.synergyId() != null && e.tinyPlusId() != null) {
      return pair(e.synergyId(), e.tinyPlusId());
    }
    return e.synergyId() != null ? "Synergy " + e.synergyId() : "tiny+ " + e.tinyPlusId();
  }

  private static String pair(long synergyId, long tinyPlusId) {
    return "Synergy " + synergyId + " / tiny+ " + tinyPlusId;
  }
}
