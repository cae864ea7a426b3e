package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Project;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (an idle cycle reading a Synergy contact by id): a new Synergy project whose client contact
 * was deleted in Synergy before it was synced cannot reach tiny+. The 404 of the contact was taken for the project's
 * own (nothing to retry), so the project was dropped without a word, and read again (its client by id) in every
 * cycle while it was the newest Synergy project. Now it waits in quarantine with the reason.
 */
class ProjectWithADeletedSynergyClientReadEveryCycleTest {
  /** Retries come later than these cycles: what they read is the retry's, not the cycle's. */
  private final ProjectFixture f = new ProjectFixture(b -> b.retryDelay(Duration.ofHours(1))).ready();

  @Test
  void theProjectWaitsWithAReasonInsteadOfReadingItsClientEveryCycle() {
    // Given a new Synergy project whose client contact was deleted before any cycle saw them
    Contact gone = f.synergy.webApp().createContact(ContactCreate.builder().name("Gone Pty Ltd").build());
    Project project = f.synergy.webApp().createProject(f.newProject("Orphan").primaryContactId(gone.id()).build());
    f.synergy.webApp().deleteContact(gone.id());

    // When a cycle sees the project, and then a few more run with nobody editing anything
    SyncReport first = f.cycle();
    f.resetCounts();
    f.cycle();
    f.cycle();

    // Then the first says why the project did not reach tiny+, and the next ones do not read its client again
    assertThat(first.problems(RecordOutcome.SKIPPED)).singleElement().satisfies(e -> {
      assertThat(e.synergyId()).isEqualTo(project.id());
      assertThat(e.message()).contains("Synergy contact " + gone.id()).contains("deleted");
    });
    assertThat(f.synergy.calls().count(SynergyOperation.GET_CONTACT)).as(f.synergy.calls().toString()).isZero();
    assertThat(f.tinyPlus.webApp().projects()).isEmpty();
  }
}
