package dev.synergylink.sync.internal;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.tinyplus.Account;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import dev.synergylink.tinyplus.ContactQuery;
import dev.synergylink.tinyplus.ImmutableCompany;
import dev.synergylink.tinyplus.ImmutableContact;
import dev.synergylink.tinyplus.ImmutableProject;
import dev.synergylink.tinyplus.ImmutableTeamMember;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectQuery;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.ProjectType;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.SyncedRecord;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberQuery;
import dev.synergylink.tinyplus.TeamMemberStatus;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusCompanies;
import dev.synergylink.tinyplus.TinyPlusContacts;
import dev.synergylink.tinyplus.TinyPlusProjectPhases;
import dev.synergylink.tinyplus.TinyPlusProjectTypes;
import dev.synergylink.tinyplus.TinyPlusProjects;
import dev.synergylink.tinyplus.TinyPlusTeamMembers;
import java.time.ZoneId;
import java.util.Map;

/**
 * A preview's tiny+ client: reads go to the real client, creates and patches are kept in {@link PreviewWrites} and
 * answered with the record as it would read after them. Deleting is refused (the engine never deletes). Not
 * thread-safe: one preview runs on one thread.
 */
final class PreviewTinyPlus implements TinyPlusClient {
  private final TinyPlusClient real;
  private final PreviewWrites writes;

  PreviewTinyPlus(TinyPlusClient real, PreviewWrites writes) {
    this.real = real;
    this.writes = writes;
  }

  @Override
  public Account account() {
    return real.account();
  }

  @Override
  public ZoneId zone() {
    return real.zone();
  }

  @Override
  public TeamMember me() {
    return real.me();
  }

  @Override
  public TinyPlusProjectPhases projectPhases() {
    return real.projectPhases();
  }

  @Override
  public TinyPlusProjectTypes projectTypes() {
    TinyPlusProjectTypes types = real.projectTypes();
    return new TinyPlusProjectTypes() {
      @Override
      public Page<ProjectType> list(ListQuery query) {
        return types.list(query);
      }

      @Override
      public ProjectType create(String name) {
        // a type the run would register: the write it needs is the project's own, which the preview shows
        return ProjectType.builder().id(0).name(name.strip()).build();
      }
    };
  }

  @Override
  public TinyPlusCompanies companies() {
    TinyPlusCompanies companies = real.companies();
    return new TinyPlusCompanies() {
      @Override
      public Page<Company> list(CompanyQuery query) {
        return listed(RecordType.COMPANY, companies.list(query));
      }

      @Override
      public Company get(long id) {
        return read(RecordType.COMPANY, id, companies::get);
      }

      @Override
      public Company create(CompanyCreate create) {
        return writes.create(RecordType.COMPANY, Side.TINYPLUS,
            ImmutableCompany.builder().name("").recordStatus(RecordStatus.ACTIVE), create.members(), Company.class);
      }

      @Override
      public Company patch(long id, CompanyPatch patch) {
        Company current = current(RecordType.COMPANY, id, this::get);
        return writes.patch(RecordType.COMPANY, Side.TINYPLUS, id, current,
            ImmutableCompany.builder().from(current), patch.members(), Company.class);
      }

      @Override
      public Company delete(long id) {
        throw refused();
      }
    };
  }

  @Override
  public TinyPlusContacts contacts() {
    TinyPlusContacts contacts = real.contacts();
    return new TinyPlusContacts() {
      @Override
      public Page<Contact> list(ContactQuery query) {
        return listed(RecordType.CONTACT, contacts.list(query));
      }

      @Override
      public Contact get(long id) {
        return read(RecordType.CONTACT, id, contacts::get);
      }

      @Override
      public Contact create(ContactCreate create) {
        return writes.create(RecordType.CONTACT, Side.TINYPLUS, ImmutableContact.builder()
            .name(name(create.members())).recordStatus(RecordStatus.ACTIVE), create.members(), Contact.class);
      }

      @Override
      public Contact patch(long id, ContactPatch patch) {
        Contact current = current(RecordType.CONTACT, id, this::get);
        return writes.patch(RecordType.CONTACT, Side.TINYPLUS, id, current,
            ImmutableContact.builder().from(current), patch.members(), Contact.class);
      }

      @Override
      public Contact delete(long id) {
        throw refused();
      }
    };
  }

