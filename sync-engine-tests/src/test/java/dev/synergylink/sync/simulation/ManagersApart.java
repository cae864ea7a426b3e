package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.synergy.Project;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simulation's own record of the project managers the guide's staff-link rules keep apart: "The team member must
 * be a user synced with a matching Synergy staff member. Otherwise the user will default to the user who activated
 * the tiny+/Synergy integration." A tiny+ project with no assignee, or one linked with no staff member, gets the staff
 * member linked with the activating user as its Synergy manager (left as it is when the activating user has none); a
 * Synergy project with no manager, or one linked with no team member, gets the activating user as its tiny+ assignee.
 * Seen at the end of each operation from the two projects and the staff links; forgotten when a person changes either
 * project's manager or the two agree.
 *
 * <p>Linking a team member edits no project, and the guide promises no new sync of the projects assigned to them:
 * the engine is change-driven, so a pair kept apart stays apart until either manager is changed, even once the
 * staff member and the team member are linked. {@link #keptApart} says whether that is so now.
 */
final class ManagersApart {
  /** The Synergy manager and the tiny+ assignee when the pair was seen apart. */
  private record Apart(Long staff, Long member) {}

  private final World world;
  private final Map<Long, Apart> bySynergyProject = new HashMap<>();

  ManagersApart(World world) {
    this.world = world;
  }

  /**
   * After every operation: of the pairs the engine read in it (it merges no other), those whose managers the rules keep
   * apart now, if not seen so already; those whose managers agree now are apart no more.
   */
  void afterOperation(List<Link> read) {
    View<?, ?> view = world.views.get(RecordType.PROJECT);
    if (view == null) {
      return;
    }
    for (Link link : read) {
      if (link.recordType() != RecordType.PROJECT) {
        continue;
      }
      if (!world.livePair(RecordType.PROJECT, link)) {
        bySynergyProject.remove(link.synergyId());
        continue;
      }
      if (Objects.equals(view.value(Side.SYNERGY, link.synergyId(), "manager"),
          view.value(Side.TINYPLUS, link.tinyPlusId(), "manager"))) {
        bySynergyProject.remove(link.synergyId());
        continue;
      }
      Project p = world.synergyProject(link.synergyId());
      dev.synergylink.tinyplus.Project t = world.tinyPlusProject(link.tinyPlusId());
      if (!bySynergyProject.containsKey(link.synergyId()) && apartByTheRules(p, t)) {
        bySynergyProject.put(link.synergyId(), new Apart(p.managerId(), t.assignedUser()));
      }
    }
  }

  private boolean apartByTheRules(Project p, dev.synergylink.tinyplus.Project t) {
    return assigneeDefaulted(world, p, t) || managerDefaulted(p, t);
  }

  /**
   * Whether the Synergy manager is what the guide's default makes of the tiny+ assignee: the assignee is empty or
   * linked with no staff member, and the Synergy manager is the activating user's staff member (any manager, left as
   * it is, when the activating user has none).
   */
  static boolean assigneeDefaulted(World world, Project p, dev.synergylink.tinyplus.Project t) {
    Long member = t.assignedUser();
    if (member != null && world.context.linkedSynergyId(RecordType.TEAM_MEMBER, member) != null) {
      return false;
    }
    Long activatingStaff = activatingStaff(world);
    return activatingStaff == null ? member != null : activatingStaff.equals(p.managerId());
  }

  /** The staff member linked with the activating user, or null. */
  static Long activatingStaff(World world) {
    return world.context.linkedSynergyId(RecordType.TEAM_MEMBER, world.settings.activatingUser());
  }

  /** Whether the tiny+ assignee is the activating user standing in for an empty or unlinked Synergy manager. */
  private boolean managerDefaulted(Project p, dev.synergylink.tinyplus.Project t) {
    return (p.managerId() == null || world.context.linkedTinyPlusId(RecordType.TEAM_MEMBER, p.managerId()) == null)
        && Objects.equals(t.assignedUser(), world.settings.activatingUser());
  }

  /** A person changed a project's manager: the engine has to merge it afresh. */
  void personEdited(Side side, long projectId) {
    if (side == Side.SYNERGY) {
      bySynergyProject.remove(projectId);
    } else {
      Link link = world.link(RecordType.PROJECT, Side.TINYPLUS, projectId);
      if (link != null) {
        bySynergyProject.remove(link.synergyId());
      }
    }
  }

  /**
   * Whether the pair's managers were seen kept apart by the rules and both projects still name the same staff member
   * and team member as then (either may have been linked with the other since).
   */
  boolean keptApart(Link link) {
    Apart apart = bySynergyProject.get(link.synergyId());
    if (apart == null || link.orphaned()) {
      return false;
    }
    Project p = world.synergyProject(link.synergyId());
    dev.synergylink.tinyplus.Project t = world.tinyPlusProject(link.tinyPlusId());
    return p != null && t != null && Objects.equals(p.managerId(), apart.staff())
        && Objects.equals(t.assignedUser(), apart.member());
  }

  /** The projects (as "Projects/id" and "projects/id") whose managers are kept apart now. */
  Set<String> keptApartNow() {
    Set<String> apart = new HashSet<>();
    for (Link link : world.store.links(World.CONNECTION, RecordType.PROJECT)) {
      if (keptApart(link)) {
        apart.add("Projects/" + link.synergyId());
        apart.add("projects/" + link.tinyPlusId());
      }
    }
    return apart;
  }
}
