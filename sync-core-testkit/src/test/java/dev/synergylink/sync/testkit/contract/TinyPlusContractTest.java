package dev.synergylink.sync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.tinyplus.Address;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import dev.synergylink.tinyplus.ContactQuery;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectQuery;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.Sort;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberQuery;
import dev.synergylink.tinyplus.TeamMemberStatus;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusConflictException;
import dev.synergylink.tinyplus.TinyPlusNotFoundException;
import dev.synergylink.tinyplus.TinyPlusRateLimitedException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import dev.synergylink.tinyplus.TinyPlusTransportException;
import dev.synergylink.tinyplus.TinyPlusUnreadableResponseException;
import dev.synergylink.tinyplus.TinyPlusValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tiny+ contract, asserted through {@link TinyPlusClient}. It runs twice: against the in-memory fake directly,
 * and through the real HTTP client against the HTTP fake server over the same kind of fake. Both runs must pass the
 * same assertions: that is what shows that the client, the fake and the contract agree.
 */
abstract class TinyPlusContractTest {
  /** Sydney, where daylight saving ends at 2027-04-04 03:00 AEDT. */
  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

  protected final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00.250Z"));
  protected TinyPlusFake fake;
  protected TinyPlusClient client;

  /** The client under test, over {@code fake}, on {@code clock}, without client-side retries. */
  protected abstract TinyPlusClient connect(TinyPlusFake fake, ManualClock clock);

  /** Frees what {@link #connect} opened. */
  protected void disconnect() {}

  @BeforeEach
  void setUp() {
    fake = TinyPlusFake.builder(clock).zone(SYDNEY).build();
    client = connect(fake, clock);
    assertThat(client.zone()).isEqualTo(SYDNEY);
    fake.calls().reset();
  }

  @AfterEach
  void tearDown() {
    disconnect();
  }

  private Company company(String name) {
    return client.companies().create(CompanyCreate.builder().name(name).build());
  }

  private ProjectPhase phase(ProjectState state) {
    return fake.webApp().phases().stream().filter(p -> p.state() == state).findFirst().orElseThrow();
  }

  private static <T> List<T> all(Iterable<T> items) {
    List<T> list = new ArrayList<>();
    items.forEach(list::add);
    return list;
  }

  @Test
  void accountAndMe() {
    assertThat(client.account().timezone()).isEqualTo(SYDNEY);
    TeamMember me = client.me();
    assertThat(me.id()).isEqualTo(TinyPlusFake.ADMIN_ID);
    assertThat(me.accountAdmin()).isTrue();
    assertThat(me.recordStatus()).isEqualTo(TeamMemberStatus.ACTIVE);
  }

  @Test
  void aCreatedRecordReadsBackTheSameEverywhere() {
    Company acme = client.companies().create(CompanyCreate.builder().name("Acme Pty Ltd").email("hi@acme.example")
        .abn("51 824 753 556").physicalAddress(Address.builder().street("1 George St").suburb("Sydney").build())
        .remoteId("syn-1001").syncOrigin("synergy:test-org").isSynced(true).lockedFields(List.of("name"))
        .externalUrl("https://app.totalsynergy.com/Organisation/test-org/Contacts/1001").build());

    assertThat(acme.modifiedDate()).isEqualTo(Instant.parse("2026-11-28T01:00:00Z"));
    assertThat(acme.createdDate()).isEqualTo(acme.modifiedDate());
    assertThat(acme.lockedFields()).containsExactly("name");
    assertThat(acme.physicalAddress().suburb()).isEqualTo("Sydney");
    assertThat(acme.physicalAddress().postcode()).isNull();
    assertThat(client.companies().get(acme.id())).isEqualTo(acme);
    assertThat(fake.webApp().company(acme.id())).isEqualTo(acme);
    assertThat(client.companies().list(CompanyQuery.builder().remoteId("syn-1001").build()).records())
        .containsExactly(acme);
  }