  @Override
  public TinyPlusTeamMembers teamMembers() {
    TinyPlusTeamMembers members = real.teamMembers();
    return new TinyPlusTeamMembers() {
      @Override
      public Page<TeamMember> list(TeamMemberQuery query) {
        return listed(RecordType.TEAM_MEMBER, members.list(query));
      }

      @Override
      public TeamMember get(long id) {
        return read(RecordType.TEAM_MEMBER, id, members::get);
      }

      @Override
      public TeamMember createGhost(TeamMemberCreate create) {
        return writes.create(RecordType.TEAM_MEMBER, Side.TINYPLUS, ImmutableTeamMember.builder().name("")
            .recordStatus(TeamMemberStatus.GHOST).accountAdmin(false), create.members(), TeamMember.class);
      }

      @Override
      public TeamMember patch(long id, TeamMemberPatch patch) {
        TeamMember current = current(RecordType.TEAM_MEMBER, id, this::get);
        return writes.patch(RecordType.TEAM_MEMBER, Side.TINYPLUS, id, current,
            ImmutableTeamMember.builder().from(current), patch.members(), TeamMember.class);
      }
    };
  }

  @Override
  public TinyPlusProjects projects() {
    TinyPlusProjects projects = real.projects();
    return new TinyPlusProjects() {
      @Override
      public Page<Project> list(ProjectQuery query) {
        return listed(RecordType.PROJECT, projects.list(query));
      }

      @Override
      public Project get(long id) {
        return read(RecordType.PROJECT, id, projects::get);
      }

      @Override
      public Project create(ProjectCreate create) {
        return writes.create(RecordType.PROJECT, Side.TINYPLUS, ImmutableProject.builder().name("")
            .state(ProjectState.PROPOSED).recordStatus(RecordStatus.ACTIVE), create.members(), Project.class);
      }

      @Override
      public Project patch(long id, ProjectPatch patch) {
        Project current = current(RecordType.PROJECT, id, this::get);
        return writes.patch(RecordType.PROJECT, Side.TINYPLUS, id, current,
            ImmutableProject.builder().from(current), patch.members(), Project.class);
      }

      @Override
      public Project delete(long id) {
        throw refused();
      }
    };
  }

  private <R extends SyncedRecord> Page<R> listed(RecordType type, Page<R> page) {
    writes.read(type, Side.TINYPLUS, page.records(), SyncedRecord::id);
    return page;
  }

  private <R> R read(RecordType type, long id, java.util.function.LongFunction<R> get) {
    Object known = PreviewWrites.placeholder(id) ? writes.known(type, Side.TINYPLUS, id) : null;
    @SuppressWarnings("unchecked")
    R record = known != null ? (R) known : get.apply(id);
    return writes.read(type, Side.TINYPLUS, id, record);
  }

  /** The record a patch applies to: as last read or written by this preview (no second read), else read now. */
  private <R> R current(RecordType type, long id, java.util.function.LongFunction<R> get) {
    @SuppressWarnings("unchecked")
    R known = (R) writes.known(type, Side.TINYPLUS, id);
    return known != null ? known : get.apply(id);
  }

  /** The name tiny+ gives a new contact: its first and last names. */
  private static String name(Map<String, Object> members) {
    Object first = members.get("first_name");
    Object last = members.get("last_name");
    return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
  }

  private static IllegalStateException refused() {
    return new IllegalStateException("a preview writes nothing, and the engine deletes nothing");
  }
}
