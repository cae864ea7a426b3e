package dev.synergylink.admin;

import dev.synergylink.admin.Html.Flash;
import dev.synergylink.admin.Jobs.Job;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Manual Sync Controls: per enabled record type Download all from Synergy and Upload all to Synergy, and one sync
 * cycle now; each runs in the background with a live progress bar, then shows its report.
 */
final class SyncScreen {
  private static final String PATH = "/sync";
  /** The record types with manual controls, in dependency order (team members are linked, not transferred). */
  private static final List<RecordType> MANUAL = List.of(RecordType.COMPANY, RecordType.CONTACT, RecordType.PROJECT);

  private final Screens screens;

  SyncScreen(Screens screens) {
    this.screens = screens;
  }

  void routes(RoutesConfig routes) {
    routes.get(PATH, this::show);
    routes.post(PATH + "/run", this::run);
    routes.get(PATH + "/jobs/{id}", this::job);
    routes.get(PATH + "/jobs/{id}/progress", this::progress);
  }

  private void show(Context ctx) {
    SyncSettings settings = screens.connection().settings();
    Html h = new Html();
    if (!settings.masterSwitch()) {
      h.raw("<p id=\"master-off\" class=\"note\">The Master Switch is off: sync cycles do nothing until it is on."
          + " Download all and Upload all work either way.</p>");
    }
    h.p("Preview first: a preview reads both systems and shows what the run would do, record by record, writing"
        + " nothing; then run it.");
    h.p("Download all brings every record of a type from Synergy into tiny+; Upload all sends every tiny+ record to"
        + " Synergy. Each matches existing records first (by the engine's marker, then by name) and creates only"
        + " what has no partner, so both are safe to run again.");
    boolean any = false;
    for (RecordType type : MANUAL) {
      if (!settings.isEnabled(type)) {
        continue;
      }
      any = true;
      String plural = Screens.plural(type);
      h.raw("<section aria-label=\"" + Html.esc(Screens.label(type)) + "\"><h2>").text(Screens.label(type))
          .raw("</h2><p>");
      h.button(PATH + "/run", "Preview Download all " + plural, "op", "preview-download", "type", type.name());
      h.raw(" ");
      h.button(PATH + "/run", "Download all " + plural + " from Synergy", "op", "download", "type", type.name());
      h.raw("</p><p>");
      h.button(PATH + "/run", "Preview Upload all " + plural, "op", "preview-upload", "type", type.name());
      h.raw(" ");
      h.button(PATH + "/run", "Upload all " + plural + " to Synergy", "op", "upload", "type", type.name());
      h.raw("</p></section>");
    }
    if (!any) {
      h.raw("<p id=\"no-types\">Turn a record type on in the <a href=\"/\">configuration</a> first.</p>");
    }
    h.raw("<section aria-labelledby=\"cycle-heading\"><h2 id=\"cycle-heading\">Sync cycle</h2><p>");
    h.button(PATH + "/run", "Preview one sync cycle", "op", "preview-cycle");
    h.raw(" ");
    h.button(PATH + "/run", "Run one sync cycle now", "op", "cycle");
    h.raw("</p></section>");
    List<Job> jobs = screens.jobs().all();
    if (!jobs.isEmpty()) {
      h.raw("<h2>Runs from this page</h2><ul id=\"jobs\">");
      for (Job job : jobs) {
        h.raw("<li><a href=\"" + PATH + "/jobs/" + job.id + "\">").text(job.label).raw("</a> ")
            .text(job.finished ? "(finished)" : "(running)").raw("</li>");
      }
      h.raw("</ul>");
    }
    screens.render(ctx, PATH, "Manual Sync Controls", h);
  }

