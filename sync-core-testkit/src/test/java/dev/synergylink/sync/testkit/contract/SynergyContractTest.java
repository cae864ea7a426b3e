package dev.synergylink.sync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.ContactType;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.OrderBy;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.PersonnelQuery;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.synergy.Stage;
import dev.synergylink.synergy.StatusType;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyNotFoundException;
import dev.synergylink.synergy.SynergyRateLimitedException;
import dev.synergylink.synergy.SynergyServerException;
import dev.synergylink.synergy.SynergyTransportException;
import dev.synergylink.synergy.SynergyUnreadableResponseException;
import dev.synergylink.synergy.SynergyValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Synergy contract, asserted through {@link SynergyClient}. It runs twice: against the in-memory fake directly,
 * and through the real HTTP client against the HTTP fake server over the same kind of fake. Both runs must pass the
 * same assertions: that is what shows that the client, the fake and the contract agree.
 */
abstract class SynergyContractTest {
  protected final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00.123456Z"));
  protected SynergyFake fake;
  protected SynergyClient client;

  /** The client under test, over {@code fake}, on {@code clock}, without client-side retries. */
  protected abstract SynergyClient connect(SynergyFake fake, ManualClock clock);

  /** Frees what {@link #connect} opened. */
  protected void disconnect() {}

  @BeforeEach
  void setUp() {
    fake = SynergyFake.builder(clock).build();
    client = connect(fake, clock);
  }

  @AfterEach
  void tearDown() {
    disconnect();
  }

  private long status(String name) {
    return fake.webApp().statusNamed(name).id();
  }

  private Contact acme() {
    return client.contacts().create(ContactCreate.builder().name("Acme Pty Ltd").abn("51 824 753 556")
        .officeAddress(Address.builder().address1("1 George St").town("Sydney").build()).build());
  }

  private Project project(String name, long contactId) {
    return client.projects().create(ProjectCreate.builder().name(name).statusId(status("Active"))
        .primaryContactId(contactId).build());
  }

  private static <T> List<T> all(Iterable<T> items) {
    List<T> list = new ArrayList<>();
    items.forEach(list::add);
    return list;
  }