  @Test
  void nonAsciiTextRoundTripsThroughWritesReadsAndFilters() {
    String first = "Zo\u00eb \u00d1\u00fa\u00f1ez";
    String last = "\u6771\u4eac \ud83c\udfd7";
    String remoteId = "syn-\u00fc-\u6771";
    Contact created = client.contacts().create(ContactCreate.builder().firstName(first).lastName(last)
        .remoteId(remoteId).build());

    assertThat(created.firstName()).isEqualTo(first);
    assertThat(created.name()).isEqualTo(first + " " + last);
    assertThat(client.contacts().get(created.id())).isEqualTo(created);
    assertThat(fake.webApp().contact(created.id()).lastName()).isEqualTo(last);
    assertThat(client.contacts().list(ContactQuery.builder().remoteId(remoteId).build()).records())
        .containsExactly(created);
    assertThat(client.contacts().patch(created.id(), ContactPatch.builder().role("Direktor\u00edn").build()).role())
        .isEqualTo("Direktor\u00edn");
  }

  @Test
  void patchSendsOnlyWhatIsSetAndNullClears() {
    Company acme = client.companies().create(CompanyCreate.builder().name("Acme").email("a@acme.example")
        .website("acme.example").build());
    clock.advance(Duration.ofSeconds(5));

    Company same = client.companies().patch(acme.id(), CompanyPatch.builder().name("Acme").build());
    Company cleared = client.companies().patch(acme.id(), CompanyPatch.builder().email(null).build());

    assertThat(same.modifiedDate()).isEqualTo(acme.modifiedDate().plusSeconds(5));
    assertThat(cleared.email()).isNull();
    assertThat(cleared.website()).isEqualTo("acme.example");
    assertThat(fake.calls().count(TinyPlusOperation.PATCH_COMPANY)).isEqualTo(2);
  }

  @Test
  void dateFiltersAreStrictToTheSecondInLocalTime() {
    Company early = company("Early");
    clock.advance(Duration.ofMillis(600));
    Company sameSecond = company("Same second");
    clock.advance(Duration.ofSeconds(1));
    Company later = company("Later");

    assertThat(client.companies().list(CompanyQuery.builder()
        .modifiedAfter(Instant.parse("2026-11-28T01:00:00.900Z")).build()).records())
        .extracting(Company::id).containsExactly(later.id());
    assertThat(client.companies().list(CompanyQuery.builder().modifiedAt(early.modifiedDate()).build()).records())
        .extracting(Company::id).containsExactly(early.id(), sameSecond.id());
    assertThat(client.companies().list(CompanyQuery.builder().modifiedBefore(later.modifiedDate()).build()).total())
        .isEqualTo(2);
  }

  @Test
  void aWriteInTheRepeatedHourAtTheEndOfDaylightSavingSortsBeforeAnEarlierOne() {
    clock.setTo(Instant.parse("2027-04-03T15:30:00Z")); // 02:30 AEDT
    Company first = company("First");
    clock.advance(Duration.ofMinutes(40)); // 02:10 AEST
    Company second = company("Second");

    assertThat(client.companies().list(CompanyQuery.builder().modifiedAfter(first.modifiedDate()).build())
        .records()).isEmpty();
    assertThat(second.modifiedDate()).isBefore(first.modifiedDate());
    assertThat(client.companies().list(CompanyQuery.builder().sort(Sort.MODIFIED_DATE_ASC).build()).records())
        .extracting(Company::name).containsExactly("Second", "First");
  }

  @Test
  void softDeletesLeaveListsButStayReadable() {
    Company acme = company("Acme");
    Company beta = company("Beta");

    Company deleted = client.companies().delete(acme.id());

    assertThat(deleted.recordStatus()).isEqualTo(RecordStatus.DELETED);
    assertThat(client.companies().list(CompanyQuery.builder().build()).records()).extracting(Company::id)
        .containsExactly(beta.id());
    assertThat(client.companies().list(CompanyQuery.builder().recordStatus(RecordStatus.DELETED).build())
        .records()).extracting(Company::id).containsExactly(acme.id());
    assertThat(client.companies().get(acme.id()).recordStatus()).isEqualTo(RecordStatus.DELETED);
    assertThatThrownBy(() -> client.companies().get(999_999)).isInstanceOf(TinyPlusNotFoundException.class);
  }

