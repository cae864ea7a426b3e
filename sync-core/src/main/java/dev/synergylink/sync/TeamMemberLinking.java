package dev.synergylink.sync;

import dev.synergylink.sync.internal.ApiCalls;
import dev.synergylink.sync.internal.EngineConfig;
import dev.synergylink.sync.internal.LeaseRunner;
import dev.synergylink.sync.internal.Listings;
import dev.synergylink.sync.internal.RemoteFailure;
import dev.synergylink.sync.internal.Run;
import dev.synergylink.sync.internal.TypeBindings;
import dev.synergylink.sync.internal.TypeSync;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.Normaliser;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.synergy.OrderBy;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.tinyplus.Sort;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Link Team Member records screen of one engine: suggestions, linking and unlinking a staff member, and ghost
 * team members for the staff members left. Works with the master switch off. Get it with
 * {@link SyncEngine#teamMembers()}.
 *
 * <pre>{@code
 * TeamMemberLinking linking = engine.teamMembers();
 * for (TeamMemberSuggestion s : linking.suggestions()) {
 *   if (s.teamMemberId() != null) {
 *     linking.link(s.staffId(), s.teamMemberId());
 *   }
 * }
 * linking.createGhosts();
 * }</pre>
 *
 * <p>Thread-safe: the changes run under the connection's lease, like the engine's runs.
 */
public final class TeamMemberLinking {
  private final EngineConfig config;
  private final TypeBindings bindings;
  private final LeaseRunner runner;

  TeamMemberLinking(EngineConfig config, TypeBindings bindings, LeaseRunner runner) {
    this.config = config;
    this.bindings = bindings;
    this.runner = runner;
  }

  /**
   * Suggests a tiny+ team member for every unlinked active Synergy staff member: by email, else by name. A team
   * member is suggested for one staff member at most. Reads every staff member and team member (one call per page).
   *
   * @return one suggestion per unlinked staff member, in staff id order
   * @throws SyncStoppedException when a system stopped the listing
   */
  public List<TeamMemberSuggestion> suggestions() {
    ApiCalls calls = new ApiCalls();
    Map<Long, Link> links = new HashMap<>();
    Set<Long> linkedMembers = new HashSet<>();
    for (Link link : config.store().links(config.connectionId(), RecordType.TEAM_MEMBER)) {
      if (!link.orphaned()) {
        links.put(link.synergyId(), link);
        linkedMembers.add(link.tinyPlusId());
      }
    }
    try {
      List<TeamMember> members = new ArrayList<>();
      for (TeamMember member : teamMembers(calls)) {
        if (!linkedMembers.contains(member.id())) {
          members.add(member);
        }
      }
      Set<Long> suggested = new HashSet<>();
      List<TeamMemberSuggestion> suggestions = new ArrayList<>();
      for (Staff staff : staff(calls)) {
        if (!links.containsKey(staff.id())) {
          suggestions.add(suggestion(staff, members, suggested));
        }
      }
      return suggestions;
    } catch (RemoteFailure e) {
      throw runner.stopped(e);
    }
  }

  private static TeamMemberSuggestion suggestion(Staff staff, List<TeamMember> members, Set<Long> suggested) {
    Normaliser emails = Normaliser.caseInsensitive();
    String name = FieldMappings.staffName(staff);
    TeamMember match = unique(members, suggested, m -> emails.normalise(m.email()), emails.normalise(staff.email()));
    TeamMemberSuggestion.Match how = TeamMemberSuggestion.Match.EMAIL;
    if (match == null) {
      match = unique(members, suggested, m -> emails.normalise(m.name()), emails.normalise(name));
      how = TeamMemberSuggestion.Match.NAME;
    }
    if (match == null) {
      how = TeamMemberSuggestion.Match.NONE;
    } else {
      suggested.add(match.id());
    }
    return TeamMemberSuggestion.builder()
        .staffId(staff.id())
        .staffName(name)
        .staffEmail(staff.email())
        .teamMemberId(match == null ? null : match.id())
        .teamMemberName(match == null ? null : match.name())
        .match(how)
        .build();
  }

  /** The one member not taken whose key equals the value, or null when none or several do. */
  private static TeamMember unique(List<TeamMember> members, Set<Long> taken, Function<TeamMember, String> key,
      String value) {
    if (value == null) {
      return null;
    }
    TeamMember found = null;
    for (TeamMember member : members) {
      if (!taken.contains(member.id()) && value.equals(key.apply(member))) {
        if (found != null) {
          return null;
        }
        found = member;
      }
    }
    return found;
  }

  /**
   * Links a Synergy staff member with a tiny+ team member; the team member's Synergy-owned fields take the staff
   * member's values and are locked in tiny+.
   *
   * @param staffId the Synergy staff id
   * @param teamMemberId the tiny+ team member id
   * @return what was done
   * @throws TeamMemberLinkException when either is already linked to someone else
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport link(long staffId, long teamMemberId) {
    return runner.run(SyncReport.Operation.TEAM_MEMBER_LINKING, run -> {
      StateStore store = config.store();
      Link byStaff = store.linksBySynergyId(config.connectionId(), RecordType.TEAM_MEMBER, List.of(staffId))
          .get(staffId);
      Link byMember = store.linksByTinyPlusId(config.connectionId(), RecordType.TEAM_MEMBER,
          List.of(teamMemberId)).get(teamMemberId);
      if (byStaff != null && !byStaff.orphaned() && byStaff.tinyPlusId() != teamMemberId) {
        throw new TeamMemberLinkException("staff member " + staffId + " is already linked to team member "
            + byStaff.tinyPlusId() + ": unlink it first");
      }
      if (byMember != null && !byMember.orphaned() && byMember.synergyId() != staffId) {
        throw new TeamMemberLinkException("team member " + teamMemberId + " is already linked to staff member "
            + byMember.synergyId() + ": unlink it first");
      }
      sync(run).link(staffId, teamMemberId);
    });
  }

  /**
   * Unlinks a staff member from its team member: the link is removed and the team member's fields are unlocked
   * in tiny+. Nothing is deleted.
   *
   * @param staffId the Synergy staff id
   * @return what was done
   * @throws TeamMemberLinkException when the staff member is not linked
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport unlink(long staffId) {
    return runner.run(SyncReport.Operation.TEAM_MEMBER_LINKING, run -> {
      Link link = config.store().linksBySynergyId(config.connectionId(), RecordType.TEAM_MEMBER, List.of(staffId))
          .get(staffId);
      if (link == null) {
        throw new TeamMemberLinkException("staff member " + staffId + " is not linked to a team member");
      }
      sync(run).unlink(link);
    });
  }

  /**
   * Creates a ghost team member (who cannot log in and costs nothing) for every active staff member not linked
   * yet, and links them. A ghost that an earlier, interrupted run created is found by its marker, not created
   * again.
   *
   * @return what was done
   * @throws LeaseHeldException when another run of this connection is going on
   */
  public SyncReport createGhosts() {
    return runner.run(SyncReport.Operation.TEAM_MEMBER_LINKING, run -> {
      TypeSync<Staff, TeamMember> sync = sync(run);
      // every staff member is read before the first ghost is made, so creates never interleave with the pages
      List<Staff> staff = new ArrayList<>();
      staff(run.calls()).forEach(staff::add);
      for (Staff member : staff) {
        if (config.store().linksBySynergyId(config.connectionId(), RecordType.TEAM_MEMBER, List.of(member.id()))
            .isEmpty()) {
          sync.copyToTinyPlus(member);
        }
      }
    });
  }

  private TypeSync<Staff, TeamMember> sync(Run run) {
    return new TypeSync<>(run, bindings.teamMembers(run.calls()));
  }

  private Iterable<Staff> staff(ApiCalls calls) {
    return Listings.synergy(calls, config.synergy().staff(), StaffQuery.builder().orderBy(OrderBy.ID).build());
  }

  private Iterable<TeamMember> teamMembers(ApiCalls calls) {
    return Listings.tinyPlus(calls, config.tinyPlus().teamMembers(), TeamMemberQuery.builder().sort(Sort.ID_ASC)
        .build());
  }
}
