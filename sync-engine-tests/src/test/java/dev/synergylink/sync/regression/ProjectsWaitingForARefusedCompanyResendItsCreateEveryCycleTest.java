package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.ProjectCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: 20 tiny+ projects waiting for 10 client companies that Synergy refuses (an invalid ABN) made every cycle
 * that linked any company spend 68 Synergy calls, 20 of them refused company creates: each project's retry created
 * its company again, past the company's own back-off. A waiting project now follows the quarantine of its company.
 */
class ProjectsWaitingForARefusedCompanyResendItsCreateEveryCycleTest {
  private final ProjectFixture f = new ProjectFixture(b -> b.retryDelay(Duration.ofHours(1))).ready();

  @Test
  void aCycleThatLinksACompanySendsNoRefusedCompanyAgainForTheProjectsWaitingForIt() {
    // Given 10 tiny+ companies whose ABN Synergy would refuse, with 2 tiny+ projects each
    for (int i = 0; i < 10; i++) {
      long company = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Badco " + i)
          .abn("12 345 678 901").build()).id();
      for (int p = 0; p < 2; p++) {
        f.tinyPlus.webApp().createProject(ProjectCreate.builder().name("Depot " + i + "-" + p).clientCompany(company)
            .build());
      }
    }
    f.resetCounts();
    f.cycle();
    // each company waits in quarantine, its ABN refused before it is sent; its projects wait without sending it
    assertThat(f.synergy.calls().count(SynergyOperation.CREATE_CONTACT)).isZero();
    assertThat(f.engine.health().counts(RecordType.COMPANY).failing()).isEqualTo(10);
    assertThat(f.engine.health().counts(RecordType.PROJECT).excluded()).isEqualTo(20);

    // When a person creates a good company in tiny+, and the next cycle (within the companies' back-off) links it
    f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Goodco").build());
    f.resetCounts();
    f.cycle();

    // Then the waiting projects are tried again, but none of them sends its refused company again
    assertThat(f.synergy.calls().count(SynergyOperation.CREATE_CONTACT)).isEqualTo(1);
    // both polls, and the new company's look-ups and create
    assertThat(f.synergy.calls().total()).isLessThanOrEqualTo(6);
    assertThat(f.engine.health().counts(RecordType.PROJECT).excluded()).isEqualTo(20);
    assertThat(f.synergy.webApp().projects()).isEmpty();
  }
}
