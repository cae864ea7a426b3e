package dev.synergylink.admin;

import dev.synergylink.admin.Html.Flash;
import dev.synergylink.sync.HealthCounts;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncHealth;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * Sync Health: per record type the pairs in sync and the records failing, excluded or orphaned; each failing record
 * with its reason, attempts and next retry, and Retry now; the orphaned links; the recent runs. Reads the state
 * store through {@code engine.health()} (no API call).
 */
final class HealthScreen {
  private static final String PATH = "/health";
  /** The recent runs shown, of those the state store keeps. */
  private static final int RUNS_SHOWN = 20;
  private final Screens screens;

  HealthScreen(Screens screens) {
    this.screens = screens;
  }

  void routes(RoutesConfig routes) {
    routes.get(PATH, this::show);
    routes.post(PATH + "/retry", this::retry);
    routes.post(PATH + "/retry-all", this::retryAll);
    routes.post(PATH + "/dismiss", this::dismiss);
  }

  private void show(Context ctx) {
    Connection c = screens.connection();
    SyncHealth health = c.engine().health();
    Html h = new Html();
    h.raw("<h2>Counts</h2><table id=\"health-counts\">")
        .headers("Records", "In sync", "Failing", "Excluded", "Orphaned").raw("<tbody>");
    for (RecordType type : ConfigurationScreen.GUIDE_ORDER) {
      HealthCounts counts = health.counts(type);
      h.raw("<tr data-type=\"" + type.name() + "\"><th scope=\"row\">").text(Screens.label(type)).raw("</th>")
          .td(counts.inSync()).td(counts.failing()).td(counts.excluded()).td(counts.orphaned()).raw("</tr>");
    }
    h.raw("</tbody></table>");
    for (RecordType type : ConfigurationScreen.GUIDE_ORDER) {
      HealthCounts counts = health.counts(type);
      if (counts.failing() + counts.excluded() > 0) {
        h.button(PATH + "/retry-all", "Retry all failing " + Screens.plural(type) + " now", "type", type.name());
        h.raw(" ");
      }
    }
    failures(h, health.failures(), RecordFailure.Kind.FAILING, "failing", "Failing records",
        "None: every write went through.");
    failures(h, health.failures(), RecordFailure.Kind.EXCLUDED, "excluded",
        "Excluded records (waiting for something else to change)", "None.");
    orphans(h, health.orphanedLinks());
    runs(h, c.engine().reportHistory(RUNS_SHOWN));
    screens.render(ctx, PATH, "Sync Health", h);
  }

  private static void failures(Html h, List<RecordFailure> all, RecordFailure.Kind kind, String id, String title,
      String none) {
    h.raw("<h2>").text(title).raw("</h2>");
    List<RecordFailure> failures = all.stream().filter(f -> f.kind() == kind).toList();
    if (failures.isEmpty()) {
      h.raw("<p id=\"no-" + id + "\">").text(none).raw("</p>");
      return;
    }
    h.raw("<table id=\"" + id + "\">").headers("Record", "Field", "Reason", "Attempts", "Failing since",
        "Next retry", "Action").raw("<tbody>");
    for (RecordFailure f : failures) {
      String record = record(f.recordType(), f.side(), f.recordId());
      h.raw("<tr data-type=\"" + f.recordType().name() + "\" data-side=\"" + f.side().name() + "\" data-id=\""
          + f.recordId() + "\">").td(record).td(f.field()).td(f.message()).td(f.attempts())
          .td(Screens.time(f.firstFailedAt())).td(Screens.time(f.nextRetry())).raw("<td>")
          .button(PATH + "/retry", "Retry " + record + " now", "type", f.recordType().name(), "side",
              f.side().name(), "id", String.valueOf(f.recordId()))
          .raw("</td></tr>");
    }
    h.raw("</tbody></table>");
  }

  private static void orphans(Html h, List<Link> orphans) {
    h.raw("<h2>Orphaned links</h2>");
    if (orphans.isEmpty()) {
      h.raw("<p id=\"no-orphaned\">None.</p>");
      return;
    }
    h.p("A record deleted on one side: its partner is left as it is, and the pair no longer syncs.");
    h.raw("<table id=\"orphaned\">").headers("Records", "Synergy id", "tiny+ id", "Last synced", "Action")
        .raw("<tbody>");
    for (Link link : orphans) {
      h.raw("<tr data-id=\"" + link.synergyId() + "\">").td(Screens.plural(link.recordType())).td(link.synergyId())
          .td(link.tinyPlusId()).td(Screens.time(link.syncedAt())).raw("<td>")
          .button(PATH + "/dismiss", "Dismiss the orphaned link of Synergy " + link.synergyId(), "type",
              link.recordType().name(), "id", String.valueOf(link.synergyId()))
          .raw("</td></tr>");
    }
    h.raw("</tbody></table>");
  }

  private static void runs(Html h, List<SyncReport> reports) {
    h.raw("<h2>Recent runs</h2>");
    if (reports.isEmpty()) {
      h.raw("<p id=\"no-runs\">No run yet.</p>");
      return;
    }
    h.raw("<table id=\"runs\">").headers("Run", "Started", "Finished", "Summary").raw("<tbody>");
    for (SyncReport report : reports) {
      h.raw("<tr>").td(report.operation().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .td(Screens.time(report.startedAt())).td(Screens.time(report.finishedAt())).td(report.summary())
          .raw("</tr>");
    }
    h.raw("</tbody></table>");
  }

  static String record(RecordType type, Side side, long id) {
    return Screens.plural(type).replaceAll("ies$", "y").replaceAll("s$", "") + " "
        + (side == Side.SYNERGY ? "Synergy" : "tiny+") + " " + id;
  }

  /** Retry now: the record is read again and synced at once, whatever its next retry says. */
  private void retry(Context ctx) {
    RecordType type = Screens.typeParam(ctx, "type");
    long id = Screens.longParam(ctx, "id");
    Side side = "SYNERGY".equals(ctx.formParam("side")) ? Side.SYNERGY : Side.TINYPLUS;
    SyncReport report = screens.connection().engine().retryNow(type, side, id);
    screens.redirect(ctx, PATH, outcome("Retried " + record(type, side, id) + ": ", report));
  }

  private void retryAll(Context ctx) {
    RecordType type = Screens.typeParam(ctx, "type");
    SyncReport report = screens.connection().engine().retryFailing(type);
    screens.redirect(ctx, PATH, outcome("Retried every failing " + Screens.plural(type).replaceAll("ies$", "y")
        .replaceAll("s$", "") + ": ", report));
  }

  private void dismiss(Context ctx) {
    RecordType type = Screens.typeParam(ctx, "type");
    long id = Screens.longParam(ctx, "id");
    boolean dismissed = screens.connection().engine().dismissOrphan(type, id);
    screens.redirect(ctx, PATH, Flash.note(dismissed ? "Dismissed the orphaned link of Synergy " + id
        + "; nothing was written to either system." : "There was no orphaned link of Synergy " + id + " to dismiss."));
  }

  private static Flash outcome(String what, SyncReport report) {
    return report.aborted() ? new Flash(List.of(what + report.summary()), List.of(report.abortedBecause()))
        : Flash.note(what + report.summary());
  }
}
