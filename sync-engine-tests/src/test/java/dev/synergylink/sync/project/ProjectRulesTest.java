package dev.synergylink.sync.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.ProjectTypeMapping;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettingsException;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.ProjectType;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusProjectTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Locked statuses, project types, client companies and the guide's order. */
class ProjectRulesTest {

  @Test
  void aProjectInALockedPhaseStaysInTinyPlusUntilItMovesToAnUnlockedOne() {
    ProjectFixture f = new ProjectFixture();
    f.settings(b -> b.statusMapping(f.lockPhase(f.settings.statusMapping(), f.phase("Enquiry"))));
    f.ready();
    dev.synergylink.tinyplus.Project enquiry = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Maybe").state(ProjectState.PROPOSED).phase(f.phase("Enquiry").id())
        .clientCompany(f.clientCompany.id()).build());

    SyncReport locked = f.cycle();
    f.tinyPlus.webApp().editProject(enquiry.id(), dev.synergylink.tinyplus.ProjectPatch.builder().name("Maybe 2")
        .build());
    f.cycle();

    assertThat(f.synergy.webApp().projects()).isEmpty();
    assertThat(locked.problems(RecordOutcome.SKIPPED)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("status is locked"));
    assertThat(f.engine.health().counts().get(RecordType.PROJECT).failing()).isZero();
    assertThat(f.engine.health().counts().get(RecordType.PROJECT).excluded()).as("health shows it left out")
        .isEqualTo(1);
    assertThat(f.engine.health().failures()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("status is locked"));

    f.tinyPlus.webApp().editProject(enquiry.id(), dev.synergylink.tinyplus.ProjectPatch.builder()
        .phase(f.phase("Fee Proposal").id()).build());
    SyncReport released = f.cycle();