  @Test
  void currentUserStatusesAndQuota() {
    CurrentUser me = client.currentUser();
    List<ProjectStatus> statuses = client.projectStatuses();

    assertThat(me.staffId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(me.securityLevel()).isEqualTo(SecurityLevel.ADMINISTRATOR);
    assertThat(statuses).extracting(ProjectStatus::statusType).containsExactly(StatusType.PROPOSAL,
        StatusType.ACTIVE, StatusType.PENDING_INVOICE, StatusType.HOLD, StatusType.UNSUCCESSFUL, StatusType.COMPLETE);
    assertThat(statuses.get(0).likelihood()).isEqualTo(50);
    assertThat(client.lastQuota()).hasValueSatisfying(q -> {
      assertThat(q.limit()).isEqualTo(SynergyFake.PREMIUM_DAILY_QUOTA);
      assertThat(q.remaining()).isEqualTo(SynergyFake.PREMIUM_DAILY_QUOTA - 2);
      assertThat(q.resetAt()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    });
    assertThat(fake.calls().total()).isEqualTo(2);
  }

  @Test
  void aCreatedProjectReadsBackTheSameEverywhere() {
    Contact acme = acme();
    Project tower = client.projects().create(ProjectCreate.builder().name("Tower").statusId(status("Active"))
        .primaryContactId(acme.id()).managerId(SynergyFake.ADMIN_STAFF_ID).initialFee(new BigDecimal("25000.5"))
        .projectType("Commercial").address(Address.builder().town("Sydney").zipCode("2000").build())
        .scope("Forty floors").externalReference("tp:30001").build());

    assertThat(tower.projectNumber()).isEqualTo("P00001");
    assertThat(tower.modifiedDate()).isEqualTo(Instant.parse("2026-11-28T01:00:00.123Z"));
    assertThat(tower.stages()).extracting(Stage::name).containsExactly("Fee");
    assertThat(tower.totalFee()).isEqualByComparingTo("25000.50");
    assertThat(tower.statusType()).isEqualTo(StatusType.ACTIVE);
    assertThat(tower.status()).isEqualTo("Active");
    assertThat(tower.isActive()).isTrue();
    assertThat(client.projects().get(tower.id())).isEqualTo(tower);
    assertThat(fake.webApp().project(tower.id())).isEqualTo(tower);
    assertThat(acme.officeAddress().town()).isEqualTo("Sydney");
    assertThat(acme.contactType()).isEqualTo(ContactType.COMPANY);
    clock.advance(SynergyFake.CONTRACT_REPLICA_LAG);
    assertThat(client.projects().list(ProjectQuery.builder().externalReference("tp:30001").build()).items())
        .containsExactly(tower);
    assertThat(client.projects().list(ProjectQuery.builder().projectNumber("P00001").build()).totalItems())
        .isEqualTo(1);
  }

  @Test
  void nonAsciiTextRoundTripsThroughWritesReadsAndFilters() {
    String name = "Zo\u00eb \u00d1\u00fa\u00f1ez \u2014 \u6771\u4eac \ud83c\udfd7";
    String reference = "tp:\u00fc-\u6771";
    Contact created = client.contacts().create(ContactCreate.builder().name(name).externalReference(reference)
        .officeAddress(Address.builder().town("M\u00fcnchen").build()).build());

    assertThat(created.name()).isEqualTo(name);
    assertThat(created.officeAddress().town()).isEqualTo("M\u00fcnchen");
    assertThat(client.contacts().get(created.id())).isEqualTo(created);
    assertThat(fake.webApp().contact(created.id()).name()).isEqualTo(name);
    clock.advance(SynergyFake.CONTRACT_REPLICA_LAG);
    assertThat(client.contacts().list(ContactQuery.builder().externalReference(reference).build()).items())
        .containsExactly(created);
    Contact renamed = client.contacts().patch(created.id(), ContactPatch.builder().name(name + " \u00c5").build());
    assertThat(renamed.name()).isEqualTo(name + " \u00c5");
  }

  @Test
  void listsLagTheReplicaWhileGetReadsTheLatest() {
    Project tower = project("Tower", acme().id());

    assertThat(client.projects().list(ProjectQuery.builder().build()).items()).isEmpty();
    assertThat(client.projects().get(tower.id())).isEqualTo(tower);
    clock.advance(Duration.ofSeconds(5));
    assertThat(client.projects().list(ProjectQuery.builder().build()).items()).containsExactly(tower);

    Project renamed = client.projects().patch(tower.id(), ProjectPatch.builder().name("Tower II").build());
    clock.advance(Duration.ofSeconds(4));
    assertThat(client.projects().list(ProjectQuery.builder().build()).items()).extracting(Project::name)
        .containsExactly("Tower");
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.projects().list(ProjectQuery.builder().build()).items()).containsExactly(renamed);
  }

  @Test
  void modifiedSinceIsInclusiveToTheMillisecond() {
    fake.setReplicaLag(Duration.ZERO);
    Contact acme = acme();
    clock.advance(Duration.ofMillis(1));
    Project tower = project("Tower", acme.id());

    assertThat(client.projects().list(ProjectQuery.builder().modifiedSince(tower.modifiedDate()).build()).items())
        .containsExactly(tower);
    assertThat(client.projects().list(ProjectQuery.builder().modifiedSince(tower.modifiedDate().plusMillis(1))
        .build()).items()).isEmpty();
    assertThat(client.contacts().list(ContactQuery.builder().modifiedSince(acme.modifiedDate()).build()).items())
        .containsExactly(acme);
  }

  @Test
  void inactiveProjectsAndStaffAreLeftOutUnlessAskedFor() {
    fake.setReplicaLag(Duration.ZERO);
    Project done = project("Done", acme().id());
    client.projects().patch(done.id(), ProjectPatch.builder().statusId(status("Complete")).build());
    Staff gone = fake.webApp().addStaff("Gone", "Away", null, SecurityLevel.STANDARD);
    fake.webApp().editStaff(gone.id(), Map.of("isActive", false));

    assertThat(client.projects().list(ProjectQuery.builder().build()).totalItems()).isZero();
    assertThat(client.projects().list(ProjectQuery.builder().includeInactive(true).build()).items())
        .extracting(Project::isActive).containsExactly(false);
    assertThat(client.staff().list(StaffQuery.builder().build()).items()).extracting(Staff::id)
        .containsExactly(SynergyFake.ADMIN_STAFF_ID);
    assertThat(client.staff().list(StaffQuery.builder().includeInactive(true).build()).totalItems()).isEqualTo(2);
    assertThat(client.staff().get(gone.id())).isEqualTo(fake.webApp().staffMember(gone.id()));
  }

  @Test
  void pageNumberPagingRunsOverTheLiveSet() {
    fake.setReplicaLag(Duration.ZERO);
    Contact acme = acme();
    Project a = project("A", acme.id());
    project("B", acme.id());
    project("C", acme.id());
    ProjectQuery byModified = ProjectQuery.builder().orderBy(OrderBy.MODIFIED_DATE).pageSize(2).build();

    Page<Project> first = client.projects().list(byModified);
    clock.advance(Duration.ofSeconds(1));
    fake.webApp().editProject(a.id(), ProjectPatch.builder().scope("changed").build());
    Page<Project> second = client.projects().list(byModified.withPage(2));

    assertThat(first.items()).extracting(Project::name).containsExactly("A", "B");
    assertThat(first.totalItems()).isEqualTo(3);
    assertThat(second.items()).extracting(Project::name).containsExactly("A");
    assertThat(client.projects().list(byModified.withPage(9)).items()).isEmpty();
    assertThat(all(client.projects().listAll(ProjectQuery.builder().pageSize(1).build()))).hasSize(3);
  }

  @Test
  void deletedInTheWebAppMeans404() {
    Contact acme = acme();
    Project tower = project("Tower", acme.id());
    fake.webApp().deleteProject(tower.id());

    assertThatThrownBy(() -> client.projects().get(tower.id())).isInstanceOf(SynergyNotFoundException.class);
    assertThatThrownBy(() -> client.projects().patch(tower.id(), ProjectPatch.builder().name("X").build()))
        .isInstanceOf(SynergyNotFoundException.class);
    clock.advance(Duration.ofSeconds(5));
    assertThat(client.projects().list(ProjectQuery.builder().build()).items()).isEmpty();
  }

  @Test
  void stagesMakeTheTotalFeeAndBumpTheProject() {
    Project tower = client.projects().create(ProjectCreate.builder().name("Tower").statusId(status("Active"))
        .primaryContactId(acme().id()).initialFee(new BigDecimal("1000")).build());
    clock.advance(Duration.ofSeconds(30));

    Stage design = fake.webApp().addStage(tower.id(), "Design", new BigDecimal("250.5"));
    Project after = client.projects().get(tower.id());

    assertThat(after.totalFee()).isEqualByComparingTo("1250.50");
    assertThat(after.stages()).extracting(Stage::id).endsWith(design.id());
    assertThat(after.modifiedDate()).isEqualTo(tower.modifiedDate().plusSeconds(30));
  }

  @Test
  void patchSendsOnlyWhatIsSetAndNullClears() {
    Contact acme = client.contacts().create(ContactCreate.builder().name("Acme").email("a@acme.example")
        .website("acme.example").build());
    clock.advance(Duration.ofSeconds(5));

    Contact same = client.contacts().patch(acme.id(), ContactPatch.builder().name("Acme").build());
    Contact cleared = client.contacts().patch(acme.id(), ContactPatch.builder().email(null).build());

    assertThat(same.modifiedDate()).isEqualTo(acme.modifiedDate().plusSeconds(5));
    assertThat(cleared.email()).isNull();
    assertThat(cleared.website()).isEqualTo("acme.example");
  }

  @Test
  void personnelBelongToACompany() {
    fake.setReplicaLag(Duration.ZERO);
    Contact acme = acme();
    Contact person = client.contacts().create(ContactCreate.builder().name("Jo Bloggs")
        .contactType(ContactType.INDIVIDUAL).build());
    Personnel sam = client.personnel().create(PersonnelCreate.builder().parentContactId(acme.id())
        .firstName("Sam").lastName("Lee").title("Architect").email("sam@acme.example").build());

    assertThat(client.personnel().list(PersonnelQuery.builder().parentContactId(acme.id()).build()).items())
        .containsExactly(sam);
    assertThat(client.contacts().list(ContactQuery.builder().contactType(ContactType.INDIVIDUAL).build()).items())
        .containsExactly(person);
    assertField(() -> client.personnel().create(PersonnelCreate.builder().parentContactId(person.id())
        .firstName("Kim").build()), "parentContactId");
    assertThat(client.personnel().patch(sam.id(), PersonnelPatch.builder().title(null).build()).title()).isNull();
  }

  @Test
  void theContractsValidationsAnswer400NamingTheField() {
    Contact acme = acme();
    Staff gone = fake.webApp().addStaff("Gone", "Away", null, SecurityLevel.STANDARD);
    fake.webApp().editStaff(gone.id(), Map.of("isActive", false));
    long retired = fake.webApp().addStatus("Old", StatusType.ACTIVE, null).id();
    fake.webApp().retireStatus(retired);

    assertField(() -> client.contacts().create(ContactCreate.builder().name("Bad").abn("51 824 753 557").build()),
        "abn");
    assertField(() -> client.projects().create(ProjectCreate.builder().name("X").statusId(status("Active"))
        .primaryContactId(999_999).build()), "primaryContactId");
    assertField(() -> client.projects().create(ProjectCreate.builder().name("X").statusId(retired)
        .primaryContactId(acme.id()).build()), "statusId");
    assertField(() -> client.projects().create(ProjectCreate.builder().name("X").statusId(status("Active"))
        .primaryContactId(acme.id()).managerId(gone.id()).build()), "managerId");
    assertField(() -> client.projects().create(ProjectCreate.builder().name("X").statusId(status("Active"))
        .primaryContactId(acme.id()).managerId(999_999L).build()), "managerId");
    assertField(() -> client.projects().create(ProjectCreate.builder().name("X").statusId(999_999)
        .primaryContactId(acme.id()).build()), "statusId");
    assertField(() -> client.personnel().create(PersonnelCreate.builder().parentContactId(999_999)
        .firstName("Kim").build()), "parentContactId");
    assertField(() -> client.projects().create(ProjectCreate.builder().name("X".repeat(201))
        .statusId(status("Active")).primaryContactId(acme.id()).build()), "name");
    assertThat(fake.webApp().projects()).isEmpty();
  }

  @Test
  void faultsLookTheSameInProcessAndOverTheWire() {
    Contact acme = acme();
    fake.faults().on(SynergyOperation.CREATE_PROJECT).times(1).answer(Fault.ambiguousCreate());
    fake.faults().on(SynergyOperation.GET_PROJECT).onCall(2).answer(Fault.unavailable(Duration.ofSeconds(4)));
    fake.faults().on(SynergyOperation.LIST_CONTACTS).times(1).answer(Fault.malformedBody());
    fake.faults().on(SynergyOperation.PATCH_CONTACT).times(1).answer(Fault.rateLimited(Duration.ofSeconds(3)));
    fake.faults().on(SynergyOperation.GET_CONTACT).times(1).answer(Fault.serverError());
    fake.faults().on(SynergyOperation.LIST_STAFF).times(1).answer(Fault.timeout());

    assertThatThrownBy(() -> project("Ambiguous", acme.id())).isInstanceOfSatisfying(SynergyTransportException.class,
        e -> assertThat(e.mayHaveReachedServer()).as("the caller must reconcile").isTrue());
    Project made = fake.webApp().projects().get(0);
    assertThat(client.projects().get(made.id()).name()).isEqualTo("Ambiguous");
    assertThatThrownBy(() -> client.projects().get(made.id())).isInstanceOfSatisfying(
        SynergyServerException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThatThrownBy(() -> client.contacts().list(ContactQuery.builder().build()))
        .isInstanceOf(SynergyUnreadableResponseException.class);
    assertThatThrownBy(() -> client.contacts().patch(acme.id(), ContactPatch.builder().name("Renamed").build()))
        .isInstanceOfSatisfying(SynergyRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    assertThatThrownBy(() -> client.contacts().get(acme.id())).isInstanceOfSatisfying(SynergyServerException.class,
        e -> assertThat(e.status()).isEqualTo(500));
    assertThatThrownBy(() -> client.staff().list(StaffQuery.builder().build()))
        .isInstanceOfSatisfying(SynergyTransportException.class, e -> assertThat(e.mayHaveReachedServer()).isTrue());
    assertThat(fake.webApp().contact(acme.id()).name()).isEqualTo("Acme Pty Ltd");
    assertThat(fake.calls().count(SynergyOperation.GET_PROJECT)).isEqualTo(2);
    assertThat(fake.calls().total()).isEqualTo(8);
  }

  @Test
  void theDailyQuotaAnswers429UntilMidnightUtc() {
    SynergyFake standard = SynergyFake.builder(clock).dailyQuota(2).build();
    disconnect();
    client = connect(standard, clock);
    client.currentUser();
    client.currentUser();

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(SynergyRateLimitedException.class,
        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(23)));
    clock.setTo(Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(client.currentUser().staffId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(client.lastQuota()).hasValueSatisfying(q -> assertThat(q.remaining()).isEqualTo(1));
  }

  private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(SynergyValidationException.class,
        e -> assertThat(e.fieldErrors()).containsKey(field));
  }
}