  @Test
  void offsetPagingRunsOverTheLiveSet() {
    List<Company> companies = List.of(company("A"), company("B"), company("C"), company("D"));
    CompanyQuery byModified = CompanyQuery.builder().sort(Sort.MODIFIED_DATE_ASC).limit(2).build();

    Page<Company> first = client.companies().list(byModified);
    clock.advance(Duration.ofSeconds(1));
    fake.webApp().editCompany(companies.get(0).id(), CompanyPatch.builder().website("a.example").build());
    Page<Company> second = client.companies().list(byModified.withStart(2));

    assertThat(first.records()).extracting(Company::name).containsExactly("A", "B");
    assertThat(first.total()).isEqualTo(4);
    assertThat(second.records()).extracting(Company::name).containsExactly("D", "A");
    assertThat(all(client.companies().listAll(CompanyQuery.builder().limit(3).build()))).hasSize(4);
  }

  @Test
  void projectsKeepTheirRulesAndValues() {
    ProjectPhase design = phase(ProjectState.ACTIVE);
    fake.webApp().addProjectType("Education");
    Company school = company("School Board");

    Project p = client.projects().create(ProjectCreate.builder().name("School").state(ProjectState.ACTIVE)
        .phase(design.id()).projectType("Education").clientCompany(school.id())
        .assignedUser(TinyPlusFake.ADMIN_ID).value(new BigDecimal("1500.50")).description("Two storeys")
        .address(Address.builder().street("2 Main Rd").build()).build());

    assertThat(p.value()).isEqualByComparingTo("1500.50");
    assertThat(client.projects().get(p.id())).isEqualTo(p);
    assertThat(client.projects().list(ProjectQuery.builder().build()).records()).containsExactly(p);
    assertValidation(() -> client.projects().patch(p.id(), ProjectPatch.builder().state(ProjectState.LOST)
        .build()), "phase");
    assertValidation(() -> client.projects().create(ProjectCreate.builder().name("X").projectType("education")
        .build()), "project_type");
    assertValidation(() -> client.projects().create(ProjectCreate.builder().name("X").clientCompany(424_242L)
        .build()), "client_company");
    assertValidation(() -> client.projects().create(ProjectCreate.builder().name("X").assignedUser(424_242L)
        .build()), "assigned_user");
    assertValidation(() -> client.projects().create(ProjectCreate.builder().name("X").phase(424_242L)
        .build()), "phase");
    assertValidation(() -> client.contacts().create(ContactCreate.builder().firstName("Kim").primaryCompany(424_242L)
        .build()), "primary_company");
    Project moved = client.projects().patch(p.id(), ProjectPatch.builder().state(ProjectState.LOST)
        .phase(phase(ProjectState.LOST).id()).value(null).build());
    assertThat(moved.state()).isEqualTo(ProjectState.LOST);
    assertThat(moved.value()).isNull();
    Project whole = client.projects().patch(p.id(), ProjectPatch.builder().value(new BigDecimal("2000")).build());
    assertThat(whole.value()).isEqualByComparingTo("2000");
    assertThat(fake.webApp().project(p.id())).isEqualTo(whole);
  }

  @Test
  void contactsJoinTheirNameAndFilterByCompany() {
    Company acme = company("Acme");
    Contact jo = client.contacts().create(ContactCreate.builder().firstName("Jo").lastName("Bloggs")
        .primaryCompany(acme.id()).emailAddress("jo@acme.example").build());
    client.contacts().create(ContactCreate.builder().firstName("Solo").build());

    assertThat(jo.name()).isEqualTo("Jo Bloggs");
    assertThat(client.contacts().list(ContactQuery.builder().primaryCompany(acme.id()).build()).records())
        .containsExactly(jo);
    assertValidation(() -> client.contacts().patch(jo.id(), ContactPatch.builder().firstName(null).lastName(null)
        .build()), "first_name");
  }

