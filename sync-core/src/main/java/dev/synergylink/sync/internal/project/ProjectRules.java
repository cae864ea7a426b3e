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
   * The Synergy staff member linked with the tiny+ assignee.
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
    Long staff = ctx.linkedSynergyId(RecordType.TEAM_MEMBER, member);
    return staff == null ? UNLINKED_MEMBER + member : staff.toString();
  }

  /**
   * Writes {@code managerId}; an assignee not linked with a staff member leaves it as it is.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeSynergyManager(String value, MemberValues<Project> members, FieldContext ctx) {
    if (value != null && value.startsWith(UNLINKED_MEMBER)) {
      ctx.projects().fieldNotSynced(Side.SYNERGY, "manager", "the tiny+ assignee (team member "
          + value.substring(UNLINKED_MEMBER.length()) + ") is not linked with a Synergy staff member: the Synergy"
          + " project manager was left as it is; link the team member (Link Team Member records)");
      return;
    }
    members.set(SynergyMembers.PROJECT_MANAGER_ID, value == null ? null : staffId(value));
  }

  /** The staff id of a Synergy manager value, linked or not. */
  private static long staffId(String value) {
    return Long.parseLong(value.startsWith(UNLINKED_STAFF) ? value.substring(UNLINKED_STAFF.length()) : value);
  }

  /**
   * Writes {@code assigned_user}: the linked team member, else the user who activated the integration.
   *
   * @param value the value
   * @param members the members
   * @param ctx the context
   */
  public static void writeTinyPlusManager(String value, MemberValues<dev.synergylink.tinyplus.Project> members,
      FieldContext ctx) {
    if (value == null) {
      members.set(TinyPlusMembers.PROJECT_ASSIGNED_USER, null);
      return;
    }
    if (value.startsWith(UNLINKED_MEMBER)) {
      members.set(TinyPlusMembers.PROJECT_ASSIGNED_USER, Long.parseLong(value.substring(UNLINKED_MEMBER.length())));
      return;
    }
    Long member = ctx.linkedTinyPlusId(RecordType.TEAM_MEMBER, staffId(value));
    if (member == null) {
      member = ctx.settings().activatingUser();
    }
    if (member != null) {
      members.set(TinyPlusMembers.PROJECT_ASSIGNED_USER, member);
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
