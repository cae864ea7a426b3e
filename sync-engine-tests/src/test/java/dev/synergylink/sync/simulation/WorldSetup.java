package dev.synergylink.sync.simulation;

import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.tinyplus.ProjectState;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A world's beginning: the people's records before the integration is set up, then the guide's initial setup in its
 * order (switch on, link staff, the manual controls; for projects: admins linked, project types discovered, a status
 * mapping proposed with locked statuses, Projects enabled, the manual controls).
 */
final class WorldSetup {
  private final World world;

  WorldSetup(World world) {
    this.world = world;
  }

  /** Runs it. */
  void run() {
    SyncSettings settings = world.settings;
    world.trace("settings: page size " + settings.pageSize() + ", lookback " + settings.lookback().toSeconds() + " s");
    SplittableRandom random = new SplittableRandom(world.seed ^ 0x9E3779B97F4A7C15L);
    int staff = random.nextInt(4);
    for (int i = 0; i < staff; i++) {
      world.create(new Step.Create(RecordType.TEAM_MEMBER, Side.SYNERGY, random.nextLong(), 0));
    }
    for (Side side : Side.values()) {
      int companies = random.nextInt(5);
      for (int i = 0; i < companies; i++) {
        world.create(new Step.Create(RecordType.COMPANY, side, random.nextLong(), 0));
      }
    }
    for (Side side : Side.values()) {
      int contacts = random.nextInt(4);
      for (int i = 0; i < contacts; i++) {
        world.create(new Step.Create(RecordType.CONTACT, side, random.nextLong(), random.nextInt(1000)));
      }
    }
    world.clock.advance(Duration.ofSeconds(6)); // past Synergy's list lag, so the manual controls see every record
    // the guide's order: switch on (the first cycle starts the cursors), link staff, then the manual controls
    world.sync();
    world.downloadAll(RecordType.TEAM_MEMBER);
    world.downloadAll(RecordType.COMPANY);
    world.uploadAll(RecordType.COMPANY);
    world.downloadAll(RecordType.CONTACT);
    world.uploadAll(RecordType.CONTACT);
    if (World.PROJECTS) {
      projects(random);
    }
    world.afterStep();
    world.lostEdits.clear();
  }

  /**
   * The guide's projects setup: team members linked, the people's projects, project types discovered, a status
   * mapping proposed with Enquiry (and sometimes the Cancelled state) locked, then Projects enabled and the manual
   * controls.
   */
  private void projects(SplittableRandom random) {
    if (world.linkBySynergy(RecordType.TEAM_MEMBER, SynergyFake.ADMIN_STAFF_ID) == null
        && world.linkByTinyPlus(RecordType.TEAM_MEMBER, TinyPlusFake.ADMIN_ID) == null) {
      world.operation("link the admins",
          () -> world.engine().teamMembers().link(SynergyFake.ADMIN_STAFF_ID, TinyPlusFake.ADMIN_ID));
    }
    if (random.nextBoolean()) {
      world.synergy.webApp().addStatus("Tender", StatusType.PROPOSAL, 30);
      world.tinyPlus.webApp().addPhase("Tender", ProjectState.PROPOSED);
    }
    List<Contact> clients = world.synergy.webApp().contacts();
    for (int i = 0; i < Values.PROJECT_TYPES.length && !clients.isEmpty(); i++) {
      // the firm's projects of every type, so that discovery registers them all in tiny+
      world.synergy.webApp().createProject(ProjectCreate.builder().name("Template " + i)
          .statusId(world.people.activeStatuses().get(0).id()).primaryContactId(World.pick(clients, i).id())
          .projectType(Values.PROJECT_TYPES[i]).build());
    }
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      world.create(new Step.Create(RecordType.PROJECT, Side.SYNERGY, random.nextLong(), random.nextInt(1000)));
    }
    world.clock.advance(Duration.ofSeconds(6)); // past Synergy's list lag, so discovery sees every project
    List<String> discovered = world.engine().projectSetup().discoverTypes();
    world.trace("project types discovered: " + discovered);
    if (clients.isEmpty()) {
      for (String type : Values.PROJECT_TYPES) {
        world.tinyPlus.webApp().addProjectType(type); // no Synergy project to discover them from: a person adds them
      }
    }
    count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      world.create(new Step.Create(RecordType.PROJECT, Side.TINYPLUS, random.nextLong(), random.nextInt(1000)));
    }
    StatusMapping.Builder mapping = StatusMapping.proposeDefault(new ProjectStatusOptions(
        world.synergy.webApp().statuses(), world.tinyPlus.webApp().phases())).toBuilder();
    long enquiry = world.people.phaseNamed("Enquiry").id();
    mapping.lockPhase(enquiry);
    // no Synergy status may land in the locked phase (its projects would never sync back): Enquiry's go one further
    StatusMapping proposed = mapping.build();
    for (dev.synergylink.synergy.ProjectStatus status : world.synergy.webApp().statuses()) {
      if (proposed.tinyPlusStatus(status.id()) != null
          && Long.valueOf(enquiry).equals(proposed.tinyPlusStatus(status.id()).phase())) {
        mapping.status(status.id(), ProjectState.PROPOSED, world.people.phaseNamed("Fee Proposal").id());
      }
    }
    if (random.nextBoolean()) {
      mapping.lockState(ProjectState.CANCELLED);
    }
    world.settings = SyncSettings.builder().from(world.settings).addEnabledTypes(RecordType.PROJECT)
        .statusMapping(mapping.build()).build();
    world.newEngine();
    List<String> problems = world.engine().projectSetup().problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the projects setup is incomplete: " + problems);
    }
    world.trace("status mapping " + world.settings.statusMapping());
    world.clock.advance(Duration.ofSeconds(6));
    world.downloadAll(RecordType.PROJECT);
    world.uploadAll(RecordType.PROJECT);
  }
}
