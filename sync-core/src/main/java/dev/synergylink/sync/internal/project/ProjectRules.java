package dev.synergylink.sync.internal.project;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.MemberValues;
import dev.synergylink.sync.spi.ProjectContext;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.sync.spi.SynergyMembers;
import dev.synergylink.sync.spi.TinyPlusMembers;
import dev.synergylink.synergy.Project;
import java.math.BigDecimal;

/**
 * The readers and writers of the project rules that go through a mapping or the link table. Values are compared in
 * Synergy's terms: a tiny+ value that has no Synergy counterpart reads as a marked text that never equals a
 * Synergy value, so a change to it is seen, and its writer then says why it cannot be written.
 */
public final class ProjectRules {
  private static final String UNMAPPED_STATUS = "tinyplus-status:";
  private static final String UNMAPPED_TYPE = "tinyplus-type:";
  private static final String UNLINKED_COMPANY = "tinyplus-company:";
  private static final String UNLINKED_MEMBER = "tinyplus-member:";
  private static final String UNLINKED_STAFF = "synergy-staff:";

  private ProjectRules() {}

  // ---- status ----

  /** Reads the statuses and phases again when the engine's own context holds them (a host's may not). */
  private static void statusUnknown(ProjectContext projects) {
    if (projects instanceof ProjectRun) {
      ((ProjectRun) projects).statusUnknown();
    }
  }

  /**
   * The Synergy status id.
   *
   * @param p the Synergy project
   * @param ctx the context
   * @return the value
   */
  public static String readSynergyStatus(Project p, FieldContext ctx) {
    ProjectContext projects = ctx.projects();
    projects.reading(Side.SYNERGY, p.id());
    projects.noteSynergyStatus(p.id(), p.statusId());
    return Long.toString(p.statusId());
  }

  /**
   * The Synergy status a tiny+ state and phase map to.
   *
   * @param t the tiny+ project
   * @param ctx the context
   * @return the value
   */
  public static String readTinyPlusStatus(dev.synergylink.tinyplus.Project t, FieldContext ctx) {
    ProjectContext projects = ctx.projects();
    projects.reading(Side.TINYPLUS, t.id());
    StatusMapping mapping = projects.statusMapping();
    // when several Synergy statuses share one tiny+ phase, the phase stands for its partner's status as long as that
    // status maps to it; read as another status, the pair would never agree and the phase would be rewritten on
    // every scan
    for (Long partner : projects.partnerStatuses(t)) {
      TinyPlusStatus partnerMapsTo = mapping.tinyPlusStatus(partner);
      if (partnerMapsTo != null && partnerMapsTo.state() == t.state()
          && java.util.Objects.equals(partnerMapsTo.phase(), t.phase())) {
        return partner.toString();
      }
    }
    Long status = mapping.synergyStatus(t.state(), t.phase());
    return status != null ? status.toString() : UNMAPPED_STATUS + TinyPlusStatus.of(t.state(), t.phase());
  }

  /**
   * Writes {@code statusId}.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeSynergyStatus(String value, MemberValues<Project> members, FieldContext ctx) {
    ctx.projects().checkedStatusMapping(); // refuses the run while a status or phase is unmapped
    if (value != null && value.startsWith(UNMAPPED_STATUS)) {
      statusUnknown(ctx.projects()); // a phase added since the mapping was checked refuses the run
    }
    if (value == null || value.startsWith(UNMAPPED_STATUS)) {
      throw new SkipRecordException("its tiny+ status " + (value == null ? "(none)"
          : value.substring(UNMAPPED_STATUS.length())) + " is not mapped to a Synergy status: map it under Configure"
          + " Project Statuses");
    }
    members.set(SynergyMembers.PROJECT_STATUS_ID, Long.parseLong(value));
  }

  /**
   * Writes {@code state} and {@code phase}; an unmapped Synergy status leaves them as they are.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeTinyPlusStatus(String value, MemberValues<dev.synergylink.tinyplus.Project> members,
      FieldContext ctx) {
    ProjectContext projects = ctx.projects();
    StatusMapping mapping = projects.checkedStatusMapping();
    TinyPlusStatus status = value == null ? null : mapping.tinyPlusStatus(Long.parseLong(value));
    if (status == null && value != null) {
      statusUnknown(projects); // a status added since the mapping was checked refuses the run
    }
    if (status == null) {
      projects.fieldNotSynced(Side.TINYPLUS, "status", "Synergy status " + value + " is not mapped to a tiny+ state and"
          + " phase (a retired status?): the tiny+ status was left as it is; map it under Configure Project"
          + " Statuses");
      return;
    }
    members.set(TinyPlusMembers.PROJECT_STATE, status.state());
    members.set(TinyPlusMembers.PROJECT_PHASE, status.phase());
  }

  // ---- project type ----

  /**
   * The tiny+ type in Synergy's terms.
   *
   * @param t the tiny+ project
   * @param ctx the context
   * @return the value
   */
  public static String readTinyPlusType(dev.synergylink.tinyplus.Project t, FieldContext ctx) {
    ProjectContext projects = ctx.projects();
    projects.reading(Side.TINYPLUS, t.id());
    if (t.projectType() == null || t.projectType().isBlank()) {
      return null;
    }
    String synergy = ctx.settings().projectTypeMapping().synergyType(t.projectType());
    return synergy != null ? synergy : UNMAPPED_TYPE + t.projectType();
  }

