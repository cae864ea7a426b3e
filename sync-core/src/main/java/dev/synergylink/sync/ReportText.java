package dev.synergylink.sync;

import dev.synergylink.sync.spi.FieldConflict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SyncReport} for people: {@link SyncReport#summary()} and {@link SyncReport#toText()}. Records are
 * named one way everywhere: the record type in words, then the side as users see it, e.g. {@code contact tiny+
 * 20040} or {@code company Synergy 1015 / tiny+ 10002}.
 */
final class ReportText {
  private ReportText() {}

  static String summary(SyncReport report) {
    StringBuilder line = new StringBuilder(operation(report.operation())).append(": ");
    if (report.masterSwitchOff()) {
      return line.append("master switch off, nothing done, no API call").toString();
    }
    List<String> flows = new ArrayList<>();
    for (FlowCounts c : report.counts()) {
      List<String> parts = countParts(c, true);
      if (!parts.isEmpty()) {
        flows.add(plural(c.recordType()) + " " + arrow(c.flow()) + " " + String.join(", ", parts));
      }
    }
    line.append(flows.isEmpty() ? "nothing to write" : String.join("; ", flows));
    List<String> problems = new ArrayList<>();
    count(problems, report.problems(RecordOutcome.FAILED).size(), "failed");
    count(problems, report.problems(RecordOutcome.SKIPPED).size(), "skipped");
    count(problems, report.problems(RecordOutcome.FIELD_NOT_SYNCED).size(), "field not synced", "fields not synced");
    count(problems, report.conflicts().size(), "conflict", "conflicts");
    if (!problems.isEmpty()) {
      line.append(" (").append(String.join(", ", problems)).append(')');
    }
    report.stoppedTypes().forEach((type, cause) ->
        line.append("; ").append(plural(type)).append(" stopped: ").append(cause.message()));
    if (report.aborted()) {
      line.append("; stopped early: ").append(report.abortedBecause());
    }
    return line.append("; API calls: ").append(calls(report)).toString();
  }

  static String text(SyncReport report) {
    List<String> lines = new ArrayList<>();
    if (report.masterSwitchOff()) {
      return "master switch off: nothing done, no API call";
    }
    for (FlowCounts c : report.counts()) {
      List<String> parts = countParts(c, false);
      if (!parts.isEmpty()) {
        lines.add(String.format(Locale.ROOT, "%-13s %-17s %s", plural(c.recordType()), arrow(c.flow()),
            String.join(", ", parts)));
      }
    }
    if (lines.isEmpty()) {
      lines.add("nothing to write: both sides already agree");
    }
    for (ResolvedConflict resolved : report.conflicts()) {
      FieldConflict c = resolved.conflict();
      Side loser = resolved.winner().other();
      String lost = values(c).isEmpty() ? "values kept out of reports by the settings"
          : side(loser) + "'s is kept in this report";
      lines.add("conflict: " + pair(c.recordType(), c.synergyId(), c.tinyPlusId()) + ", field " + c.field()
          + ", changed on both sides" + values(c) + ": " + side(resolved.winner()) + "'s value kept; " + lost);
    }
    for (RecordEvent e : report.problems()) {
      // an orphaning went nowhere: the side the record was deleted on says more than a direction
      String where = e.deletedSide() == null ? arrow(e.flow()) : "deleted in " + side(e.deletedSide());
      lines.add(outcome(e.outcome()) + ": " + record(e) + " (" + where + ")"
          + (e.field() == null ? "" : ", field " + e.field()) + (e.message() == null ? "" : ": " + e.message()));
    }
    report.stoppedTypes().forEach((type, cause) -> lines.add(plural(type) + " stopped: " + cause.message()));
    if (report.aborted()) {
      lines.add("stopped early: " + report.abortedBecause());
    }
    lines.add("API calls: " + calls(report));
    return String.join("\n", lines);
  }

  /**
   * The counts in words. For people, records seen with nothing to write (mostly the engine's own writes coming
   * back) are left out, and conflicts are told as part of the updates they led to.
   */
  private static List<String> countParts(FlowCounts c, boolean withUnchanged) {
    List<String> parts = new ArrayList<>();
    count(parts, c.created(), "created");
    count(parts, c.linked(), "linked to an existing record", "linked to existing records");
    if (c.updated() > 0) {
      parts.add(c.updated() + " updated" + (c.conflicts() == 0 ? ""
          : c.conflicts() == 1 ? " (1 conflict settled)" : " (" + c.conflicts() + " conflicts settled)"));
    } else {
      count(parts, c.conflicts(), "conflict settled", "conflicts settled");
    }
    count(parts, c.skipped(), "skipped");
    count(parts, c.failed(), "failed");
    count(parts, c.orphaned(), "orphaned");
    if (withUnchanged && !parts.isEmpty()) {
      count(parts, c.unchanged(), "unchanged");
    }
    return parts;
  }

  private static void count(List<String> parts, int count, String what) {
    count(parts, count, what, what);
  }

  private static void count(List<String> parts, int count, String one, String many) {
    if (count > 0) {
      parts.add(count + " " + (count == 1 ? one : many));
    }
  }

  private static String operation(SyncReport.Operation operation) {
    switch (operation) {
      case DOWNLOAD_ALL: return "Download all";
      case UPLOAD_ALL: return "Upload all";
      case TEAM_MEMBER_LINKING: return "Team member linking";
      case RETRY: return "Retry";
      case PUSH: return "Push";
      default: return "Sync";
    }
  }

  private static String outcome(RecordOutcome outcome) {
    return outcome == RecordOutcome.FIELD_NOT_SYNCED ? "not synced" : outcome.name().toLowerCase(Locale.ROOT);
  }

  /** A record type in words, e.g. "team member". */
  static String singular(RecordType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A record type in words, in the plural, e.g. "companies". */
  static String plural(RecordType type) {
    return type == RecordType.COMPANY ? "companies" : singular(type) + "s";
  }

  /** A side as users see it. */
  static String side(Side side) {
    return side == Side.SYNERGY ? "Synergy" : "tiny+";
  }

  static String arrow(Flow flow) {
    return side(flow.source()) + " -> " + side(flow.target());
  }

  static String pair(RecordType type, long synergyId, long tinyPlusId) {
    return singular(type) + " Synergy " + synergyId + " / tiny+ " + tinyPlusId;
  }

  private static String record(RecordEvent e) {
    if (e.synergyId() != null && e.tinyPlusId() != null) {
      return pair(e.recordType(), e.synergyId(), e.tinyPlusId());
    }
    return singular(e.recordType()) + (e.synergyId() != null ? " Synergy " + e.synergyId()
        : e.tinyPlusId() != null ? " tiny+ " + e.tinyPlusId() : "");
  }

  /** Both values null: the host kept values out of reports (two empty values never conflict). */
  private static String values(FieldConflict c) {
    if (c.synergyValue() == null && c.tinyPlusValue() == null) {
      return "";
    }
    return " (Synergy " + quoted(c.synergyValue()) + ", tiny+ " + quoted(c.tinyPlusValue()) + ")";
  }

  private static String quoted(String value) {
    return value == null ? "empty" : "'" + value + "'";
  }

  private static String calls(SyncReport report) {
    return "Synergy " + report.apiCalls(Side.SYNERGY) + ", tiny+ " + report.apiCalls(Side.TINYPLUS);
  }
}