  private void run(Context ctx) {
    SyncEngine engine = screens.connection().engine();
    String op = ctx.formParam("op") == null ? "" : ctx.formParam("op");
    boolean preview = op.startsWith("preview-");
    String what = preview ? op.substring("preview-".length()) : op;
    if (!List.of("cycle", "download", "upload").contains(what)) {
      screens.redirect(ctx, PATH, Flash.problems(List.of("Unknown operation '" + op + "': use the page's buttons")));
      return;
    }
    RecordType type = what.equals("cycle") ? null : Screens.typeParam(ctx, "type");
    String label = what.equals("cycle") ? "One sync cycle" : what.equals("download")
        ? "Download all " + Screens.plural(type) + " from Synergy" : "Upload all " + Screens.plural(type) + " to Synergy";
    Job job;
    if (preview) {
      List<String> run = type == null ? List.of("op", what) : List.of("op", what, "type", type.name());
      job = screens.jobs().preview("Preview: " + label, run, progress -> what.equals("cycle")
          ? engine.previewSyncOnce() : what.equals("download") ? engine.previewDownloadAll(type, progress)
          : engine.previewUploadAll(type, progress));
    } else {
      job = screens.jobs().start(label, progress -> what.equals("cycle") ? engine.syncOnce()
          : what.equals("download") ? engine.downloadAll(type, progress) : engine.uploadAll(type, progress));
    }
    ctx.redirect(PATH + "/jobs/" + job.id, HttpStatus.SEE_OTHER);
  }

  private Job find(Context ctx) {
    Job job = null;
    try {
      job = screens.jobs().get(Integer.parseInt(ctx.pathParam("id")));
    } catch (NumberFormatException e) {
      // not one of ours: answered as missing below
    }
    if (job == null) {
      throw new IllegalArgumentException("There is no run " + ctx.pathParam("id") + ": start one from Manual Sync"
          + " Controls");
    }
    return job;
  }

  private void job(Context ctx) {
    Job job = find(ctx);
    Html h = new Html();
    if (!job.finished) {
      h.raw("<p id=\"run-state\">Running.</p>");
      h.raw("<label id=\"run-progress-label\" for=\"run-progress\">").text(job.label + ": progress").raw("</label>");
      h.raw("<progress id=\"run-progress\" max=\"" + Math.max(job.total, 1) + "\""
          + (job.total > 0 ? " value=\"" + job.done + "\"" : "") + ">").text(job.done + " of " + job.total)
          .raw("</progress>");
      h.raw("<p id=\"run-progress-text\" aria-live=\"polite\">").text(job.total > 0 ? job.done + " of " + job.total
          + " records" : "Starting").raw("</p>");
      // the one script of the page: the progress bar asks how far the run got, and reloads when it is done
      h.raw("<script>(function(){var bar=document.getElementById('run-progress'),"
          + "text=document.getElementById('run-progress-text');"
          + "function poll(){fetch('" + PATH + "/jobs/" + job.id + "/progress',{cache:'no-store'})"
          + ".then(function(r){return r.json();}).then(function(p){"
          + "if(p.finished){location.reload();return;}"
          + "if(p.total>0){bar.max=p.total;bar.value=p.done;text.textContent=p.done+' of '+p.total+' records';}"
          + "setTimeout(poll,250);}).catch(function(){setTimeout(poll,1000);});}"
          + "setTimeout(poll,250);})();</script>");
      h.raw("<noscript><p>Reload this page to see how far the run got.</p></noscript>");
    } else {
      h.raw("<p id=\"run-state\">Finished.</p>");
      if (job.failure != null) {
        h.problems(List.of(job.failure), "run-failure");
      }
      if (job.report != null) {
        ReportView.render(h, job.report, "run-report");
      }
      if (job.preview != null) {
        PreviewView.render(h, job.preview, "preview");
        h.raw("<p>");
        h.button(PATH + "/run", "Run it now: " + job.label.substring("Preview: ".length()),
            job.previewed.toArray(new String[0]));
        h.raw("</p>");
      }
      h.raw("<p><a href=\"" + PATH + "\">Back to Manual Sync Controls</a> or <a href=\"/health\">Sync Health</a></p>");
    }
    screens.render(ctx, PATH, job.label, h);
  }

  private void progress(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json").result(find(ctx).progressJson());
  }
}