  /**
   * Writes {@code projectType}; an unmapped tiny+ type leaves it as it is.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeSynergyType(String value, MemberValues<Project> members, FieldContext ctx) {
    if (value != null && value.startsWith(UNMAPPED_TYPE)) {
      ctx.projects().fieldNotSynced(Side.SYNERGY, "projectType", "tiny+ project type '"
          + value.substring(UNMAPPED_TYPE.length()) + "' is not mapped to a Synergy project type: the Synergy type was"
          + " left as it is; map it under Configure Project Types");
      return;
    }
    members.set(SynergyMembers.PROJECT_PROJECT_TYPE, value == null || value.isBlank() ? null : value.strip());
  }

  /**
   * Writes {@code project_type}, registering the type in tiny+ first when it is new; an unmapped Synergy type
   * leaves it as it is.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeTinyPlusType(String value, MemberValues<dev.synergylink.tinyplus.Project> members,
      FieldContext ctx) {
    if (value == null || value.isBlank()) {
      members.set(TinyPlusMembers.PROJECT_PROJECT_TYPE, null);
      return;
    }
    ProjectContext projects = ctx.projects();
    String name = ctx.settings().projectTypeMapping().tinyPlusType(value);
    if (name == null) {
      projects.fieldNotSynced(Side.TINYPLUS, "projectType", "Synergy project type '" + value + "' is not mapped to a"
          + " tiny+ project type: the tiny+ type was left as it is; map it under Configure Project Types");
      return;
    }
    String registered = projects.tinyPlusProjectType(name);
    if (registered == null) {
      projects.fieldNotSynced(Side.TINYPLUS, "projectType", "tiny+ refused to add the project type '" + name + "': the"
          + " tiny+ type was left as it is; add the type in tiny+ by hand");
      return;
    }
    members.set(TinyPlusMembers.PROJECT_PROJECT_TYPE, registered);
  }

  // ---- client ----

  /**
   * The Synergy contact of the tiny+ client company.
   *
   * @param t the tiny+ project
   * @param ctx the context
   * @return the value
   */
  public static String readTinyPlusClient(dev.synergylink.tinyplus.Project t, FieldContext ctx) {
    Long company = t.clientCompany();
    if (company == null) {
      return null;
    }
    Long contact = ctx.linkedSynergyId(RecordType.COMPANY, company);
    return contact == null ? UNLINKED_COMPANY + company : contact.toString();
  }

