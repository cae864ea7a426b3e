package dev.synergylink.admin;

import dev.synergylink.admin.Html.Flash;
import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configure Project Statuses: Synergy's statuses to tiny+'s states and phases and back, the locked tiny+ states and
 * phases, and every problem of {@link StatusMapping#problems} next to the row it is about. Starts from
 * {@link StatusMapping#proposeDefault}; Save keeps the mapping in the settings, problems or not (the Projects switch
 * stays off while any remain).
 */
final class StatusScreen {
  private static final String PATH = "/project-statuses";
  private static final Pattern ID = Pattern.compile("\\(id (\\d+)");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private final Screens screens;

  StatusScreen(Screens screens) {
    this.screens = screens;
  }

  void routes(RoutesConfig routes) {
    routes.get(PATH, this::show);
    routes.post(PATH, this::save);
    routes.post(PATH + "/propose", this::propose);
  }

  private void show(Context ctx) {
    Connection c = screens.connection();
    ProjectStatusOptions options = c.engine().projectSetup().statusOptions();
    StatusMapping saved = c.settings().statusMapping();
    StatusMapping mapping = saved == null ? StatusMapping.proposeDefault(options) : saved;
    Map<String, List<String>> byRow = new LinkedHashMap<>();
    List<String> elsewhere = new ArrayList<>();
    List<String> problems = mapping.problems(options);
    for (String problem : problems) {
      String row = rowOf(problem);
      if (row == null) {
        elsewhere.add(problem);
      } else {
        byRow.computeIfAbsent(row, k -> new ArrayList<>()).add(problem);
      }
    }

    Html h = new Html();
    h.p("Match your tiny+ project pipeline (states and phases) with your Synergy project statuses, both ways, so"
        + " that projects move between statuses predictably. A locked tiny+ state or phase keeps its projects in"
        + " tiny+: they are not sent to Synergy until they move on.");
    h.raw("<p id=\"mapping-origin\">").text(saved == null
        ? "This is the proposed mapping; it is not saved yet." : "This is the saved mapping.").raw("</p>");
    h.raw("<p id=\"problem-count\">").text(problems.isEmpty() ? "No problems: the mapping is complete."
        : problems.size() + " problem(s), each shown next to its row.").raw("</p>");
    h.problems(elsewhere, "other-problems");
    h.form(PATH, "Project status mapping");
    synergyStatuses(h, options, mapping, byRow);
    phases(h, options, mapping, byRow);
    states(h, options, mapping, byRow);
    h.submit("Save").endForm();
    h.button(PATH + "/propose", "Start again from the proposed mapping");
    screens.render(ctx, PATH, "Configure Project Statuses", h);
  }

  private static void synergyStatuses(Html h, ProjectStatusOptions options, StatusMapping mapping,
      Map<String, List<String>> byRow) {
    h.raw("<h2>Synergy to tiny+</h2><table id=\"synergy-statuses\">")
        .headers("Synergy status", "tiny+ state and phase", "Problems").raw("<tbody>");
    for (ProjectStatus status : options.synergyStatuses()) {
      String key = "status-" + status.id();
      String name = status.name() + (status.isActive() ? "" : " (retired)");
      TinyPlusStatus to = mapping.tinyPlusStatus(status.id());
      h.raw("<tr id=\"row-" + key + "\"><th scope=\"row\">").text(name).raw("</th><td>")
          .raw("<label for=\"" + key + "\">").text("tiny+ status for Synergy " + status.name()).raw("</label><br>")
          .raw("<select id=\"" + key + "\" name=\"" + key + "\">");
      option(h, "", "(not mapped)", to == null);
      for (ProjectState state : states()) {
        option(h, state.name() + ":", state.wireName() + " (no phase)",
            to != null && to.state() == state && to.phase() == null);
        for (ProjectPhase phase : options.tinyPlusPhases()) {
          if (phase.state() == state) {
            option(h, state.name() + ":" + phase.id(), state.wireName() + " / " + phase.name(),
                to != null && to.state() == state && Objects.equals(to.phase(), phase.id()));
          }
        }
      }
      h.raw("</select></td><td>").problems(byRow.getOrDefault(key, List.of()), "problems-" + key)
          .raw("</td></tr>");
    }
    h.raw("</tbody></table>");
  }

  private static void phases(Html h, ProjectStatusOptions options, StatusMapping mapping,
      Map<String, List<String>> byRow) {
    h.raw("<h2>tiny+ to Synergy: phases</h2><table id=\"tinyplus-phases\">")
        .headers("tiny+ phase (state)", "Synergy status", "Locked", "Problems").raw("<tbody>");
    for (ProjectPhase phase : options.tinyPlusPhases()) {
      String key = "phase-" + phase.id();
      // the phase's own status, else its state's: what a project in this phase is sent to Synergy as
      row(h, key, phase.name() + " (" + phase.state().wireName() + ")", mapping.synergyStatus(phase.state(),
          phase.id()), mapping.lockedPhases().contains(phase.id()), options, byRow);
    }
    h.raw("</tbody></table>");
  }

  private static void states(Html h, ProjectStatusOptions options, StatusMapping mapping,
      Map<String, List<String>> byRow) {
    h.raw("<h2>tiny+ to Synergy: states, for projects without a phase</h2><table id=\"tinyplus-states\">")
        .headers("tiny+ state", "Synergy status", "Locked", "Problems").raw("<tbody>");
    for (ProjectState state : states()) {
      String key = "state-" + state.name();
      row(h, key, state.wireName(), mapping.synergyStatus(state, null), mapping.lockedStates().contains(state),
          options, byRow);
    }
    h.raw("</tbody></table>");
  }

  private static void row(Html h, String key, String name, Long selected, boolean locked,
      ProjectStatusOptions options, Map<String, List<String>> byRow) {
    h.raw("<tr id=\"row-" + key + "\"><th scope=\"row\">").text(name).raw("</th><td>")
        .raw("<label for=\"" + key + "\">").text("Synergy status for tiny+ " + name).raw("</label><br>")
        .raw("<select id=\"" + key + "\" name=\"" + key + "\">");
    option(h, "", "(not mapped)", selected == null);
    for (ProjectStatus status : options.synergyStatuses()) {
      if (status.isActive() || Objects.equals(selected, status.id())) {
        option(h, String.valueOf(status.id()), status.name() + (status.isActive() ? "" : " (retired)"),
            Objects.equals(selected, status.id()));
      }
    }
    h.raw("</select></td><td><input type=\"checkbox\" id=\"lock-" + key + "\" name=\"lock-" + key + "\""
        + (locked ? " checked" : "") + "><label for=\"lock-" + key + "\">").text("Lock " + name).raw("</label></td><td>")
        .problems(byRow.getOrDefault(key, List.of()), "problems-" + key).raw("</td></tr>");
  }

  private static void option(Html h, String value, String label, boolean selected) {
    h.raw("<option value=\"" + Html.esc(value) + "\"" + (selected ? " selected" : "") + ">").text(label)
        .raw("</option>");
  }

  private static List<ProjectState> states() {
    List<ProjectState> states = new ArrayList<>();
    for (ProjectState state : ProjectState.values()) {
      if (state != ProjectState.UNKNOWN) {
        states.add(state);
      }
    }
    return states;
  }

  /** The row a problem of {@link StatusMapping#problems} is about, from the status, phase or state it starts with. */
  static String rowOf(String problem) {
    if (problem.startsWith("Synergy status '") || problem.startsWith("tiny+ phase '")) {
      Matcher id = ID.matcher(problem);
      if (id.find()) {
        return (problem.startsWith("Synergy") ? "status-" : "phase-") + id.group(1);
      }
    } else if (problem.startsWith("tiny+ state '")) {
      Matcher quoted = QUOTED.matcher(problem);
      if (quoted.find()) {
        for (ProjectState state : ProjectState.values()) {
          if (state.wireName().equals(quoted.group(1))) {
            return "state-" + state.name();
          }
        }
      }
    }
    return null;
  }

  private void save(Context ctx) {
    Connection c = screens.connection();
    ProjectStatusOptions options = c.engine().projectSetup().statusOptions();
    StatusMapping.Builder b = StatusMapping.builder();
    for (ProjectStatus status : options.synergyStatuses()) {
      String value = ctx.formParam("status-" + status.id());
      if (value != null && !value.isBlank()) {
        int colon = value.indexOf(':');
        ProjectState state = ProjectState.valueOf(value.substring(0, colon));
        String phase = value.substring(colon + 1);
        b.status(status.id(), state, phase.isEmpty() ? null : Long.valueOf(phase));
      }
    }
    for (ProjectPhase phase : options.tinyPlusPhases()) {
      String value = ctx.formParam("phase-" + phase.id());
      if (value != null && !value.isBlank()) {
        b.phase(phase.id(), Long.parseLong(value));
      }
      if (ctx.formParam("lock-phase-" + phase.id()) != null) {
        b.lockPhase(phase.id());
      }
    }
    for (ProjectState state : states()) {
      String value = ctx.formParam("state-" + state.name());
      if (value != null && !value.isBlank()) {
        b.state(state, Long.parseLong(value));
      }
      if (ctx.formParam("lock-state-" + state.name()) != null) {
        b.lockState(state);
      }
    }
    StatusMapping mapping = b.build();
    c.changeSettings(s -> s.statusMapping(mapping));
    List<String> problems = mapping.problems(options);
    screens.redirect(ctx, PATH, problems.isEmpty() ? Flash.note("Saved. The mapping is complete.")
        : new Flash(List.of("Saved, with " + problems.size() + " problem(s) shown next to their rows."), List.of()));
  }

  private void propose(Context ctx) {
    Connection c = screens.connection();
    StatusMapping proposed = StatusMapping.proposeDefault(c.engine().projectSetup().statusOptions());
    c.changeSettings(s -> s.statusMapping(proposed));
    screens.redirect(ctx, PATH, Flash.note("Saved the proposed mapping: check each row below."));
  }
}
