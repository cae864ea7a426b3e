package dev.synergylink.admin;

import dev.synergylink.admin.Html.Flash;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.SyncSettingsException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configuration page: the Master Switch and the record-type switches in the guide's order, each off switch with
 * every reason it cannot be turned on yet, and the links to the setup screens.
 */
final class ConfigurationScreen {
  /** The guide's order of the record types: its sync table. */
  static final List<RecordType> GUIDE_ORDER = List.of(RecordType.PROJECT, RecordType.COMPANY, RecordType.CONTACT,
      RecordType.TEAM_MEMBER);

  private final Screens screens;

  ConfigurationScreen(Screens screens) {
    this.screens = screens;
  }

  void routes(RoutesConfig routes) {
    routes.get("/", this::show);
    routes.post("/master-switch", this::masterSwitch);
    routes.post("/record-types", this::recordType);
  }

  private void show(Context ctx) {
    Connection c = screens.connection();
    SyncEngine engine = c.engine();
    SyncSettings settings = engine.settings();
    Html h = new Html();
    h.raw("<section aria-labelledby=\"master-heading\"><h2 id=\"master-heading\">Master Switch</h2>");
    h.raw("<p id=\"master-state\">").text("The Master Switch is " + onOff(settings.masterSwitch()) + ".")
        .raw(" Off: no sync cycle runs; team member linking and the manual sync controls work either way.</p>");
    h.button("/master-switch", settings.masterSwitch() ? "Turn the Master Switch off" : "Turn the Master Switch on",
        "on", String.valueOf(!settings.masterSwitch()));
    h.raw("</section>");

    h.raw("<section aria-labelledby=\"types-heading\"><h2 id=\"types-heading\">Which record types should be synced?"
        + "</h2><table id=\"record-types\">")
        .headers("Synergy / tiny+", "Direction", "Sync", "Change", "Why it cannot be turned on yet")
        .raw("<tbody>");
    for (RecordType type : GUIDE_ORDER) {
      boolean on = settings.isEnabled(type);
      List<String> reasons = on ? List.of() : reasons(c, type);
      String id = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
      h.raw("<tr id=\"type-" + id + "\">").raw("<th scope=\"row\">").text(Screens.label(type)).raw("</th>")
          .td(type == RecordType.TEAM_MEMBER ? "Synergy to tiny+ (>)" : "both ways (<>)")
          .raw("<td class=\"state\">").text(onOff(on)).raw("</td><td>");
      if (on || reasons.isEmpty()) {
        h.button("/record-types", (on ? "Turn off " : "Turn on ") + Screens.label(type), "type", type.name(),
            "on", String.valueOf(!on));
      } else {
        h.raw("<button type=\"button\" disabled aria-describedby=\"reasons-" + id + "\">").text("Turn on "
            + Screens.label(type)).raw("</button>");
      }
      h.raw("</td><td>");
      h.problems(reasons, "reasons-" + id);
      h.raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    h.raw("<ul id=\"setup-links\"><li><a href=\"/team-members\">Link Team Member records</a></li>"
        + "<li><a href=\"/project-statuses\">Configure Project Statuses</a></li>"
        + "<li><a href=\"/project-types\">Configure Project Types</a></li></ul></section>");
    if (settings.masterSwitch()) {
      h.raw("<section aria-labelledby=\"manual-heading\"><h2 id=\"manual-heading\">Manual Sync Controls</h2>"
          + "<p><a href=\"/sync\">Download all from Synergy, Upload all to Synergy, preview first</a></p></section>");
    }
    screens.render(ctx, "/", "Synergy configuration", h);
  }

  /** Every reason this record type cannot be switched on now, from the settings and, for projects, the setup. */
  static List<String> reasons(Connection c, RecordType type) {
    List<String> reasons = new ArrayList<>();
    try {
      c.withType(type);
    } catch (SyncSettingsException e) {
      reasons.addAll(e.problems());
    }
    if (type == RecordType.PROJECT) {
      boolean mappingMissing = c.settings().statusMapping() == null;
      for (String problem : c.engine().projectSetup().problems()) {
        // the settings already said the mapping is missing
        if (!(mappingMissing && problem.startsWith("Project sync needs statusMapping")) && !reasons.contains(problem)) {
          reasons.add(problem);
        }
      }
    }
    return reasons;
  }

  private void masterSwitch(Context ctx) {
    boolean on = Boolean.parseBoolean(ctx.formParam("on"));
    screens.connection().changeSettings(b -> b.masterSwitch(on));
    screens.redirect(ctx, "/", Flash.note("The Master Switch is " + onOff(on) + "."));
  }

  private void recordType(Context ctx) {
    RecordType type = Screens.typeParam(ctx, "type");
    boolean on = Boolean.parseBoolean(ctx.formParam("on"));
    Connection c = screens.connection();
    if (on) {
      List<String> reasons = reasons(c, type);
      if (!reasons.isEmpty()) {
        screens.redirect(ctx, "/", Flash.problems(reasons));
        return;
      }
    }
    Set<RecordType> types = EnumSet.noneOf(RecordType.class);
    types.addAll(c.settings().enabledTypes());
    if (on) {
      types.add(type);
    } else {
      types.remove(type);
    }
    c.changeSettings(b -> b.enabledTypes(types));
    screens.redirect(ctx, "/", Flash.note(Screens.label(type) + " sync is " + onOff(on) + "."));
  }

  static String onOff(boolean on) {
    return on ? "On" : "Off";
  }
}
