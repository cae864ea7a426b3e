package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.SynergyAuthenticationException;
import dev.synergylink.synergy.SynergyRateLimitedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Synergy fake offers beyond the contract: the web app, the write log, the lag and quota settings. */
class SynergyFakeTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00.123456Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();

  private Project tower(BigDecimal initialFee) {
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    return synergy.webApp().createProject(ProjectCreate.builder().name("Tower")
        .statusId(synergy.webApp().statusNamed("Active").id()).primaryContactId(acme.id()).initialFee(initialFee)
        .build());
  }

  @Test
  void stageChangesInTheWebAppSetTheTotalFeeAndBumpTheProject() {
    Project tower = tower(new BigDecimal("1000"));
    clock.advance(Duration.ofSeconds(30));

    Stage design = synergy.webApp().addStage(tower.id(), "Design", new BigDecimal("250.5"));
    Project changed = synergy.webApp().changeStageFee(tower.id(), design.id(), new BigDecimal("300"));
    clock.advance(Duration.ofSeconds(1));
    Project removed = synergy.webApp().removeStage(tower.id(), tower.stages().get(0).id());

    assertThat(changed.totalFee()).isEqualByComparingTo("1300.00");
    assertThat(changed.modifiedDate()).isEqualTo(Instant.parse("2026-11-28T01:00:30.123Z"));
    assertThat(removed.totalFee()).isEqualByComparingTo("300");
    assertThat(removed.stages()).extracting(Stage::name).containsExactly("Design");
    assertThat(removed.modifiedDate()).isAfter(changed.modifiedDate());
    assertThatThrownBy(() -> synergy.webApp().addStage(tower.id(), "Bad", new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWriteLogNamesWhoWroteWhatAndWebAppWritesAreNotCalls() {
    Project tower = tower(null);
    synergy.projects().patch(tower.id(), ProjectPatch.builder().scope("All").build());
    synergy.webApp().deleteProject(tower.id());

    assertThat(synergy.writes()).extracting(FakeWrite::source, FakeWrite::action, FakeWrite::resource)
        .containsExactly(
            tuple(FakeWrite.Source.WEB_APP, FakeWrite.Action.CREATE, "Contacts"),
            tuple(FakeWrite.Source.WEB_APP, FakeWrite.Action.CREATE, "Projects"),
            tuple(FakeWrite.Source.API, FakeWrite.Action.UPDATE, "Projects"),
            tuple(FakeWrite.Source.WEB_APP, FakeWrite.Action.DELETE, "Projects"));
    assertThat(synergy.writes().get(2).members()).containsExactly(Map.entry("scope", "All"));
    assertThat(synergy.calls().total()).isEqualTo(1);
    assertThat(synergy.writes()).noneMatch(w -> w.source() == FakeWrite.Source.API && w.resource().equals("Staff"));
  }

  @Test
  void replicaLagCanBeChangedAndZero() {
    SynergyFake eager = SynergyFake.builder(clock).replicaLag(Duration.ZERO).build();
    Contact acme = eager.contacts().create(ContactCreate.builder().name("Acme").build());

    assertThat(eager.contacts().list(ContactQuery.builder().build()).items()).containsExactly(acme);
    eager.setReplicaLag(Duration.ofSeconds(30));
    assertThat(eager.replicaLag()).isEqualTo(Duration.ofSeconds(30));
    Contact beta = eager.contacts().create(ContactCreate.builder().name("Beta").build());
    clock.advance(Duration.ofSeconds(29));
    assertThat(eager.contacts().list(ContactQuery.builder().build()).items())
        .as("a 30 s replica does not have what was written 29 s ago").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(eager.contacts().list(ContactQuery.builder().build()).items()).containsExactly(acme, beta);
    assertThatThrownBy(() -> eager.setReplicaLag(Duration.ofSeconds(-1))).hasMessageContaining("negative");
  }

  @Test
  void theApiRefusesReadOnlyAndUnknownMembersThatTheTypedClientCannotSend() {
    Project tower = tower(null);

    assertThatThrownBy(() -> synergy.backend().patch(SynergyBackend.Resource.PROJECTS, tower.id(),
        Map.of("totalFee", BigDecimal.ONE, "colour", "red", "initialFee", BigDecimal.TEN), FakeWrite.Source.API))
        .isInstanceOfSatisfying(FakeError.class, e -> {
          assertThat(e.status).isEqualTo(400);
          assertThat(e.errors).containsOnlyKeys("totalFee", "colour", "initialFee");
        });
    assertThatThrownBy(() -> synergy.backend().create(SynergyBackend.Resource.STAFF, Map.of("firstName", "X"),
        FakeWrite.Source.API)).isInstanceOfSatisfying(FakeError.class, e -> assertThat(e.status).isEqualTo(405));
  }

  @Test
  void theWebAppManagesStaffAndTheApiUser() {
    Staff pat = synergy.webApp().addStaff("Pat", "Manager", "pat@example.com", SecurityLevel.MANAGER);
    Staff edited = synergy.webApp().editStaff(pat.id(), Map.of("jobTitle", "Associate",
        "securityLevel", SecurityLevel.ADMINISTRATOR));

    assertThat(edited.jobTitle()).isEqualTo("Associate");
    assertThat(edited.securityLevel()).isEqualTo(SecurityLevel.ADMINISTRATOR);
    assertThat(edited.modifiedDate()).isEqualTo(Instant.parse("2026-11-28T01:00:00.123Z"));
    synergy.webApp().actAs(pat.id());
    assertThat(synergy.currentUser().staffId()).isEqualTo(pat.id());
    synergy.webApp().deleteStaff(pat.id());
    assertThat(synergy.webApp().staff()).extracting(Staff::id).containsExactly(SynergyFake.ADMIN_STAFF_ID);
    assertThatThrownBy(synergy::currentUser).isInstanceOf(SynergyAuthenticationException.class);
  }

  @Test
  void theProjectNumberSkipsNumbersAlreadyTaken() {
    Project first = tower(null);
    assertThat(first.projectNumber()).isEqualTo("P00001");
    assertThat(synergy.projects().create(ProjectCreate.builder().name("Next")
        .statusId(synergy.webApp().statusNamed("Proposal").id()).primaryContactId(first.primaryContactId())
        .build()).projectNumber()).isEqualTo("P00002");
  }

  @Test
  void thePerSecondLimitAnswers429ForTheRestOfTheSecond() {
    SynergyFake limited = SynergyFake.builder(clock).perSecondLimit(SynergyFake.CONTRACT_REQUESTS_PER_SECOND).build();
    for (int i = 0; i < SynergyFake.CONTRACT_REQUESTS_PER_SECOND; i++) {
      limited.projects().list(ProjectQuery.builder().build());
    }

    assertThatThrownBy(() -> limited.projects().list(ProjectQuery.builder().build()))
        .isInstanceOfSatisfying(SynergyRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limited.projects().list(ProjectQuery.builder().build()).totalItems()).isZero();
    assertThat(limited.calls().count(SynergyOperation.LIST_PROJECTS)).isEqualTo(12);
  }

  @Test
  void anEmptyOrganisationHasNoUserUntilOneIsChosen() {
    SynergyFake empty = SynergyFake.builder(clock).empty().build();

    assertThatThrownBy(empty::currentUser).isInstanceOf(SynergyAuthenticationException.class);
    assertThat(empty.projectStatuses()).isEmpty();
    Staff owner = empty.webApp().addStaff("O", "Wner", null, SecurityLevel.ADMINISTRATOR);
    empty.webApp().actAs(owner.id());
    assertThat(empty.currentUser().staffId()).isEqualTo(owner.id());
  }
}