  @Test
  void teamMembersAreGhostsByApiAndAnActiveEmailIsFixed() {
    TeamMember ghost = client.teamMembers().createGhost(TeamMemberCreate.builder().name("Gus Ghost")
        .email("gus@example.com").build());

    assertThat(ghost.recordStatus()).isEqualTo(TeamMemberStatus.GHOST);
    assertThat(client.teamMembers().list(TeamMemberQuery.builder().email("gus@example.com").build()).records())
        .containsExactly(ghost);
    assertThat(client.teamMembers().patch(ghost.id(), TeamMemberPatch.builder()
        .recordStatus(TeamMemberStatus.DEACTIVATED).build()).recordStatus()).isEqualTo(TeamMemberStatus.DEACTIVATED);
    assertValidation(() -> client.teamMembers().patch(TinyPlusFake.ADMIN_ID, TeamMemberPatch.builder()
        .email("new@example.com").build()), "email");
  }

  @Test
  void projectTypesRefuseDuplicatesCaseInsensitively() {
    client.projectTypes().create("Commercial");

    assertThatThrownBy(() -> client.projectTypes().create("COMMERCIAL"))
        .isInstanceOf(TinyPlusConflictException.class);
    assertThat(client.projectTypes().list(ListQuery.firstPage()).records()).extracting(t -> t.name())
        .containsExactly("Commercial");
    assertThat(client.projectPhases().list(ListQuery.firstPage()).total()).isEqualTo(fake.webApp().phases().size());
  }

  @Test
  void faultsLookTheSameInProcessAndOverTheWire() {
    fake.faults().on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.ambiguousCreate());
    fake.faults().on(TinyPlusOperation.LIST_COMPANIES).times(1).answer(Fault.malformedBody());
    fake.faults().on(TinyPlusOperation.GET_COMPANY).times(1).answer(Fault.unavailable(Duration.ofSeconds(7)));
    fake.faults().on(TinyPlusOperation.PATCH_COMPANY).times(1).answer(Fault.rateLimited(Duration.ofSeconds(3)));
    fake.faults().on(TinyPlusOperation.DELETE_COMPANY).times(1).answer(Fault.timeout());

    assertThatThrownBy(() -> company("Ambiguous")).isInstanceOfSatisfying(TinyPlusTransportException.class,
        e -> assertThat(e.mayHaveReachedServer()).as("the caller must reconcile").isTrue());
    long id = fake.webApp().companies().get(0).id();
    assertThatThrownBy(() -> client.companies().list(CompanyQuery.builder().build()))
        .isInstanceOf(TinyPlusUnreadableResponseException.class);
    assertThatThrownBy(() -> client.companies().get(id)).isInstanceOfSatisfying(TinyPlusServerException.class,
        e -> assertThat(e.status()).isEqualTo(503));
    assertThatThrownBy(() -> client.companies().patch(id, CompanyPatch.builder().name("Renamed").build()))
        .isInstanceOfSatisfying(TinyPlusRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    assertThatThrownBy(() -> client.companies().delete(id)).isInstanceOfSatisfying(TinyPlusTransportException.class,
        e -> assertThat(e.mayHaveReachedServer()).isTrue());

    assertThat(fake.webApp().companies()).extracting(Company::name, Company::recordStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Ambiguous", RecordStatus.ACTIVE));
    assertThat(fake.calls().total()).isEqualTo(5);
  }

  @Test
  void theRateLimitAnswers429WithRetryAfter() {
    TinyPlusFake limited = TinyPlusFake.builder(clock).zone(SYDNEY).perMinuteLimit(2).build();
    disconnect();
    client = connect(limited, clock);
    // the HTTP client reads the zone from /account once; let that call fall in an earlier minute
    assertThat(client.zone()).isEqualTo(SYDNEY);
    clock.setTo(Instant.parse("2026-11-28T01:01:00.250Z"));
    client.companies().list(CompanyQuery.builder().build());
    client.companies().list(CompanyQuery.builder().build());

    assertThatThrownBy(() -> client.companies().list(CompanyQuery.builder().build()))
        .isInstanceOfSatisfying(TinyPlusRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
    clock.advance(Duration.ofSeconds(60));
    assertThat(client.companies().list(CompanyQuery.builder().build()).total()).isZero();
  }

  private static void assertValidation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(TinyPlusValidationException.class,
        e -> assertThat(e.fieldErrors()).containsKey(field));
  }
}