  /**
   * Writes {@code primaryContactId}, syncing the client company first when it is not yet.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeSynergyClient(String value, MemberValues<Project> members, FieldContext ctx) {
    if (value == null) {
      throw new SkipRecordException("it has no client company, and every Synergy project needs a client: set its"
          + " client company in tiny+");
    }
    long contact = value.startsWith(UNLINKED_COMPANY)
        ? ctx.projects().synergyClient(Long.parseLong(value.substring(UNLINKED_COMPANY.length())))
        : Long.parseLong(value);
    members.set(SynergyMembers.PROJECT_PRIMARY_CONTACT_ID, contact);
  }

  /**
   * Writes {@code client_company}, syncing the Synergy client first when it is not yet.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeTinyPlusClient(String value, MemberValues<dev.synergylink.tinyplus.Project> members,
      FieldContext ctx) {
    if (value == null) {
      members.set(TinyPlusMembers.PROJECT_CLIENT_COMPANY, null);
    } else if (value.startsWith(UNLINKED_COMPANY)) {
      members.set(TinyPlusMembers.PROJECT_CLIENT_COMPANY, Long.parseLong(value.substring(UNLINKED_COMPANY.length())));
    } else {
      members.set(TinyPlusMembers.PROJECT_CLIENT_COMPANY, ctx.projects().tinyPlusClient(Long.parseLong(value)));
    }
  }

  // ---- manager ----

  /**
   * The Synergy manager: the staff id when the staff member is linked with a team member, else a marked text. Which
   * team member stands for the manager in tiny+ depends on the staff links, so a manager who was not linked when the
   * project was synced (the copy went to the activating user) reads as changed once they are, and is sent then. A
   * staff member whose link was orphaned (they or their team member were deleted) reads as the staff id still: the
   * deletion edits no project, so it is no change of the projects they manage (read as one, it sent the activating
   * user to tiny+ whenever such a project was next seen, in a quiet cycle after the link was orphaned).
   *
   * @param p the Synergy project
   * @param ctx the context
   * @return the value
   */
  public static String readSynergyManager(Project p, FieldContext ctx) {
    Long staff = p.managerId();
    if (staff == null) {
      return null;
    }
    return ctx.hasSynergyLink(RecordType.TEAM_MEMBER, staff) ? staff.toString() : UNLINKED_STAFF + staff;
  }

  /**
   * The Synergy staff member linked with the tiny+ assignee, else a marked text. As for the Synergy manager, a team
   * member whose link was orphaned (their staff member was deleted) reads as that staff id still: the deletion edits
   * no project (read as a change, the activating user was written over the Synergy manager of each project assigned
   * to them whenever it was next seen). The writer then takes that staff member for one linked with no team member.
   *
   * @param t the tiny+ project
   * @param ctx the context
   * @return the value
   */
  public static String readTinyPlusManager(dev.synergylink.tinyplus.Project t, FieldContext ctx) {
    Long member = t.assignedUser();
    if (member == null) {
      return null;
    }
    Long staff = ctx.linkedOrOrphanedSynergyId(RecordType.TEAM_MEMBER, member);
    return staff == null ? UNLINKED_MEMBER + member : staff.toString();
  }

  /**
   * Writes {@code managerId} by the guide's rule: the staff member linked with the tiny+ assignee, else (no assignee,
   * or one linked with no staff member) the staff member linked with the activating user, reported as defaulted. When
   * the activating user is linked with no staff member either, an unlinked assignee leaves the manager as it is and
   * no assignee empties it, as {@link #writeSynergyManagerWithoutDefault} does.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeSynergyManager(String value, MemberValues<Project> members, FieldContext ctx) {
    if (value != null && !value.startsWith(UNLINKED_MEMBER) && !orphanedStaff(value, ctx)) {
      members.set(SynergyMembers.PROJECT_MANAGER_ID, staffId(value));
      return;
    }
    Long activating = ctx.settings().activatingUser();
    Long staff = activating == null ? null : ctx.linkedSynergyId(RecordType.TEAM_MEMBER, activating);
    if (staff == null) {
      if (value != null) {
        ctx.projects().fieldNotSynced(Side.SYNERGY, "manager", unlinkedAssignee(value) + ": the Synergy project"
            + " manager was left as it is, and the activating user (team member " + activating + "), whom it would"
            + " default to, is not linked with a staff member either; link the team member or the activating user"
            + " (Link Team Member records)");
      } else {
        members.set(SynergyMembers.PROJECT_MANAGER_ID, null);
      }
      return;
    }
    members.set(SynergyMembers.PROJECT_MANAGER_ID, staff);
    ctx.projects().fieldNotSynced(Side.SYNERGY, "manager", (value == null ? "the tiny+ project has no assignee"
        : unlinkedAssignee(value)) + ": the Synergy project manager defaulted to the activating user (staff member "
        + staff + ")" + (value == null ? "; assign the project in tiny+ to choose another"
        : "; link the team member (Link Team Member records) to send them"));
  }

  /**
   * Writes {@code managerId} without the guide's default: an assignee linked with no staff member leaves the manager
   * as it is (reported as not synced), and no assignee empties it.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeSynergyManagerWithoutDefault(String value, MemberValues<Project> members,
      FieldContext ctx) {
    if (value != null && (value.startsWith(UNLINKED_MEMBER) || orphanedStaff(value, ctx))) {
      ctx.projects().fieldNotSynced(Side.SYNERGY, "manager", unlinkedAssignee(value) + ": the Synergy project manager"
          + " was left as it is; link the team member (Link Team Member records)");
      return;
    }
    members.set(SynergyMembers.PROJECT_MANAGER_ID, value == null ? null : staffId(value));
  }

  /** Whether a tiny+ manager value names a staff member whose team member link was orphaned (they were deleted). */
  private static boolean orphanedStaff(String value, FieldContext ctx) {
    return !value.startsWith(UNLINKED_STAFF) && ctx.linkedTinyPlusId(RecordType.TEAM_MEMBER, staffId(value)) == null;
  }

