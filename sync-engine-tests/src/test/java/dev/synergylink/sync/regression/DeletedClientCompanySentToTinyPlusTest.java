package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.synergy.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 171): a tiny+ company deleted in tiny+ is not listed by the companies' poll, so its
 * link stayed live. A Synergy project whose client is that company's contact was sent to tiny+ with the deleted
 * company as its client company, tiny+ refused it on every retry, and it kept failing. Now the refusal orphans the
 * company's link, and the project is left out with the guide's reason (its client is not synced with tiny+).
 */
class DeletedClientCompanySentToTinyPlusTest {
  @Test
  void aSynergyProjectWhoseClientsCompanyWasDeletedInTinyPlusIsLeftOutWithTheReason() {
    // Given a synced client whose tiny+ company is then deleted in tiny+
    ProjectFixture w = new ProjectFixture().ready();
    w.tinyPlus.webApp().deleteCompany(w.clientCompany.id());

    // When a Synergy project for that client is synced
    Project project = w.synergy.webApp().createProject(w.newProject("Boathouse").build());
    w.cycle();

    // Then the company's link is orphaned, and the project is left out with the reason instead of failing for good
    assertThat(w.store.linksBySynergyId("acme", RecordType.COMPANY, List.of(w.client.id())).get(w.client.id())
        .orphaned()).isTrue();
    assertThat(w.engine.health().failures()).singleElement().satisfies(failure -> {
      assertThat(failure.recordId()).isEqualTo(project.id());
      assertThat(failure.kind()).isEqualTo(RecordFailure.Kind.EXCLUDED);
      assertThat(failure.message()).contains("is no longer synced with tiny+");
    });
    assertThat(w.tinyPlus.webApp().projects()).noneMatch(p -> p.name().equals("Boathouse"));
  }
}
