package dev.synergylink.sync.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettingsException;
import dev.synergylink.sync.TinyPlusStatus;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import org.junit.jupiter.api.Test;

/** The status mapping screen: loading, the default proposal, and one message per problem. */
class StatusMappingTest {
  private final ProjectFixture f = new ProjectFixture();

  @Test
  void theEngineLoadsEverySynergyStatusAndTinyPlusPhase() {
    ProjectStatusOptions options = f.engine.projectSetup().statusOptions();

    assertThat(options.synergyStatuses()).extracting(ProjectStatus::name).containsExactly("Proposal", "Active",
        "Pending Invoice", "On Hold", "Unsuccessful", "Complete");
    assertThat(options.tinyPlusPhases()).extracting(ProjectPhase::name).contains("Enquiry", "Concept Design",
        "Cancelled");
  }

  @Test
  void theDefaultMapsEveryStatusAndPhaseByStatusType() {
    ProjectStatusOptions options = f.engine.projectSetup().statusOptions();

    StatusMapping mapping = StatusMapping.proposeDefault(options);

    assertThat(mapping.problems(options)).isEmpty();
    assertThat(mapping.synergyStatus(ProjectState.ACTIVE, f.phase("Documentation").id()))
        .isEqualTo(f.status("Active").id());
    assertThat(mapping.synergyStatus(ProjectState.WON, f.phase("Won").id())).isEqualTo(f.status("Active").id());
    assertThat(mapping.synergyStatus(ProjectState.CANCELLED, null)).isEqualTo(f.status("Unsuccessful").id());
    assertThat(mapping.tinyPlusStatus(f.status("On Hold").id()))
        .isEqualTo(TinyPlusStatus.of(ProjectState.ACTIVE, f.phase("Concept Design").id()));
    assertThat(mapping.tinyPlusStatus(f.status("Proposal").id()))
        .isEqualTo(TinyPlusStatus.of(ProjectState.PROPOSED, f.phase("Enquiry").id()));
    assertThat(mapping.tinyPlusStatus(f.status("Complete").id()))
        .isEqualTo(TinyPlusStatus.of(ProjectState.COMPLETED, f.phase("Completed").id()));
  }

  @Test
  void eachUnmappedActiveStatusAndPhaseIsNamedInItsOwnMessage() {
    StatusMapping mapping = StatusMapping.proposeDefault(f.engine.projectSetup().statusOptions());
    ProjectStatus documentation = f.synergy.webApp().addStatus("Active - Documentation", StatusType.ACTIVE, null);
    ProjectStatus retired = f.synergy.webApp().addStatus("Old", StatusType.ACTIVE, null);
    f.synergy.webApp().retireStatus(retired.id());
    ProjectPhase tender = f.tinyPlus.webApp().addPhase("Tender", ProjectState.PROPOSED);

    SyncSettingsException e = catchThrowableOfType(SyncSettingsException.class,
        () -> mapping.check(f.engine.projectSetup().statusOptions()));

    assertThat(e.problems()).containsExactly(
        "Synergy status 'Active - Documentation' (id " + documentation.id() + ") is not mapped to a tiny+ state and"
            + " phase: map it under Configure Project Statuses",
        "tiny+ phase 'Tender' (id " + tender.id() + ", state proposed) is not mapped to a Synergy status: map it"
            + " under Configure Project Statuses, or lock it");
  }

  @Test
  void mappingsToARetiredStatusOrAPhaseOfAnotherStateAreRefused() {
    ProjectStatusOptions before = f.engine.projectSetup().statusOptions();
    StatusMapping mapping = StatusMapping.proposeDefault(before).toBuilder()
        .phase(f.phase("Won").id(), f.status("On Hold").id())
        .status(f.status("Complete").id(), ProjectState.COMPLETED, f.phase("Lost").id())
        .build();
    f.synergy.webApp().retireStatus(f.status("On Hold").id());

    assertThat(mapping.problems(f.engine.projectSetup().statusOptions())).containsExactly(
        "tiny+ phase 'Won' (id " + f.phase("Won").id() + ") maps to Synergy status 'On Hold', which is retired:"
            + " Synergy sets only active statuses, so pick another",
        "Synergy status 'Complete' (id " + f.status("Complete").id() + ") maps to tiny+ phase 'Lost', which belongs"
            + " to state lost, not completed: tiny+ accepts a phase only with its own state");
  }

