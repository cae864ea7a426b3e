package dev.synergylink.admin;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.FlowCounts;
import dev.synergylink.sync.SyncReport;

/** A run's report on a page: its counts per record type and direction as a table, then its text for people. */
final class ReportView {
  private ReportView() {}

  static void render(Html h, SyncReport report, String id) {
    h.raw("<section id=\"" + Html.esc(id) + "\" aria-label=\"Report\">");
    h.raw("<p class=\"summary\">").text(report.summary()).raw("</p>");
    if (report.aborted()) {
      h.problems(java.util.List.of("The run stopped: " + report.abortedBecause()), null);
    }
    counts(h, report);
    h.raw("<pre class=\"report-text\">").text(report.toText()).raw("</pre></section>");
  }

  /** The counts per record type and direction, as a table. */
  static void counts(Html h, SyncReport report) {
    if (!report.counts().isEmpty()) {
      h.raw("<table class=\"counts\">").headers("Records", "Direction", "Created", "Linked", "Updated", "Unchanged",
          "Skipped", "Failed", "Conflicts", "Orphaned").raw("<tbody>");
      for (FlowCounts c : report.counts()) {
        h.raw("<tr data-type=\"" + c.recordType().name() + "\" data-flow=\"" + c.flow().name() + "\">")
            .td(Screens.plural(c.recordType()))
            .td(direction(c.flow()))
            .td(c.created()).td(c.linked()).td(c.updated()).td(c.unchanged()).td(c.skipped()).td(c.failed())
            .td(c.conflicts()).td(c.orphaned()).raw("</tr>");
      }
      h.raw("</tbody></table>");
    }
  }

  static String direction(Flow flow) {
    return flow == Flow.SYNERGY_TO_TINYPLUS ? "Synergy to tiny+" : "tiny+ to Synergy";
  }
}