  private static String unlinkedAssignee(String value) {
    return value.startsWith(UNLINKED_MEMBER)
        ? "the tiny+ assignee (team member " + value.substring(UNLINKED_MEMBER.length()) + ") is not linked with a"
            + " Synergy staff member"
        : "the tiny+ assignee's staff member (" + value + ") is not linked with a team member any more (deleted in"
            + " Synergy?)";
  }

  /** The staff id of a Synergy manager value, linked or not. */
  private static long staffId(String value) {
    return Long.parseLong(value.startsWith(UNLINKED_STAFF) ? value.substring(UNLINKED_STAFF.length()) : value);
  }

  /**
   * Writes {@code assigned_user} by the guide's rule: the team member linked with the Synergy manager, else (no
   * manager, or one linked with no team member) the activating user, reported as defaulted.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeTinyPlusManager(String value, MemberValues<dev.synergylink.tinyplus.Project> members,
      FieldContext ctx) {
    writeTinyPlusManager(value, members, ctx, true);
  }

  /**
   * Writes {@code assigned_user} without the guide's default for a project with no manager: it empties the assignee.
   * A manager linked with no team member still becomes the activating user, whom tiny+ names in their place.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeTinyPlusManagerWithoutDefault(String value,
      MemberValues<dev.synergylink.tinyplus.Project> members, FieldContext ctx) {
    writeTinyPlusManager(value, members, ctx, false);
  }

  private static void writeTinyPlusManager(String value, MemberValues<dev.synergylink.tinyplus.Project> members,
      FieldContext ctx, boolean defaultEmpty) {
    if (value == null && !defaultEmpty) {
      members.set(TinyPlusMembers.PROJECT_ASSIGNED_USER, null);
      return;
    }
    if (value != null && value.startsWith(UNLINKED_MEMBER)) {
      members.set(TinyPlusMembers.PROJECT_ASSIGNED_USER, Long.parseLong(value.substring(UNLINKED_MEMBER.length())));
      return;
    }
    Long member = value == null ? null : ctx.linkedTinyPlusId(RecordType.TEAM_MEMBER, staffId(value));
    if (member != null) {
      members.set(TinyPlusMembers.PROJECT_ASSIGNED_USER, member);
      return;
    }
    Long activating = ctx.settings().activatingUser();
    if (activating == null) {
      // not for a projects sync, which needs the activating user; a host's own context may lack it
      if (value == null) {
        members.set(TinyPlusMembers.PROJECT_ASSIGNED_USER, null);
      }
      return;
    }
    members.set(TinyPlusMembers.PROJECT_ASSIGNED_USER, activating);
    if (defaultEmpty) {
      ctx.projects().fieldNotSynced(Side.TINYPLUS, "manager", (value == null ? "the Synergy project has no manager"
          : "the Synergy project manager (staff member " + staffId(value) + ") is not linked with a tiny+ team member")
          + ": the tiny+ assignee defaulted to the activating user (team member " + activating + ")"
          + (value == null ? "; set the project manager in Synergy to choose another"
          : "; link the staff member (Link Team Member records) to send them"));
    }
  }

  // ---- fee ----

  /**
   * Writes {@code initialFee} (a Synergy create only: its one stage, named Fee).
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeSynergyFee(String value, MemberValues<Project> members, FieldContext ctx) {
    members.set(SynergyMembers.PROJECT_INITIAL_FEE, value == null ? null : new BigDecimal(value));
  }

  /**
   * Writes {@code value}.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeTinyPlusFee(String value, MemberValues<dev.synergylink.tinyplus.Project> members,
      FieldContext ctx) {
    members.set(TinyPlusMembers.PROJECT_VALUE, value == null ? null : new BigDecimal(value));
  }
}
