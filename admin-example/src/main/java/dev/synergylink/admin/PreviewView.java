package dev.synergylink.admin;

import dev.synergylink.sync.FieldChange;
import dev.synergylink.sync.PreviewRecord;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.SyncPreview;
import java.util.Locale;

/**
 * A preview on a page: the totals the run would give, then per record what it would do (matched and by which key,
 * created, updated with each member's old and new value, skipped and why). Records with nothing to write are
 * counted, not listed.
 */
final class PreviewView {
  private PreviewView() {}

  static void render(Html h, SyncPreview preview, String id) {
    h.raw("<section id=\"" + Html.esc(id) + "\" aria-label=\"Preview\">");
    h.raw("<p class=\"note\">Nothing was written: this is what the run would do now.</p>");
    h.raw("<p class=\"summary\">").text(preview.report().summary()).raw("</p>");
    ReportView.counts(h, preview.report());
    long listed = preview.records().stream().filter(r -> r.outcome() != RecordOutcome.UNCHANGED).count();
    if (listed == 0) {
      h.raw("<p id=\"preview-nothing\">Nothing to write.</p>");
    } else {
      h.raw("<table class=\"preview-records\">").headers("Records", "Direction", "Would", "Synergy id", "tiny+ id",
          "Matched by", "Changes", "Why").raw("<tbody>");
      for (PreviewRecord r : preview.records()) {
        if (r.outcome() == RecordOutcome.UNCHANGED) {
          continue;
        }
        h.raw("<tr data-outcome=\"" + r.outcome().name() + "\" data-type=\"" + r.recordType().name() + "\">")
            .td(Screens.plural(r.recordType())).td(ReportView.direction(r.flow()))
            .td(outcome(r.outcome())).td(r.synergyId() == null ? "(new)" : r.synergyId())
            .td(r.tinyPlusId() == null ? "(new)" : r.tinyPlusId()).td(r.matchedBy()).raw("<td>");
        if (!r.changes().isEmpty()) {
          h.raw("<ul class=\"changes\">");
          for (FieldChange c : r.changes()) {
            h.raw("<li>").text(c.field() + ": " + value(c.oldValue()) + " to " + value(c.newValue())).raw("</li>");
          }
          h.raw("</ul>");
        }
        h.raw("</td>").td(r.message()).raw("</tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>");
  }

  private static String outcome(RecordOutcome outcome) {
    switch (outcome) {
      case CREATED: return "be created";
      case LINKED: return "be matched";
      case UPDATED: return "be updated";
      case SKIPPED: return "be skipped";
      case FAILED: return "fail";
      case ORPHANED: return "be orphaned";
      case FIELD_NOT_SYNCED: return "leave a field unsynced";
      default: return outcome.name().toLowerCase(Locale.ROOT);
    }
  }

  private static String value(String value) {
    return value == null ? "(none)" : "'" + value + "'";
  }
}
