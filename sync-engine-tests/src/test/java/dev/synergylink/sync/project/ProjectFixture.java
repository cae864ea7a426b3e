package dev.synergylink.sync.project;

import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.ImmutableSyncSettings;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.tests.ContractCheck;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.TeamMember;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Two fakes, a store, a clock and an engine with the Companies and Projects syncs on, the default status mapping,
 * the admins linked (staff 101 with team member 1, the activating user) and one client company synced. Public so that
 * the regression tests in other packages wire their engine the same way.
 */
public final class ProjectFixture {
  public final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  public final SynergyFake synergy = SynergyFake.builder(clock).build();
  public final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  public final InMemoryStateStore store = InMemoryStateStore.create();
  public SyncSettings settings;
  public SyncEngine engine;
  public Contact client;
  public Company clientCompany;

  public ProjectFixture() {
    this(b -> b);
  }

  public ProjectFixture(UnaryOperator<ImmutableSyncSettings.Builder> custom) {
    settings = custom.apply(SyncSettings.builder()
            .connectionId("acme")
            .synergyOrganisation(synergy.organisation())
            .masterSwitch(true)
            .addEnabledTypes(RecordType.COMPANY, RecordType.PROJECT)
            .activatingUser(TinyPlusFake.ADMIN_ID)
            .statusMapping(StatusMapping.proposeDefault(options())))
        .build();
    engine = engine();
    ContractCheck.watch(synergy, tinyPlus);
  }

  /** The statuses and phases as the fakes hold them. */
  public ProjectStatusOptions options() {
    return new ProjectStatusOptions(synergy.projectStatuses(), tinyPlus.webApp().phases());
  }

  SyncEngine engine() {
    return SyncEngine.builder().synergy(synergy).tinyPlus(tinyPlus).stateStore(store).settings(settings)
        .clock(clock).build();
  }

  public void settings(UnaryOperator<ImmutableSyncSettings.Builder> change) {
    settings = change.apply(SyncSettings.builder().from(settings)).build();
    engine = engine();
  }

  /**
   * Locks a tiny+ phase in the status mapping: projects in it are not synced to Synergy. A Synergy status mapped into
   * it moves to the next phase of its state, as the setup screen asks (no Synergy project may land locked).
   */
  public ProjectFixture withLockedPhase(String phase) {
    settings(b -> b.statusMapping(lockPhase(settings.statusMapping(), phase(phase))));
    return this;
  }

  /** The mapping with a phase locked and each Synergy status mapped into it moved to another phase of its state. */
  public StatusMapping lockPhase(StatusMapping mapping, ProjectPhase locked) {
    StatusMapping.Builder b = mapping.toBuilder().lockPhase(locked.id());
    ProjectPhase other = tinyPlus.webApp().phases().stream()
        .filter(p -> p.state() == locked.state() && p.id() != locked.id()).findFirst().orElseThrow();
    for (ProjectStatus status : synergy.projectStatuses()) {
      TinyPlusStatus to = mapping.tinyPlusStatus(status.id());
      if (to != null && Long.valueOf(locked.id()).equals(to.phase())) {
        b.status(status.id(), other.state(), other.id());
      }
    }
    return b.build();
  }

  /** Links the admins, starts the cursors and syncs one client company. */
  public ProjectFixture ready() {
    engine.teamMembers().link(SynergyFake.ADMIN_STAFF_ID, TinyPlusFake.ADMIN_ID);
    cycle();
    client = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    cycle();
    clientCompany = tinyPlus.webApp().companies().stream().filter(c -> c.name().equals("Acme Pty Ltd"))
        .findFirst().orElseThrow();
    return this;
  }

  /** A minute passes (lists catch up with their lag), then a cycle runs. */
  public SyncReport cycle() {
    clock.advance(Duration.ofMinutes(1));
    return engine.syncOnce();
  }

  public ProjectStatus status(String name) {
    return synergy.projectStatuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  public ProjectPhase phase(String name) {
    return tinyPlus.webApp().phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * A Synergy staff member and a tiny+ team member of the same name, linked: the emails are the first name's at
   * {@code synergy.example} and {@code tinyplus.example}.
   *
   * @param firstName the first name
   * @param lastName the last name
   * @return the two, linked
   */
  public LinkedStaff linkedStaff(String firstName, String lastName) {
    String user = firstName.toLowerCase(java.util.Locale.ROOT);
    Staff staff = synergy.webApp().addStaff(firstName, lastName, user + "@synergy.example", SecurityLevel.STANDARD);
    TeamMember member = tinyPlus.webApp().inviteTeamMember(firstName + " " + lastName, user + "@tinyplus.example");
    engine.teamMembers().link(staff.id(), member.id());
    return new LinkedStaff(staff, member);
  }

  /**
   * A staff member and the team member linked with it.
   *
   * @param staff the Synergy staff member
   * @param member the tiny+ team member
   */
  public record LinkedStaff(Staff staff, TeamMember member) {}

  public ProjectCreate.Builder newProject(String name) {
    return ProjectCreate.builder().name(name).statusId(status("Active").id()).primaryContactId(client.id());
  }

  /** A project made in Synergy, then a cycle that syncs it to tiny+. */
  public Project syncedProject(ProjectCreate create) {
    Project project = synergy.webApp().createProject(create);
    cycle();
    return project;
  }

  /** The tiny+ copy of a Synergy project. */
  public dev.synergylink.tinyplus.Project copyOf(Project project) {
    return tinyPlus.webApp().projects().stream().filter(p -> Long.toString(project.id()).equals(p.remoteId()))
        .findFirst().orElseThrow(() -> new AssertionError("no tiny+ copy of Synergy project " + project.id()));
  }

  /** The Synergy copy of a tiny+ project. */
  public Project copyOf(dev.synergylink.tinyplus.Project project) {
    return synergy.webApp().projects().stream()
        .filter(p -> ("tinyplus:" + project.id()).equals(p.externalReference()))
        .findFirst().orElseThrow(() -> new AssertionError("no Synergy copy of tiny+ project " + project.id()));
  }

  public void resetCounts() {
    synergy.calls().reset();
    tinyPlus.calls().reset();
    synergy.clearWrites();
    tinyPlus.clearWrites();
  }
}