    assertThat(released.counts(RecordType.PROJECT, Flow.TINYPLUS_TO_SYNERGY).created()).isEqualTo(1);
    assertThat(f.engine.health().counts().get(RecordType.PROJECT).excluded()).isZero();
    Project copy = f.copyOf(enquiry);
    assertThat(copy.name()).isEqualTo("Maybe 2");
    assertThat(copy.statusId()).isEqualTo(f.status("Proposal").id());
  }

  @Test
  void aLinkedProjectMovedToALockedStateSendsNothingUntilReleasedButStillHearsFromSynergy() {
    ProjectFixture f = new ProjectFixture();
    f.settings(b -> b.statusMapping(f.settings.statusMapping().toBuilder().lockState(ProjectState.CANCELLED)
        .build()));
    f.ready();
    Project project = f.synergy.webApp().createProject(f.newProject("Bridge").build());
    f.cycle();
    long copy = f.copyOf(project).id();

    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder().name("Bridge (on ice)")
        .state(ProjectState.CANCELLED).phase(f.phase("Cancelled").id()).build());
    SyncReport parked = f.cycle();
    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().scope("Steel").build());
    f.cycle();

    assertThat(parked.problems(RecordOutcome.SKIPPED)).as("the cycle says why nothing went to Synergy")
        .singleElement().satisfies(e -> assertThat(e.message()).contains("its changes go to Synergy when it moves"));
    assertThat(f.engine.health().counts().get(RecordType.PROJECT).heldBack()).isEqualTo(1);

    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.synergy.webApp().project(project.id()).name()).isEqualTo("Bridge");
    assertThat(f.tinyPlus.webApp().project(copy).description()).isEqualTo("Steel");

    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder()
        .state(ProjectState.ACTIVE).phase(f.phase("Documentation").id()).build());
    f.cycle();

    assertThat(f.synergy.webApp().project(project.id()).name()).isEqualTo("Bridge (on ice)");
    assertThat(f.synergy.webApp().project(project.id()).statusId()).isEqualTo(f.status("Active").id());
    assertThat(f.engine.health().counts().get(RecordType.PROJECT).heldBack()).isZero();
  }

  @Test
  void aProjectTypeFirstSeenInAChangedSynergyProjectIsRegisteredInTinyPlusAtOnce() {
    ProjectFixture f = new ProjectFixture().ready();
    f.tinyPlus.webApp().addProjectType("Commercial");
    Project project = f.synergy.webApp().createProject(f.newProject("Office").projectType("commercial").build());
    f.cycle();
    assertThat(f.copyOf(project).projectType()).as("same name, any case").isEqualTo("Commercial");

    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().projectType("Heritage").build());
    SyncReport report = f.cycle();

    assertThat(f.tinyPlus.webApp().projectTypes()).extracting(t -> t.name()).containsExactlyInAnyOrder(
        "Commercial", "Heritage");
    assertThat(f.copyOf(project).projectType()).isEqualTo("Heritage");
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void discoveringProjectTypesReadsInactiveProjectsAndRegistersWhatTinyPlusLacks() {
    ProjectFixture f = new ProjectFixture().ready();
    f.tinyPlus.webApp().addProjectType("education");
    f.synergy.webApp().createProject(f.newProject("School").projectType("Education").build());
    Project old = f.synergy.webApp().createProject(f.newProject("Depot").projectType("Industrial").build());
    f.synergy.webApp().editProject(old.id(), ProjectPatch.builder().statusId(f.status("Complete").id()).build());
    f.clock.advance(java.time.Duration.ofMinutes(1)); // Synergy's lists catch up

    List<String> types = f.engine.projectSetup().discoverTypes();

    assertThat(types).containsExactlyInAnyOrder("Education", "Industrial");
    assertThat(f.tinyPlus.webApp().projectTypes()).extracting(t -> t.name()).containsExactlyInAnyOrder(
        "education", "Industrial");
  }

  @Test
  void anUnmappedProjectTypeLeavesTheFieldAsItIsAndSaysSo() {
    ProjectFixture f = new ProjectFixture(b -> b.projectTypeMapping(ProjectTypeMapping.builder()
        .map("Edu", "Education").sameNameByDefault(false).build())).ready();
    f.tinyPlus.webApp().addProjectType("Education");
    Project project = f.synergy.webApp().createProject(f.newProject("Campus").projectType("Edu").build());
    f.cycle();
    assertThat(f.copyOf(project).projectType()).isEqualTo("Education");

    f.synergy.webApp().editProject(project.id(), ProjectPatch.builder().projectType("Retail").name("Mall")
        .build());
    SyncReport report = f.cycle();

    dev.synergylink.tinyplus.Project copy = f.copyOf(project);
    assertThat(copy.name()).isEqualTo("Mall");
    assertThat(copy.projectType()).isEqualTo("Education");
    assertThat(report.problems(RecordOutcome.FIELD_NOT_SYNCED)).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("projectType");
      assertThat(e.synergyId()).isEqualTo(project.id());
      assertThat(e.message()).contains("'Retail'").contains("left as it is");
    });
  }

  @Test
  void anUnmappedTinyPlusTypeLeavesTheSynergyTypeAsItIsAndSaysSo() {
    ProjectFixture f = new ProjectFixture(b -> b.projectTypeMapping(ProjectTypeMapping.builder()
        .map("Edu", "Education").sameNameByDefault(false).build())).ready();
    f.tinyPlus.webApp().addProjectType("Education");
    f.tinyPlus.webApp().addProjectType("Retail");
    Project project = f.synergy.webApp().createProject(f.newProject("Campus").projectType("Edu").build());
    f.cycle();
    long copy = f.copyOf(project).id();

    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder().projectType("Retail")
        .build());
    SyncReport report = f.cycle();

    assertThat(f.synergy.webApp().project(project.id()).projectType()).isEqualTo("Edu");
    assertThat(report.problems(RecordOutcome.FIELD_NOT_SYNCED)).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("projectType");
      assertThat(e.flow()).isEqualTo(Flow.TINYPLUS_TO_SYNERGY);
      assertThat(e.tinyPlusId()).isEqualTo(copy);
      assertThat(e.message()).contains("tiny+ project type 'Retail' is not mapped");
    });

    f.tinyPlus.webApp().editProject(copy, dev.synergylink.tinyplus.ProjectPatch.builder().projectType("Education")
        .build());
    f.cycle();

    assertThat(f.synergy.webApp().project(project.id()).projectType()).isEqualTo("Edu");
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
  }

  @Test
  void aTinyPlusProjectWhoseClientCompanyIsNotSyncedYetSyncsTheCompanyFirst() {
    ProjectFixture f = new ProjectFixture().ready();
    long company = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Newco").build()).id();
    f.resetCounts();
    dev.synergylink.tinyplus.Project project = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Warehouse").clientCompany(company).assignedUser(TinyPlusFake.ADMIN_ID).build());
    f.clock.advance(java.time.Duration.ofMinutes(1));
    // the company was made before the project, but the companies' poll of this cycle ran already: the project
    // brings it over itself
    SyncReport report = f.engine.uploadAll(RecordType.PROJECT, dev.synergylink.sync.spi.ProgressListener.none());

    Project copy = f.copyOf(project);
    dev.synergylink.synergy.Contact client = f.synergy.webApp().contact(copy.primaryContactId());
    assertThat(client.name()).isEqualTo("Newco");
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void aTinyPlusProjectWaitsForItsClientCompanyThatSynergyRefusedAndFollowsItOnceFixed() {
    // Given a tiny+ company whose ABN Synergy refuses, and a tiny+ project for that client
    ProjectFixture f = new ProjectFixture().ready();
    long company = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Badco").abn("12 345 678 901")
        .build()).id();
    dev.synergylink.tinyplus.Project project = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Depot").clientCompany(company).build());

    // When cycles run
    SyncReport report = f.cycle();

    // Then neither reaches Synergy, and the report says why for the company and for the project
    assertThat(f.synergy.webApp().projects()).isEmpty();
    assertThat(report.problems()).anySatisfy(e -> {
      assertThat(e.recordType()).isEqualTo(RecordType.COMPANY);
      assertThat(e.tinyPlusId()).isEqualTo(company);
      assertThat(e.field()).isEqualTo("abn");
    });
    assertThat(report.problems()).anySatisfy(e -> {
      assertThat(e.recordType()).isEqualTo(RecordType.PROJECT);
      assertThat(e.tinyPlusId()).isEqualTo(project.id());
      assertThat(e.message()).isNotBlank();
    });

    // When a person fixes the ABN in tiny+ and the failed records are due again
    f.tinyPlus.webApp().editCompany(company, dev.synergylink.tinyplus.CompanyPatch.builder().abn("53 004 085 616")
        .build());
    f.clock.advance(java.time.Duration.ofHours(2));
    f.cycle();
    f.cycle();

    // Then the company and then its project reach Synergy
    Project copy = f.copyOf(project);
    assertThat(f.synergy.webApp().contact(copy.primaryContactId()).name()).isEqualTo("Badco");
  }

  @Test
  void withTheCompaniesSyncOffAProjectWhoseClientIsNotSyncedIsSkippedWithTheReason() {
    ProjectFixture f = new ProjectFixture().ready();
    f.settings(b -> b.enabledTypes(List.of()));
    long company = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Loneco").build()).id();
    dev.synergylink.tinyplus.Project project = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Shed").clientCompany(company).build());

    SyncReport report = f.engine.uploadAll(RecordType.PROJECT, dev.synergylink.sync.spi.ProgressListener.none());

    assertThat(f.synergy.webApp().projects()).isEmpty();
    assertThat(report.problems(RecordOutcome.SKIPPED)).singleElement().satisfies(e -> {
      assertThat(e.tinyPlusId()).isEqualTo(project.id());
      assertThat(e.message()).contains("Companies sync is off").contains("every Synergy project needs a client");
    });
  }

  @Test
  void aTinyPlusProjectWithoutAClientIsQuarantinedAndTheOthersGoOn() {
    ProjectFixture f = new ProjectFixture().ready();
    dev.synergylink.tinyplus.Project orphan = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("No client").build());
    dev.synergylink.tinyplus.Project fine = f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("Has client").clientCompany(f.clientCompany.id()).build());

    SyncReport report = f.cycle();

    assertThat(f.copyOf(fine).name()).isEqualTo("Has client");
    assertThat(report.problems(RecordOutcome.SKIPPED)).singleElement().satisfies(e -> {
      assertThat(e.tinyPlusId()).isEqualTo(orphan.id());
      assertThat(e.message()).contains("no client company");
    });
    assertThat(f.engine.health().failures()).singleElement().satisfies(failure -> {
      assertThat(failure.recordId()).isEqualTo(orphan.id());
      assertThat(failure.kind()).isEqualTo(RecordFailure.Kind.EXCLUDED);
    });
  }

  @Test
  void theEngineRefusesAProjectsSyncBeforeTeamMembersAreLinked() {
    ProjectFixture f = new ProjectFixture();

    SyncReport report = f.cycle();

    assertThat(report.aborted()).isTrue();
    assertThat(report.abortedBecause()).contains("link your Staff / Team Member records");
    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.SETTINGS);
    assertThat(((SyncSettingsException) report.stopCause().exception()).problems()).singleElement()
        .satisfies(p -> assertThat(p).startsWith("Projects cannot sync before team members are linked"));
    assertThat(f.engine.projectSetup().problems()).singleElement()
        .satisfies(p -> assertThat(p).startsWith("Projects cannot sync before team members are linked"));
  }

  @Test
  void theEngineRefusesAProjectUploadBeforeTheCompaniesAreSynced() {
    ProjectFixture f = new ProjectFixture();
    f.engine.teamMembers().link(dev.synergylink.sync.testkit.SynergyFake.ADMIN_STAFF_ID,
        dev.synergylink.sync.testkit.TinyPlusFake.ADMIN_ID);
    f.resetCounts();

    SyncReport report = f.engine.uploadAll(RecordType.PROJECT, dev.synergylink.sync.spi.ProgressListener.none());

    assertThat(report.abortedBecause()).contains("enable the Companies sync and run it");
    assertThat(f.synergy.calls().total()).isZero();
  }
  @Test
  void aProjectTypeSomeoneRegistersInTinyPlusMeanwhileIsUsedAsIs() {
    ProjectFixture f = new ProjectFixture().ready();
    // a person adds the type in tiny+ between the engine's listing and its POST, which then answers 409
    TinyPlusClient racing = new DelegatingTinyPlus(f.tinyPlus) {
      @Override
      public TinyPlusProjectTypes projectTypes() {
        TinyPlusProjectTypes types = f.tinyPlus.projectTypes();
        return new TinyPlusProjectTypes() {
          @Override
          public Page<ProjectType> list(ListQuery query) {
            return types.list(query);
          }

          @Override
          public ProjectType create(String name) {
            f.tinyPlus.webApp().addProjectType(name.toUpperCase(java.util.Locale.ROOT));
            return types.create(name);
          }
        };
      }
    };
    f.engine = SyncEngine.builder().synergy(f.synergy).tinyPlus(racing).stateStore(f.store).settings(f.settings)
        .clock(f.clock).build();
    Project project = f.synergy.webApp().createProject(f.newProject("Cottage").projectType("Heritage")
        .managerId(SynergyFake.ADMIN_STAFF_ID).build());

    SyncReport report = f.cycle();

    assertThat(f.copyOf(project).projectType()).isEqualTo("HERITAGE");
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void aSynergyProjectWhoseClientIsNotInTinyPlusYetBringsItAlong() {
    ProjectFixture f = new ProjectFixture().ready();
    dev.synergylink.synergy.Contact newClient = f.synergy.webApp().createContact(
        dev.synergylink.synergy.ContactCreate.builder().name("Fresh Client").build());
    Project project = f.synergy.webApp().createProject(f.newProject("Annex").primaryContactId(newClient.id())
        .managerId(SynergyFake.ADMIN_STAFF_ID).build());
    f.clock.advance(java.time.Duration.ofMinutes(1));

    SyncReport report = f.engine.downloadAll(RecordType.PROJECT, dev.synergylink.sync.spi.ProgressListener.none());

    long company = f.copyOf(project).clientCompany();
    assertThat(f.tinyPlus.webApp().company(company).name()).isEqualTo("Fresh Client");
    assertThat(report.problems()).isEmpty();
  }
}
