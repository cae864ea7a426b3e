package dev.synergylink.admin;

import dev.synergylink.admin.Html.Flash;
import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.TeamMemberLinkException;
import dev.synergylink.sync.TeamMemberSuggestion;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Link Team Member records: the engine's suggestions (same email, else same name), a person's override, Save, the
 * links made so far (with Unlink), and ghost team members for the staff left over.
 */
final class TeamMemberScreen {
  private static final String PATH = "/team-members";
  private final Screens screens;

  TeamMemberScreen(Screens screens) {
    this.screens = screens;
  }

  void routes(RoutesConfig routes) {
    routes.get(PATH, this::show);
    routes.post(PATH + "/save", this::save);
    routes.post(PATH + "/unlink", this::unlink);
    routes.post(PATH + "/ghosts", this::ghosts);
  }

  private void show(Context ctx) {
    Connection c = screens.connection();
    SyncEngine engine = c.engine();
    Map<Long, Staff> staff = new LinkedHashMap<>();
    c.synergy().staff().listAll(StaffQuery.builder().build()).forEach(s -> staff.put(s.id(), s));
    Map<Long, TeamMember> members = new LinkedHashMap<>();
    c.tinyPlus().teamMembers().listAll(TeamMemberQuery.builder().build()).forEach(m -> members.put(m.id(), m));
    List<Link> links = new ArrayList<>();
    Set<Long> linkedMembers = new HashSet<>();
    for (Link link : c.store().links(Connection.CONNECTION_ID, RecordType.TEAM_MEMBER)) {
      if (!link.orphaned()) {
        links.add(link);
        linkedMembers.add(link.tinyPlusId());
      }
    }
    List<TeamMemberSuggestion> suggestions = engine.teamMembers().suggestions();

    Html h = new Html();
    h.p("Link each Synergy staff member to their tiny+ team member, then click Save. The engine suggests a team"
        + " member with the same email, else the same name; change any choice. Staff left unlinked can become ghost"
        + " team members (they cannot sign in and cost nothing).");
    h.raw("<h2>Staff not linked yet</h2>");
    if (suggestions.isEmpty()) {
      h.raw("<p id=\"no-unlinked\">Every staff member is linked.</p>");
    } else {
      h.form(PATH + "/save", "Link team members").raw("<table id=\"suggestions\">")
          .headers("Synergy staff member", "Email", "tiny+ team member", "Suggested because").raw("<tbody>");
      for (TeamMemberSuggestion s : suggestions) {
        String field = "member-" + s.staffId();
        h.raw("<tr><th scope=\"row\">").text(s.staffName()).raw("</th>").td(s.staffEmail()).raw("<td>")
            .raw("<label for=\"" + field + "\">").text("tiny+ team member for " + s.staffName()).raw("</label><br>")
            .raw("<select id=\"" + field + "\" name=\"" + field + "\">")
            .raw("<option value=\"\">(leave unlinked)</option>");
        for (TeamMember m : members.values()) {
          if (linkedMembers.contains(m.id())) {
            continue;
          }
          boolean selected = s.teamMemberId() != null && s.teamMemberId() == m.id();
          h.raw("<option value=\"" + m.id() + "\"" + (selected ? " selected" : "") + ">")
              .text(m.name() + " (" + m.email() + ", " + status(m) + ")").raw("</option>");
        }
        h.raw("</select></td>").td(reason(s)).raw("</tr>");
      }
      h.raw("</tbody></table>").submit("Save").endForm();
    }

    h.raw("<h2>Linked</h2>");
    if (links.isEmpty()) {
      h.raw("<p id=\"no-links\">No team member is linked yet.</p>");
    } else {
      h.raw("<table id=\"links\">").headers("Synergy staff member", "tiny+ team member", "Change").raw("<tbody>");
      for (Link link : links) {
        Staff s = staff.get(link.synergyId());
        TeamMember m = members.get(link.tinyPlusId());
        String staffName = s == null ? "staff member " + link.synergyId() : name(s);
        h.raw("<tr>").td(staffName).td(m == null ? "team member " + link.tinyPlusId()
            : m.name() + " (" + status(m) + ")").raw("<td>")
            .button(PATH + "/unlink", "Unlink " + staffName, "staff", String.valueOf(link.synergyId()))
            .raw("</td></tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("<h2>Ghost team members</h2>");
    h.p("Makes a ghost team member in tiny+ for every staff member still unlinked, linked to them.");
    h.button(PATH + "/ghosts", "Create ghost team members");
    screens.render(ctx, PATH, "Link Team Member records", h);
  }

  private static String reason(TeamMemberSuggestion s) {
    switch (s.match()) {
      case EMAIL: return "same email";
      case NAME: return "same name";
      default: return "no team member matches";
    }
  }

  private static String status(TeamMember m) {
    return m.recordStatus().name().toLowerCase(Locale.ROOT);
  }

  private static String name(Staff s) {
    return ((s.firstName() == null ? "" : s.firstName()) + " " + (s.lastName() == null ? "" : s.lastName())).strip();
  }

  private void save(Context ctx) {
    SyncEngine engine = screens.connection().engine();
    List<String> problems = new ArrayList<>();
    int linked = 0;
    for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
      String value = field.getValue().isEmpty() ? "" : field.getValue().get(0);
      if (!field.getKey().startsWith("member-") || value.isBlank()) {
        continue;
      }
      long staffId = Long.parseLong(field.getKey().substring("member-".length()));
      try {
        SyncReport report = engine.teamMembers().link(staffId, Long.parseLong(value));
        if (report.aborted()) {
          problems.add(report.abortedBecause());
        }
        linked += report.counts(RecordType.TEAM_MEMBER, Flow.SYNERGY_TO_TINYPLUS).linked();
        report.problems().forEach(e -> problems.add(e.message()));
      } catch (TeamMemberLinkException e) {
        problems.add(e.getMessage());
      }
    }
    screens.redirect(ctx, PATH, new Flash(List.of("Saved: " + linked + " team member(s) linked."), problems));
  }

  private void unlink(Context ctx) {
    long staffId = Screens.longParam(ctx, "staff");
    SyncReport report = screens.connection().engine().teamMembers().unlink(staffId);
    screens.redirect(ctx, PATH, report.aborted() ? Flash.problems(List.of(report.abortedBecause()))
        : Flash.note("Unlinked."));
  }

  private void ghosts(Context ctx) {
    SyncReport report = screens.connection().engine().teamMembers().createGhosts();
    List<String> problems = new ArrayList<>();
    if (report.aborted()) {
      problems.add(report.abortedBecause());
    }
    report.problems().forEach(e -> problems.add(e.message()));
    int created = report.counts(RecordType.TEAM_MEMBER, Flow.SYNERGY_TO_TINYPLUS).created();
    screens.redirect(ctx, PATH, new Flash(List.of(created + " ghost team member(s) created."), problems));
  }
}
