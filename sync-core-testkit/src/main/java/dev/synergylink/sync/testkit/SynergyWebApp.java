package dev.synergylink.sync.testkit;

import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.StatusType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The back door of a {@link SynergyFake}: what a person does in the Synergy web app. Writes here are not API calls
 * (not counted, never faulted, no quota) but go through the same rules, set {@code modifiedDate} and are logged with
 * {@link FakeWrite.Source#WEB_APP}; like API writes, they reach list endpoints only after the replica lag. Reads
 * return the current (primary) state. The web app can do what the API cannot: add and edit staff, change stage
 * fees, add and retire statuses, make contacts inactive, and delete records (they vanish: 404 by id).
 *
 * <pre>{@code
 * SynergyWebApp app = synergy.webApp();
 * Staff pat = app.addStaff("Pat", "Manager", "pat@example.com", SecurityLevel.MANAGER);
 * Contact acme = app.createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
 * Project tower = app.createProject(ProjectCreate.builder().name("Tower").statusId(app.statusNamed("Active").id())
 *     .primaryContactId(acme.id()).managerId(pat.id()).build());
 * Stage design = app.addStage(tower.id(), "Design", new BigDecimal("12000"));
 * app.changeStageFee(tower.id(), design.id(), new BigDecimal("15000"));
 * app.deleteProject(tower.id());
 * }</pre>
 *
 * <p>Thread-safe. Bad input from the test (an unknown id, a record the web app would refuse) throws
 * {@link IllegalArgumentException} naming the problem.
 */
public final class SynergyWebApp {
  private final SynergyBackend backend;

  SynergyWebApp(SynergyBackend backend) {
    this.backend = backend;
  }

  void seedDefaults() {
    Staff admin = addStaff("Alex", "Administrator", "alex.admin@synergy.example", SecurityLevel.ADMINISTRATOR);
    backend.setCurrentUser(admin.id());
    backend.addStatus("Proposal", "Proposal", 50, true);
    backend.addStatus("Active", "Active", null, true);
    backend.addStatus("Pending Invoice", "PendingInvoice", null, true);
    backend.addStatus("On Hold", "Hold", null, true);
    backend.addStatus("Unsuccessful", "Unsuccessful", null, true);
    backend.addStatus("Complete", "Complete", null, true);
    backend.clearWrites();
  }

  // ---------------------------------------------------------------- projects

  /**
   * Adds a project; the server numbers it.
   *
   * @param create its members ({@code initialFee} makes a stage named {@code Fee})
   * @return the project
   */
  public Project createProject(ProjectCreate create) {
    return SynergyModels.project(create(SynergyBackend.Resource.PROJECTS, create.members()));
  }

  /**
   * Edits a project.
   *
   * @param id the project id
   * @param patch the members to change (null clears)
   * @return the project after the edit
   */
  public Project editProject(long id, ProjectPatch patch) {
    return SynergyModels.project(edit(SynergyBackend.Resource.PROJECTS, id, patch.members()));
  }

  /**
   * Deletes a project: it vanishes from lists (after the replica lag) and answers 404 by id.
   *
   * @param id the project id
   */
  public void deleteProject(long id) {
    delete(SynergyBackend.Resource.PROJECTS, id);
  }

  /**
   * The current state of a project.
   *
   * @param id the project id
   * @return the project
   * @throws IllegalArgumentException when there is no such project (or it was deleted)
   */
  public Project project(long id) {
    return SynergyModels.project(read(SynergyBackend.Resource.PROJECTS, id));
  }

  /**
   * Every project not deleted, active or not, by id.
   *
   * @return the projects
   */
  public List<Project> projects() {
    return SynergyFake.convertAll(backend.all(SynergyBackend.Resource.PROJECTS), SynergyModels::project);
  }

  /**
   * Adds a stage to a project, which sets the project's {@code modifiedDate} and total fee.
   *
   * @param projectId the project id
   * @param name the stage name
   * @param fee the stage fee, 0 or more (kept to two places)
   * @return the stage
   */
  public Stage addStage(long projectId, String name, BigDecimal fee) {
    return SynergyModels.stage(backend.addStage(projectId, name, fee));
  }

  /**
   * Changes a stage's fee, which sets the project's {@code modifiedDate} and total fee.
   *
   * @param projectId the project id
   * @param stageId the stage id
   * @param fee the new fee, 0 or more
   * @return the project after the change
   */
  public Project changeStageFee(long projectId, long stageId, BigDecimal fee) {
    Stage stage = project(projectId).stages().stream().filter(s -> s.id() == stageId).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("project " + projectId + " has no stage " + stageId));
    backend.changeStage(projectId, stageId, stage.name(), fee);
    return project(projectId);
  }

  /**
   * Removes a stage, which sets the project's {@code modifiedDate} and total fee.
   *
   * @param projectId the project id
   * @param stageId the stage id
   * @return the project after the change
   */
  public Project removeStage(long projectId, long stageId) {
    backend.removeStage(projectId, stageId);
    return project(projectId);
  }

  // ---------------------------------------------------------------- contacts and personnel

  /**
   * Adds a contact (a Company unless the request says Individual).
   *
   * @param create its members
   * @return the contact
   */
  public Contact createContact(ContactCreate create) {
    return SynergyModels.contact(create(SynergyBackend.Resource.CONTACTS, create.members()));
  }

  /**
   * Edits a contact.
   *
   * @param id the contact id
   * @param patch the members to change (null clears)
   * @return the contact after the edit
   */
  public Contact editContact(long id, ContactPatch patch) {
    return SynergyModels.contact(edit(SynergyBackend.Resource.CONTACTS, id, patch.members()));
  }

  /**
   * Makes a contact active or inactive.
   *
   * @param id the contact id
   * @param active the new state
   * @return the contact after the change
   */
  public Contact setContactActive(long id, boolean active) {
    return SynergyModels.contact(edit(SynergyBackend.Resource.CONTACTS, id, Map.of("isActive", active)));
  }

  /**
   * Deletes a contact: it vanishes from lists (after the replica lag) and answers 404 by id.
   *
   * @param id the contact id
   */
  public void deleteContact(long id) {
    delete(SynergyBackend.Resource.CONTACTS, id);
  }

  /**
   * The current state of a contact.
   *
   * @param id the contact id
   * @return the contact
   * @throws IllegalArgumentException when there is no such contact (or it was deleted)
   */
  public Contact contact(long id) {
    return SynergyModels.contact(read(SynergyBackend.Resource.CONTACTS, id));
  }

  /**
   * Every contact not deleted, by id.
   *
   * @return the contacts
   */
  public List<Contact> contacts() {
    return SynergyFake.convertAll(backend.all(SynergyBackend.Resource.CONTACTS), SynergyModels::contact);
  }

  /**
   * Adds a personnel record under a Company contact.
   *
   * @param create its members
   * @return the personnel record
   */
  public Personnel createPersonnel(PersonnelCreate create) {
    return SynergyModels.personnel(create(SynergyBackend.Resource.PERSONNEL, create.members()));
  }

  /**
   * Edits a personnel record.
   *
   * @param id the personnel id
   * @param patch the members to change (null clears)
   * @return the personnel record after the edit
   */
  public Personnel editPersonnel(long id, PersonnelPatch patch) {
    return SynergyModels.personnel(edit(SynergyBackend.Resource.PERSONNEL, id, patch.members()));
  }

  /**
   * Deletes a personnel record: it vanishes from lists (after the replica lag) and answers 404 by id.
   *
   * @param id the personnel id
   */
  public void deletePersonnel(long id) {
    delete(SynergyBackend.Resource.PERSONNEL, id);
  }

  /**
   * The current state of a personnel record.
   *
   * @param id the personnel id
   * @return the personnel record
   * @throws IllegalArgumentException when there is no such record (or it was deleted)
   */
  public Personnel personnel(long id) {
    return SynergyModels.personnel(read(SynergyBackend.Resource.PERSONNEL, id));
  }

  /**
   * Every personnel record not deleted, by id.
   *
   * @return the personnel
   */
  public List<Personnel> personnel() {
    return SynergyFake.convertAll(backend.all(SynergyBackend.Resource.PERSONNEL), SynergyModels::personnel);
  }

  // ---------------------------------------------------------------- staff

  /**
   * Adds an active staff member.
   *
   * @param firstName the first name, or null
   * @param lastName the last name, or null
   * @param email the email, or null
   * @param securityLevel the security level
   * @return the staff member
   */
  public Staff addStaff(String firstName, String lastName, String email, SecurityLevel securityLevel) {
    Objects.requireNonNull(securityLevel, "securityLevel == null");
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("firstName", firstName);
    members.put("lastName", lastName);
    members.put("email", email);
    members.put("securityLevel", securityLevel.wireName());
    return SynergyModels.staff(create(SynergyBackend.Resource.STAFF, members));
  }

  /**
   * Edits a staff member by the contract's member names: {@code firstName}, {@code lastName}, {@code email},
   * {@code workPhone}, {@code mobile}, {@code jobTitle}, {@code securityLevel} (a {@link SecurityLevel} or its wire
   * name) and {@code isActive}.
   *
   * @param id the staff id
   * @param members the members to change (null clears)
   * @return the staff member after the edit
   */
  public Staff editStaff(long id, Map<String, Object> members) {
    return SynergyModels.staff(edit(SynergyBackend.Resource.STAFF, id, members));
  }

  /**
   * Deletes a staff member: they vanish from lists (after the replica lag) and answer 404 by id.
   *
   * @param id the staff id
   */
  public void deleteStaff(long id) {
    delete(SynergyBackend.Resource.STAFF, id);
  }

  /**
   * The current state of a staff member.
   *
   * @param id the staff id
   * @return the staff member
   * @throws IllegalArgumentException when there is no such staff member (or they were deleted)
   */
  public Staff staffMember(long id) {
    return SynergyModels.staff(read(SynergyBackend.Resource.STAFF, id));
  }

  /**
   * Every staff member not deleted, active or not, by id.
   *
   * @return the staff
   */
  public List<Staff> staff() {
    return SynergyFake.convertAll(backend.all(SynergyBackend.Resource.STAFF), SynergyModels::staff);
  }

  /**
   * Makes the API act for another staff member: {@code CurrentUser} answers with them from now on.
   *
   * @param staffId the staff id
   */
  public void actAs(long staffId) {
    backend.setCurrentUser(staffId);
  }

  // ---------------------------------------------------------------- statuses

  /**
   * Adds an active project status.
   *
   * @param name the name, e.g. {@code Active - Documentation}
   * @param statusType its status type
   * @param likelihood 0 to 100 for Proposal statuses, else null
   * @return the status
   */
  public ProjectStatus addStatus(String name, StatusType statusType, Integer likelihood) {
    Objects.requireNonNull(statusType, "statusType == null");
    return SynergyModels.status(backend.addStatus(name, statusType.wireName(), likelihood, true));
  }

  /**
   * Retires a status: projects keep it, but it can no longer be set (400 "not active").
   *
   * @param statusId the status id
   */
  public void retireStatus(long statusId) {
    backend.setStatusActive(statusId, false);
  }

  /**
   * Every project status, by id.
   *
   * @return the statuses
   */
  public List<ProjectStatus> statuses() {
    return SynergyModels.page(backend.projectStatuses(), SynergyModels::status).items();
  }

  /**
   * The status with this name.
   *
   * @param name the exact name
   * @return the status
   * @throws IllegalArgumentException when there is none
   */
  public ProjectStatus statusNamed(String name) {
    return statuses().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no project status named " + name));
  }

  // ---------------------------------------------------------------- plumbing

  private Map<String, Object> create(SynergyBackend.Resource r, Map<String, Object> members) {
    return act(() -> backend.create(r, SynergyModels.members(members), FakeWrite.Source.WEB_APP));
  }

  private Map<String, Object> edit(SynergyBackend.Resource r, long id, Map<String, Object> members) {
    return act(() -> backend.patch(r, id, SynergyModels.members(members), FakeWrite.Source.WEB_APP));
  }

  private void delete(SynergyBackend.Resource r, long id) {
    backend.delete(r, id);
  }

  private Map<String, Object> read(SynergyBackend.Resource r, long id) {
    return act(() -> backend.get(r, id));
  }

  /** Runs a web-app action; what the API would answer with an error is the test's mistake here. */
  private static Map<String, Object> act(Supplier<Map<String, Object>> action) {
    try {
      return action.get();
    } catch (FakeError e) {
      throw new IllegalArgumentException("the Synergy web app refuses this: " + e.getMessage()
          + (e.errors.isEmpty() ? "" : " " + e.errors));
    }
  }
}
