package dev.synergylink.sync.testkit.strict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.testkit.ContractViolation;
import dev.synergylink.sync.testkit.ContractViolations;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.SynergyValidationException;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.ProjectCreate.Builder;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberStatus;
import dev.synergylink.tinyplus.TinyPlusNotFoundException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import dev.synergylink.tinyplus.TinyPlusValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The record of contract violations and the rules the fakes enforce as strictly as the contracts, in process. */
class FakeStrictnessTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();

  @Test
  void aRefusedRequestIsRecordedWithItsMethodPathAndRuleUntilCleared() {
    TeamMember jo = tinyPlus.webApp().inviteTeamMember("Jo Bloggs", "jo@example.com");

    assertThatThrownBy(() -> tinyPlus.teamMembers().patch(jo.id(),
        TeamMemberPatch.builder().email("jo@elsewhere.example").build()))
        .isInstanceOf(TinyPlusValidationException.class);

    ContractViolation violation = tinyPlus.contractViolations().get(0);
    assertThat(tinyPlus.contractViolations()).hasSize(1);
    assertThat(violation.at()).isEqualTo(clock.instant());
    assertThat(violation.method()).isEqualTo("PATCH");
    assertThat(violation.path()).isEqualTo("/team_members/" + jo.id());
    assertThat(violation.status()).isEqualTo(400);
    assertThat(violation.fieldErrors()).containsOnlyKeys("email");
    assertThat(violation.rule()).isEqualTo("email: The email of an active team member cannot be changed.");
    assertThatThrownBy(() -> ContractViolations.assertNone(synergy, tinyPlus))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 request refused for breaking the API contract")
        .hasMessageContaining("tiny+ PATCH /team_members/" + jo.id() + " -> 400 email: The email of an active");
    assertThatThrownBy(() -> tinyPlus.contractViolations().clear()).isInstanceOf(UnsupportedOperationException.class);

    tinyPlus.clearContractViolations();

    ContractViolations.assertNone(synergy, tinyPlus);
  }

  @Test
  void faultsMissingRecordsAndReferencesToRecordsGoneMeanwhileAreNoViolations() {
    tinyPlus.faults().on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.serverError());
    TeamMember gone = tinyPlus.webApp().inviteTeamMember("Jo Bloggs", "jo@example.com");
    tinyPlus.webApp().setTeamMemberStatus(gone.id(), TeamMemberStatus.DEACTIVATED);
    Company deleted = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Gone Pty Ltd").build());
    tinyPlus.webApp().deleteCompany(deleted.id());

    assertThatThrownBy(() -> tinyPlus.companies().create(CompanyCreate.builder().name("Acme").build()))
        .isInstanceOf(TinyPlusServerException.class);
    assertThatThrownBy(() -> tinyPlus.companies().get(424242)).isInstanceOf(TinyPlusNotFoundException.class);
    Builder project = dev.synergylink.tinyplus.ProjectCreate.builder().name("Tower").assignedUser(gone.id())
        .clientCompany(deleted.id());
    assertThatThrownBy(() -> tinyPlus.projects().create(project.build()))
        .isInstanceOf(TinyPlusValidationException.class);

    ContractViolations.assertNone(synergy, tinyPlus);
  }

  @Test
  void theClientsClearAnAddressWithAnObjectOfNullsAsTheContractsSay() {
    long client = synergy.webApp().createContact(ContactCreate.builder().name("Acme").build()).id();
    Project tower = synergy.projects().create(ProjectCreate.builder().name("Tower").primaryContactId(client)
        .statusId(synergy.webApp().statusNamed("Active").id())
        .address(Address.builder().address1("1 Main St").town("Sydney").build()).build());
    Company acme = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme")
        .physicalAddress(dev.synergylink.tinyplus.Address.builder().street("1 Main St").build()).build());

    Project cleared = synergy.projects().patch(tower.id(), ProjectPatch.builder().address(null).build());
    Company clearedCompany = tinyPlus.companies().patch(acme.id(), CompanyPatch.builder().physicalAddress(null)
        .build());

    assertThat(cleared.address().address1()).isNull();
    assertThat(cleared.address().town()).isNull();
    assertThat(clearedCompany.physicalAddress().street()).isNull();
    ContractViolations.assertNone(synergy, tinyPlus);
  }

  @Test
  void aSynergyFeeHasAtMostTwoDecimalPlaces() {
    long client = synergy.webApp().createContact(ContactCreate.builder().name("Acme").build()).id();
    ProjectCreate.Builder tower = ProjectCreate.builder().name("Tower").primaryContactId(client)
        .statusId(synergy.webApp().statusNamed("Active").id());

    assertThatThrownBy(() -> synergy.projects().create(tower.initialFee(new BigDecimal("1500.005")).build()))
        .isInstanceOf(SynergyValidationException.class);
    Project cents = synergy.projects().create(tower.initialFee(new BigDecimal("1500.50")).build());
    Project trailingZeros = synergy.projects().create(tower.initialFee(new BigDecimal("1500.500")).build());

    assertThat(cents.totalFee()).isEqualByComparingTo("1500.50");
    assertThat(trailingZeros.totalFee()).isEqualByComparingTo("1500.50");
    assertThat(synergy.contractViolations()).extracting(ContractViolation::rule)
        .containsExactly("initialFee: must have at most two decimal places (cents), was 1500.005.");
    long stage = cents.stages().get(0).id();
    assertThatThrownBy(() -> synergy.webApp().addStage(cents.id(), "Design", new BigDecimal("10.001")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two decimal places");
    assertThatThrownBy(() -> synergy.webApp().changeStageFee(cents.id(), stage, new BigDecimal("0.125")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two decimal places");
  }
}
