package dev.synergylink.sync.testkit;

import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.ProjectType;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The back door of a {@link TinyPlusFake}: what a person does in the tiny+ app. Writes here are not API calls
 * (not counted, never faulted or rate limited) but go through the same rules, bump {@code modified_date} and are
 * logged with {@link FakeWrite.Source#WEB_APP}. Reads return the current state, deleted records included.
 * A rule the API enforces but the app does not is relaxed here: the app invites active team members, changes
 * their email, and may set {@code record_status} to {@code deleted}.
 *
 * <pre>{@code
 * TinyPlusWebApp app = tiny.webApp();
 * TeamMember jo = app.inviteTeamMember("Jo Bloggs", "jo@example.com");
 * ProjectType education = app.addProjectType("Education");
 * Company acme = app.createCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
 * app.editCompany(acme.id(), CompanyPatch.builder().website("https://acme.example").build());
 * app.deleteCompany(acme.id());
 * }</pre>
 *
 * <p>Thread-safe. Bad input from the test (an unknown id, a record the app would refuse) throws
 * {@link IllegalArgumentException} naming the problem.
 */
public final class TinyPlusWebApp {
  private final TinyPlusBackend backend;
  private final TinyPlusModels models;

  TinyPlusWebApp(TinyPlusBackend backend, TinyPlusModels models) {
    this.backend = backend;
    this.models = models;
  }

  void seedDefaults() {
    Map<String, Object> admin = new LinkedHashMap<>();
    admin.put("name", "Avery Admin");
    admin.put("email", "avery.admin@tinyplus.example");
    admin.put("record_status", "active");
    admin.put("account_admin", true);
    long id = (Long) write(() -> backend.create(TinyPlusBackend.Resource.TEAM_MEMBERS, admin,
        FakeWrite.Source.WEB_APP)).get("id");
    backend.setMe(id);
    String[][] pipeline = {
        {"Enquiry", "proposed"}, {"Fee Proposal", "proposed"}, {"Won", "won"}, {"Concept Design", "active"},
        {"Documentation", "active"}, {"Construction", "active"}, {"Completed", "completed"}, {"Lost", "lost"},
        {"Cancelled", "cancelled"}};
    for (String[] phase : pipeline) {
      backend.addPhase(phase[0], phase[1], null);
    }
    backend.clearWrites();
  }

  // ---------------------------------------------------------------- projects

  /**
   * Adds a project, as a person in the app.
   *
   * @param create its members
   * @return the project
   */
  public Project createProject(ProjectCreate create) {
    return models.project(create(TinyPlusBackend.Resource.PROJECTS, create.members()));
  }

  /**
   * Edits a project.
   *
   * @param id the project id
   * @param patch the members to change (null clears)
   * @return the project after the edit
   */
  public Project editProject(long id, ProjectPatch patch) {
    return models.project(edit(TinyPlusBackend.Resource.PROJECTS, id, patch.members()));
  }

  /**
   * Deletes a project (soft: it stays readable with {@code record_status} {@code deleted}).
   *
   * @param id the project id
   * @return the deleted project
   */
  public Project deleteProject(long id) {
    return models.project(delete(TinyPlusBackend.Resource.PROJECTS, id));
  }

  /**
   * The current state of a project, deleted or not.
   *
   * @param id the project id
   * @return the project
   * @throws IllegalArgumentException when there is no such project
   */
  public Project project(long id) {
    return models.project(read(TinyPlusBackend.Resource.PROJECTS, id));
  }

  /**
   * Every project, deleted ones included, by id.
   *
   * @return the projects
   */
  public List<Project> projects() {
    return all(TinyPlusBackend.Resource.PROJECTS, models::project);
  }

  // ---------------------------------------------------------------- companies

  /**
   * Adds a company.
   *
   * @param create its members
   * @return the company
   */
  public Company createCompany(CompanyCreate create) {
    return models.company(create(TinyPlusBackend.Resource.COMPANIES, create.members()));
  }

  /**
   * Edits a company.
   *
   * @param id the company id
   * @param patch the members to change (null clears)
   * @return the company after the edit
   */
  public Company editCompany(long id, CompanyPatch patch) {
    return models.company(edit(TinyPlusBackend.Resource.COMPANIES, id, patch.members()));
  }

  /**
   * Deletes a company (soft).
   *
   * @param id the company id
   * @return the deleted company
   */
  public Company deleteCompany(long id) {
    return models.company(delete(TinyPlusBackend.Resource.COMPANIES, id));
  }

  /**
   * The current state of a company, deleted or not.
   *
   * @param id the company id
   * @return the company
   * @throws IllegalArgumentException when there is no such company
   */
  public Company company(long id) {
    return models.company(read(TinyPlusBackend.Resource.COMPANIES, id));
  }

  /**
   * Every company, deleted ones included, by id.
   *
   * @return the companies
   */
  public List<Company> companies() {
    return all(TinyPlusBackend.Resource.COMPANIES, models::company);
  }

  // ---------------------------------------------------------------- contacts

  /**
   * Adds a contact.
   *
   * @param create its members
   * @return the contact
   */
  public Contact createContact(ContactCreate create) {
    return models.contact(create(TinyPlusBackend.Resource.CONTACTS, create.members()));
  }

  /**
   * Edits a contact.
   *
   * @param id the contact id
   * @param patch the members to change (null clears)
   * @return the contact after the edit
   */
  public Contact editContact(long id, ContactPatch patch) {
    return models.contact(edit(TinyPlusBackend.Resource.CONTACTS, id, patch.members()));
  }

  /**
   * Deletes a contact (soft).
   *
   * @param id the contact id
   * @return the deleted contact
   */
  public Contact deleteContact(long id) {
    return models.contact(delete(TinyPlusBackend.Resource.CONTACTS, id));
  }

  /**
   * The current state of a contact, deleted or not.
   *
   * @param id the contact id
   * @return the contact
   * @throws IllegalArgumentException when there is no such contact
   */
  public Contact contact(long id) {
    return models.contact(read(TinyPlusBackend.Resource.CONTACTS, id));
  }

  /**
   * Every contact, deleted ones included, by id.
   *
   * @return the contacts
   */
  public List<Contact> contacts() {
    return all(TinyPlusBackend.Resource.CONTACTS, models::contact);
  }

  // ---------------------------------------------------------------- team members

  /**
   * Invites a team member who accepts at once: an active member who can log in.
   *
   * @param name the member's name
   * @param email the member's email, or null
   * @return the active team member
   */
  public TeamMember inviteTeamMember(String name, String email) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("name", Objects.requireNonNull(name, "name == null"));
    members.put("email", email);
    members.put("record_status", "active");
    return models.teamMember(create(TinyPlusBackend.Resource.TEAM_MEMBERS, members));
  }

  /**
   * Adds a ghost team member, as the API would.
   *
   * @param create its members
   * @return the ghost team member
   */
  public TeamMember createGhostTeamMember(TeamMemberCreate create) {
    return models.teamMember(create(TinyPlusBackend.Resource.TEAM_MEMBERS, create.members()));
  }

  /**
   * Edits a team member; unlike the API, the app may change an active member's email.
   *
   * @param id the team member id
   * @param patch the members to change (null clears)
   * @return the team member after the edit
   */
  public TeamMember editTeamMember(long id, TeamMemberPatch patch) {
    return models.teamMember(edit(TinyPlusBackend.Resource.TEAM_MEMBERS, id, patch.members()));
  }

  /**
   * Sets a team member's status, including {@code active} (a ghost activated in the app).
   *
   * @param id the team member id
   * @param status active, ghost or deactivated
   * @return the team member after the change
   */
  public TeamMember setTeamMemberStatus(long id, TeamMemberStatus status) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("record_status", TinyPlusModels.member(Objects.requireNonNull(status, "status == null")));
    return models.teamMember(edit(TinyPlusBackend.Resource.TEAM_MEMBERS, id, members));
  }

  /**
   * Makes a team member an account admin, or not.
   *
   * @param id the team member id
   * @param accountAdmin true for an admin
   * @return the team member after the change
   */
  public TeamMember setAccountAdmin(long id, boolean accountAdmin) {
    return models.teamMember(edit(TinyPlusBackend.Resource.TEAM_MEMBERS, id, Map.of("account_admin",
        accountAdmin)));
  }

  /**
   * The current state of a team member.
   *
   * @param id the team member id
   * @return the team member
   * @throws IllegalArgumentException when there is no such member
   */
  public TeamMember teamMember(long id) {
    return models.teamMember(read(TinyPlusBackend.Resource.TEAM_MEMBERS, id));
  }

  /**
   * Every team member, by id.
   *
   * @return the team members
   */
  public List<TeamMember> teamMembers() {
    return all(TinyPlusBackend.Resource.TEAM_MEMBERS, models::teamMember);
  }

  /**
   * Makes the API act for another team member: {@code GET /me} answers with this member from now on.
   *
   * @param teamMemberId the team member id
   */
  public void actAs(long teamMemberId) {
    backend.setMe(teamMemberId);
  }

  // ---------------------------------------------------------------- generic

  /**
   * Changes any writable members of a record by their contract names, e.g. {@code record_status} to
   * {@code deleted}, for what the typed requests cannot say.
   *
   * @param resource {@code projects}, {@code companies}, {@code contacts} or {@code team_members}
   * @param id the record id
   * @param members the members by contract name, values as the API takes them (strings for enums)
   */
  public void edit(String resource, long id, Map<String, Object> members) {
    edit(resource(resource), id, members);
  }

  // ---------------------------------------------------------------- pipeline and types

  /**
   * Adds a phase to the project pipeline.
   *
   * @param name the phase name
   * @param state the state it belongs to
   * @return the phase
   */
  public ProjectPhase addPhase(String name, ProjectState state) {
    Objects.requireNonNull(state, "state == null");
    return TinyPlusModels.phase(backend.addPhase(name, state.wireName(), null));
  }

  /**
   * The project pipeline phases, by id.
   *
   * @return the phases
   */
  public List<ProjectPhase> phases() {
    List<ProjectPhase> result = new ArrayList<>();
    backend.allPhases().forEach(p -> result.add(TinyPlusModels.phase(p)));
    return result;
  }

  /**
   * Adds a project type.
   *
   * @param name the name
   * @return the type
   * @throws IllegalArgumentException when a type of that name exists (compared case-insensitively)
   */
  public ProjectType addProjectType(String name) {
    return TinyPlusModels.projectType(write(() -> backend.createProjectType(Map.of("name", name),
        FakeWrite.Source.WEB_APP)));
  }

  /**
   * The project types, by id.
   *
   * @return the types
   */
  public List<ProjectType> projectTypes() {
    List<ProjectType> result = new ArrayList<>();
    backend.allProjectTypes().forEach(t -> result.add(TinyPlusModels.projectType(t)));
    return result;
  }

  // ---------------------------------------------------------------- plumbing

  private static TinyPlusBackend.Resource resource(String path) {
    for (TinyPlusBackend.Resource r : TinyPlusBackend.Resource.values()) {
      if (r.path.equals(path)) {
        return r;
      }
    }
    throw new IllegalArgumentException("resource must be projects, companies, contacts or team_members, was "
        + path);
  }

  private Map<String, Object> create(TinyPlusBackend.Resource r, Map<String, Object> members) {
    return write(() -> backend.create(r, TinyPlusModels.members(members), FakeWrite.Source.WEB_APP));
  }

  private Map<String, Object> edit(TinyPlusBackend.Resource r, long id, Map<String, Object> members) {
    return write(() -> backend.patch(r, id, TinyPlusModels.members(members), FakeWrite.Source.WEB_APP));
  }

  private Map<String, Object> delete(TinyPlusBackend.Resource r, long id) {
    return write(() -> backend.delete(r, id, FakeWrite.Source.WEB_APP));
  }

  private Map<String, Object> read(TinyPlusBackend.Resource r, long id) {
    return write(() -> backend.get(r, id, false));
  }

  private <T> List<T> all(TinyPlusBackend.Resource r, Function<Map<String, Object>, T> convert) {
    List<T> result = new ArrayList<>();
    backend.all(r).forEach(row -> result.add(convert.apply(row)));
    return result;
  }

  /** Runs a web-app action; what the API would answer with an error is the test's mistake here. */
  private static Map<String, Object> write(java.util.function.Supplier<Map<String, Object>> action) {
    try {
      return action.get();
    } catch (FakeError e) {
      throw new IllegalArgumentException("the tiny+ app refuses this: " + e.getMessage()
          + (e.errors.isEmpty() ? "" : " " + e.errors));
    }
  }
}
