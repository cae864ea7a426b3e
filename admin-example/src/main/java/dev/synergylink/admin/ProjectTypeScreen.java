package dev.synergylink.admin;

import dev.synergylink.admin.Html.Flash;
import dev.synergylink.sync.ProjectTypeMapping;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.ProjectType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configure Project Types: Synergy has no list of its project types, so they are found in its projects (and the
 * ones tiny+ lacks registered there), then each may be paired with a tiny+ type of another name; Save keeps the
 * pairs in the settings.
 */
final class ProjectTypeScreen {
  private static final String PATH = "/project-types";
  private final Screens screens;
  /** The types the last discovery found, in first-seen order. */
  private volatile List<String> discovered = List.of();

  ProjectTypeScreen(Screens screens) {
    this.screens = screens;
  }

  void routes(RoutesConfig routes) {
    routes.get(PATH, this::show);
    routes.post(PATH + "/discover", this::discover);
    routes.post(PATH, this::save);
  }

  private void show(Context ctx) {
    Connection c = screens.connection();
    ProjectTypeMapping mapping = c.settings().projectTypeMapping();
    List<String> tinyPlusTypes = new ArrayList<>();
    for (ProjectType type : c.tinyPlus().projectTypes().listAll(ListQuery.firstPage())) {
      tinyPlusTypes.add(type.name());
    }
    Html h = new Html();
    h.p("For the Project Type field to sync, tiny+ must know Synergy's project types. Synergy has no list of them:"
        + " they are found in Synergy's projects, which may take several moments. A type that appears in Synergy"
        + " later shows up once a project of that type is created there.");
    h.button(PATH + "/discover", "Find Synergy's project types");
    h.raw("<h2>tiny+ project types</h2><ul id=\"tinyplus-types\">");
    tinyPlusTypes.forEach(t -> h.el("li", t));
    h.raw("</ul>");
    List<String> rows = discovered;
    h.raw("<h2>Synergy project types</h2>");
    if (rows.isEmpty()) {
      h.raw("<p id=\"no-types\">None found yet: click Find Synergy's project types.</p>");
    } else {
      h.form(PATH, "Project type pairs").raw("<table id=\"synergy-types\">")
          .headers("Synergy project type", "tiny+ project type").raw("<tbody>");
      int i = 0;
      for (String type : rows) {
        String field = "type-" + i++;
        String paired = mapping.tinyPlusType(type);
        h.raw("<tr><th scope=\"row\">").text(type).raw("</th><td>").hidden(field + "-synergy", type)
            .raw("<label for=\"" + field + "\">").text("tiny+ type for Synergy " + type).raw("</label><br>")
            .raw("<select id=\"" + field + "\" name=\"" + field + "\"><option value=\"\">").text("the same name ("
                + type + ")").raw("</option>");
        for (String name : tinyPlusTypes) {
          h.raw("<option value=\"" + Html.esc(name) + "\"" + (name.equals(paired) ? " selected" : "") + ">")
              .text(name).raw("</option>");
        }
        h.raw("</select></td></tr>");
      }
      h.raw("</tbody></table>").submit("Save").endForm();
    }
    screens.render(ctx, PATH, "Configure Project Types", h);
  }

  private void discover(Context ctx) {
    discovered = screens.connection().engine().projectSetup().discoverTypes();
    screens.redirect(ctx, PATH, Flash.note("Found " + discovered.size() + " Synergy project type(s): "
        + String.join(", ", discovered) + ". Each one tiny+ lacked is registered there now. Pair any below, then"
        + " click Save."));
  }

  private void save(Context ctx) {
    ProjectTypeMapping.Builder b = ProjectTypeMapping.builder();
    for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
      String key = field.getKey();
      if (key.startsWith("type-") && key.endsWith("-synergy")) {
        String synergyType = field.getValue().get(0);
        String tinyPlusType = ctx.formParam(key.substring(0, key.length() - "-synergy".length()));
        if (tinyPlusType != null && !tinyPlusType.isBlank() && !tinyPlusType.equals(synergyType)) {
          b.map(synergyType, tinyPlusType);
        }
      }
    }
    ProjectTypeMapping mapping = b.build();
    screens.connection().changeSettings(s -> s.projectTypeMapping(mapping));
    screens.redirect(ctx, PATH, Flash.note("Saved: " + mapping.pairs().size() + " pair(s); every other type goes"
        + " to the tiny+ type of the same name."));
  }
}