  @Test
  void anEmptyMappingNamesEveryStatusPhaseAndState() {
    ProjectStatusOptions options = f.engine.projectSetup().statusOptions();

    assertThat(StatusMapping.builder().build().problems(options)).hasSize(6 + 9 + 6)
        .contains("tiny+ state 'won' (for projects without a phase) is not mapped to a Synergy status: map it under"
            + " Configure Project Statuses, or lock it");
    assertThat(StatusMapping.builder().lockState(ProjectState.LOST).build().problems(options)).hasSize(6 + 8 + 5);
  }

  @Test
  void aLockedPhaseNeedsNoSynergyStatus() {
    ProjectStatusOptions options = f.engine.projectSetup().statusOptions();
    ProjectPhase tender = f.tinyPlus.webApp().addPhase("Tender", ProjectState.PROPOSED);

    StatusMapping mapping = StatusMapping.proposeDefault(options).toBuilder().lockPhase(tender.id()).build();

    assertThat(mapping.problems(f.engine.projectSetup().statusOptions())).isEmpty();
  }

  @Test
  void aSynergyStatusMappedIntoALockedPhaseIsASetupProblemWithItsFix() {
    // Given the proposed mapping, which sends Synergy's Proposal to the tiny+ phase Enquiry, with Enquiry then locked
    StatusMapping mapping = StatusMapping.proposeDefault(f.engine.projectSetup().statusOptions()).toBuilder()
        .lockPhase(f.phase("Enquiry").id()).build();
    f.settings(b -> b.statusMapping(mapping));

    // When the setup screen asks what keeps the projects sync from running
    // Then it names the status, the locked phase, and both ways to fix it
    assertThat(f.engine.projectSetup().problems()).contains("Synergy status 'Proposal' (id "
        + f.status("Proposal").id() + ") maps to tiny+ phase 'Enquiry', which is locked: its projects would land in"
        + " tiny+ locked and their tiny+ changes would never reach Synergy; map the status to an unlocked phase, or"
        + " unlock tiny+ phase 'Enquiry'");

    // And mapping the status to an unlocked phase of the same state clears it
    f.settings(b -> b.statusMapping(mapping.toBuilder()
        .status(f.status("Proposal").id(), ProjectState.PROPOSED, f.phase("Fee Proposal").id()).build()));
    assertThat(f.engine.projectSetup().problems()).noneMatch(p -> p.contains("locked"));
  }

  @Test
  void theEngineWillNotSyncAProjectWhileAStatusIsUnmapped() {
    f.ready();
    ProjectStatus documentation = f.synergy.webApp().addStatus("Active - Documentation", StatusType.ACTIVE, null);
    f.synergy.webApp().createProject(f.newProject("Tower").statusId(documentation.id()).build());

    SyncReport report = f.cycle();

    assertThat(report.aborted()).isTrue();
    assertThat(report.abortedBecause()).contains("Synergy status 'Active - Documentation' (id "
        + documentation.id() + ") is not mapped");
    assertThat(f.tinyPlus.webApp().projects()).isEmpty();
    assertThat(f.engine.projectSetup().problems()).singleElement()
        .satisfies(p -> assertThat(p).startsWith("Synergy status 'Active - Documentation'"));
  }

  @Test
  void aProjectsSyncWithAnUnmappedStatusDoesNotStartEvenWhenNoStatusIsWritten() {
    // Given a project synced to tiny+, then a status added in Synergy that the mapping lacks, and a day later (the
    // check of the mapping kept in the store is out of date) the host's engine built again (as after a restart)
    f.ready();
    Project tower = f.syncedProject(f.newProject("Tower").build());
    ProjectStatus documentation = f.synergy.webApp().addStatus("Active - Documentation", StatusType.ACTIVE, null);
    f.clock.advance(java.time.Duration.ofHours(24));
    f.settings(b -> b);

    // When a person renames the tiny+ project, which writes no status, and a cycle runs
    f.tinyPlus.webApp().editProject(f.copyOf(tower).id(),
        dev.synergylink.tinyplus.ProjectPatch.builder().name("Tower II").build());
    SyncReport report = f.cycle();

    // Then the projects sync does not run: the report names the unmapped status and the rename stays in tiny+
    assertThat(report.aborted()).isTrue();
    assertThat(report.abortedBecause()).contains("Synergy status 'Active - Documentation' (id "
        + documentation.id() + ") is not mapped");
    assertThat(f.synergy.webApp().project(tower.id()).name()).isEqualTo("Tower");
  }
}
