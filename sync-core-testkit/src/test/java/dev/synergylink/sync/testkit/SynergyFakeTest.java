package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.ContactType;
import dev.synergylink.synergy.OrderBy;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.synergy.SynergyNotFoundException;
import dev.synergylink.synergy.SynergyRateLimitedException;
import dev.synergylink.synergy.SynergyServerException;
import dev.synergylink.synergy.SynergyTransportException;
import dev.synergylink.synergy.SynergyUnreadableResponseException;
import dev.synergylink.synergy.SynergyValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynergyFakeTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00.123456Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).build();

  private long status(String name) {
    return synergy.webApp().statusNamed(name).id();
  }

  private Contact client() {
    return synergy.contacts().create(ContactCreate.builder().name("Acme Pty Ltd").abn("51 824 753 556").build());
  }

  private Project project(String name, long contactId) {
    return synergy.projects().create(ProjectCreate.builder().name(name).statusId(status("Active"))
        .primaryContactId(contactId).build());
  }

  @Test
  void createNumbersProjectsStampsMillisAndMakesTheInitialFeeAStage() {
    Contact acme = client();
    Project tower = synergy.projects().create(ProjectCreate.builder().name("Tower").statusId(status("Active"))
        .primaryContactId(acme.id()).managerId(SynergyFake.ADMIN_STAFF_ID).initialFee(new BigDecimal("25000"))
        .address(Address.builder().town("Sydney").build()).build());
    Project shed = project("Shed", acme.id());

    assertThat(tower.projectNumber()).isEqualTo("P00001");
    assertThat(shed.projectNumber()).isEqualTo("P00002");
    assertThat(tower.modifiedDate()).isEqualTo(Instant.parse("2026-11-28T01:00:00.123Z"));
    assertThat(tower.stages()).extracting(Stage::name).containsExactly("Fee");
    assertThat(tower.totalFee()).isEqualByComparingTo("25000");
    assertThat(shed.stages()).isEmpty();
    assertThat(shed.totalFee()).isEqualByComparingTo("0");
    assertThat(tower.status()).isEqualTo("Active");
    assertThat(tower.statusType()).isEqualTo(StatusType.ACTIVE);
    assertThat(tower.isActive()).isTrue();
    assertThat(tower.address().town()).isEqualTo("Sydney");
    assertThat(acme.contactType()).isEqualTo(ContactType.COMPANY);
  }

  @Test
  void listsLagTheReplicaWhileGetByIdReadsTheLatest() {
    Contact acme = client();
    Project tower = project("Tower", acme.id());

    assertThat(synergy.projects().list(ProjectQuery.builder().build()).items()).isEmpty();
    assertThat(synergy.projects().get(tower.id())).isEqualTo(tower);

    clock.advance(Duration.ofSeconds(5));
    assertThat(synergy.projects().list(ProjectQuery.builder().build()).items()).containsExactly(tower);

    Project renamed = synergy.projects().patch(tower.id(), ProjectPatch.builder().name("Tower II").build());
    clock.advance(Duration.ofSeconds(4));
    assertThat(synergy.projects().list(ProjectQuery.builder().build()).items()).extracting(Project::name)
        .containsExactly("Tower");
    clock.advance(Duration.ofSeconds(1));
    assertThat(synergy.projects().list(ProjectQuery.builder().build()).items()).containsExactly(renamed);

    synergy.setReplicaLag(Duration.ZERO);
    Project third = synergy.projects().patch(tower.id(), ProjectPatch.builder().scope("All of it").build());
    assertThat(synergy.projects().list(ProjectQuery.builder().build()).items()).containsExactly(third);
  }

  @Test
  void modifiedSinceIsInclusive() {
    synergy.setReplicaLag(Duration.ZERO);
    Contact acme = client();
    clock.advance(Duration.ofMillis(1));
    Project tower = project("Tower", acme.id());

    Page<Project> since = synergy.projects().list(ProjectQuery.builder().modifiedSince(tower.modifiedDate()).build());
    Page<Project> after = synergy.projects().list(ProjectQuery.builder()
        .modifiedSince(tower.modifiedDate().plusMillis(1)).build());

    assertThat(since.items()).containsExactly(tower);
    assertThat(after.items()).isEmpty();
  }

  @Test
  void inactiveProjectsAndStaffAreLeftOutUnlessAskedFor() {
    synergy.setReplicaLag(Duration.ZERO);
    Contact acme = client();
    Project done = project("Done", acme.id());
    synergy.projects().patch(done.id(), ProjectPatch.builder().statusId(status("Complete")).build());
    Staff gone = synergy.webApp().addStaff("Gone", "Away", null, SecurityLevel.STANDARD);
    synergy.webApp().editStaff(gone.id(), Map.of("isActive", false));

    assertThat(synergy.projects().list(ProjectQuery.builder().build()).totalItems()).isZero();
    assertThat(synergy.projects().list(ProjectQuery.builder().includeInactive(true).build()).items())
        .extracting(Project::isActive).containsExactly(false);
    assertThat(synergy.staff().list(StaffQuery.builder().build()).items()).extracting(Staff::id)
        .containsExactly(SynergyFake.ADMIN_STAFF_ID);
    assertThat(synergy.staff().list(StaffQuery.builder().includeInactive(true).build()).totalItems()).isEqualTo(2);
  }

  @Test
  void pageNumberPagingRunsOverTheLiveSet() {
    synergy.setReplicaLag(Duration.ZERO);
    Contact acme = client();
    Project a = project("A", acme.id());
    project("B", acme.id());
    project("C", acme.id());
    ProjectQuery byModified = ProjectQuery.builder().orderBy(OrderBy.MODIFIED_DATE).pageSize(2).build();

    Page<Project> first = synergy.projects().list(byModified);
    clock.advance(Duration.ofSeconds(1));
    synergy.webApp().editProject(a.id(), ProjectPatch.builder().scope("changed").build());
    Page<Project> second = synergy.projects().list(byModified.withPage(2));

    assertThat(first.items()).extracting(Project::name).containsExactly("A", "B");
    assertThat(second.items()).extracting(Project::name).as("A moved to the end").containsExactly("A");
    assertThat(synergy.projects().list(byModified.withPage(9)).items()).isEmpty();
  }

  @Test
  void recordsDeletedInTheWebAppAnswer404AndLeaveListsAfterTheLag() {
    Contact acme = client();
    Project tower = project("Tower", acme.id());
    clock.advance(Duration.ofSeconds(5));

    synergy.webApp().deleteProject(tower.id());

    assertThatThrownBy(() -> synergy.projects().get(tower.id())).isInstanceOf(SynergyNotFoundException.class);
    assertThat(synergy.projects().list(ProjectQuery.builder().build()).items()).hasSize(1);
    clock.advance(Duration.ofSeconds(5));
    assertThat(synergy.projects().list(ProjectQuery.builder().build()).items()).isEmpty();
    assertThatThrownBy(() -> synergy.webApp().project(tower.id())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stageChangesSetTheTotalFeeAndBumpTheProject() {
    Contact acme = client();
    Project tower = synergy.projects().create(ProjectCreate.builder().name("Tower").statusId(status("Active"))
        .primaryContactId(acme.id()).initialFee(new BigDecimal("1000")).build());
    clock.advance(Duration.ofSeconds(30));

    Stage design = synergy.webApp().addStage(tower.id(), "Design", new BigDecimal("250.5"));
    Project after = synergy.webApp().changeStageFee(tower.id(), design.id(), new BigDecimal("300"));

    assertThat(after.totalFee()).isEqualByComparingTo("1300.00");
    assertThat(after.modifiedDate()).isEqualTo(tower.modifiedDate().plusSeconds(30));
    assertThat(synergy.webApp().removeStage(tower.id(), design.id()).totalFee()).isEqualByComparingTo("1000");
  }

  @Test
  void theContractsValidationsAnswer400NamingTheField() {
    Contact acme = client();
    Contact person = synergy.contacts().create(ContactCreate.builder().name("Jo Bloggs")
        .contactType(ContactType.INDIVIDUAL).build());
    Staff gone = synergy.webApp().addStaff("Gone", "Away", null, SecurityLevel.STANDARD);
    synergy.webApp().editStaff(gone.id(), Map.of("isActive", false));
    long retired = synergy.webApp().addStatus("Old", StatusType.ACTIVE, null).id();
    synergy.webApp().retireStatus(retired);

    assertField(() -> synergy.contacts().create(ContactCreate.builder().name("Bad").abn("51 824 753 557").build()),
        "abn");
    assertField(() -> synergy.contacts().patch(acme.id(), ContactPatch.builder().abn("123").build()), "abn");
    assertField(() -> synergy.projects().create(ProjectCreate.builder().name("X").statusId(status("Active"))
        .primaryContactId(999_999).build()), "primaryContactId");
    assertField(() -> synergy.projects().create(ProjectCreate.builder().name("X").statusId(retired)
        .primaryContactId(acme.id()).build()), "statusId");
    assertField(() -> synergy.projects().create(ProjectCreate.builder().name("X").statusId(status("Active"))
        .primaryContactId(acme.id()).managerId(gone.id()).build()), "managerId");
    assertField(() -> synergy.personnel().create(PersonnelCreate.builder().parentContactId(person.id())
        .firstName("Sam").build()), "parentContactId");
    assertThatThrownBy(() -> synergy.backend().patch(SynergyBackend.Resource.PROJECTS,
        project("Y", acme.id()).id(), Map.of("totalFee", BigDecimal.ONE), FakeWrite.Source.API))
        .isInstanceOfSatisfying(FakeError.class, e -> assertThat(e.errors).containsKey("totalFee"));
    assertThat(synergy.contacts().patch(acme.id(), ContactPatch.builder().abn(null).build()).abn()).isNull();
  }

  private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(SynergyValidationException.class,
        e -> assertThat(e.fieldErrors()).containsKey(field));
  }

  @Test
  void faultsSurfaceAsTheClientsExceptions() {
    Contact acme = client();
    synergy.faults().on(SynergyOperation.CREATE_PROJECT).times(1).answer(Fault.ambiguousCreate());
    synergy.faults().on(SynergyOperation.GET_PROJECT).onCall(2).answer(Fault.unavailable(Duration.ofSeconds(4)));
    synergy.faults().on(SynergyOperation.LIST_CONTACTS).times(1).answer(Fault.malformedBody());

    assertThatThrownBy(() -> project("Ambiguous", acme.id())).isInstanceOf(SynergyTransportException.class);
    Project made = synergy.webApp().projects().get(0);
    assertThat(synergy.projects().get(made.id()).name()).isEqualTo("Ambiguous");
    assertThatThrownBy(() -> synergy.projects().get(made.id())).isInstanceOfSatisfying(
        SynergyServerException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThatThrownBy(() -> synergy.contacts().list(dev.synergylink.synergy.ContactQuery.builder().build()))
        .isInstanceOf(SynergyUnreadableResponseException.class);
    assertThat(synergy.calls().count(SynergyOperation.GET_PROJECT)).isEqualTo(2);
  }

  @Test
  void quotasAreCountedAlwaysAndEnforcedWhenAsked() {
    SynergyFake standard = SynergyFake.builder(clock).dailyQuota(2).build();
    standard.currentUser();
    standard.currentUser();

    assertThat(standard.lastQuota()).hasValueSatisfying(q -> {
      assertThat(q.limit()).isEqualTo(2);
      assertThat(q.remaining()).isZero();
      assertThat(q.resetAt()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    });
    assertThatThrownBy(standard::currentUser).isInstanceOfSatisfying(SynergyRateLimitedException.class,
        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(23 * 3600))); // 01:00:00.123 -> midnight
    clock.setTo(Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(standard.currentUser().securityLevel()).isEqualTo(SecurityLevel.ADMINISTRATOR);

    SynergyFake perSecond = SynergyFake.builder(clock).perSecondLimit(1).build();
    perSecond.projectStatuses();
    assertThatThrownBy(perSecond::projectStatuses).isInstanceOfSatisfying(SynergyRateLimitedException.class,
        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    assertThat(synergy.lastQuota()).isEmpty();
  }
}
