package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.Sort;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberStatus;
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
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TinyPlusFakeTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00.250Z"));
  private final TinyPlusFake tiny = TinyPlusFake.builder(clock).build();

  private Company company(String name) {
    return tiny.companies().create(CompanyCreate.builder().name(name).build());
  }

  private ProjectPhase phase(ProjectState state) {
    return tiny.webApp().phases().stream().filter(p -> p.state() == state).findFirst().orElseThrow();
  }

  @Test
  void createAssignsIdsAndStampsLocalTimeToTheSecond() {
    Company acme = company("Acme Pty Ltd");
    Company beta = company("Beta Pty Ltd");

    assertThat(beta.id()).isGreaterThan(acme.id());
    assertThat(acme.modifiedDate()).isEqualTo(Instant.parse("2026-11-28T01:00:00Z"));
    assertThat(acme.createdDate()).isEqualTo(acme.modifiedDate());
    assertThat(acme.recordStatus()).isEqualTo(RecordStatus.ACTIVE);
    assertThat(acme.recordUrl()).endsWith("/companies/" + acme.id());
    assertThat(tiny.webApp().company(acme.id())).isEqualTo(acme);
    assertThat(tiny.writes()).extracting(FakeWrite::source, FakeWrite::action, FakeWrite::resource)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FakeWrite.Source.API, FakeWrite.Action.CREATE, "companies"),
            org.assertj.core.groups.Tuple.tuple(FakeWrite.Source.API, FakeWrite.Action.CREATE, "companies"));
  }

  @Test
  void everyPatchBumpsModifiedDateEvenWithoutAChangeAndAbsentMembersStayWhileNullClears() {
    Company acme = tiny.companies().create(CompanyCreate.builder().name("Acme").email("a@acme.example")
        .website("acme.example").build());
    clock.advance(Duration.ofSeconds(5));

    Company same = tiny.companies().patch(acme.id(), CompanyPatch.builder().name("Acme").build());
    Company cleared = tiny.companies().patch(acme.id(), CompanyPatch.builder().email(null).build());

    assertThat(same.modifiedDate()).isEqualTo(acme.modifiedDate().plusSeconds(5));
    assertThat(cleared.email()).isNull();
    assertThat(cleared.website()).isEqualTo("acme.example");
  }

  @Test
  void modifiedAfterIsStrictAndComparedToTheSecondInLocalTime() {
    Company early = company("Early");
    clock.advance(Duration.ofMillis(600)); // 01:00:00.850, the same local second
    Company sameSecond = company("Same second");
    clock.advance(Duration.ofSeconds(1));
    Company later = company("Later");

    Page<Company> after = tiny.companies().list(CompanyQuery.builder()
        .modifiedAfter(Instant.parse("2026-11-28T01:00:00.900Z")).build());

    assertThat(after.records()).extracting(Company::id).containsExactly(later.id());
    assertThat(tiny.companies().list(CompanyQuery.builder().modifiedAt(early.modifiedDate()).build()).records())
        .extracting(Company::id).containsExactly(early.id(), sameSecond.id());
    assertThat(tiny.companies().list(CompanyQuery.builder().modifiedBefore(later.modifiedDate()).build()).total())
        .isEqualTo(2);
  }

  @Test
  void localTimeFiltersMissAWriteMadeInTheRepeatedHourWhenDaylightSavingEnds() {
    // Sydney: at 2027-04-04 03:00 AEDT clocks go back to 02:00 AEST
    ManualClock dstClock = ManualClock.at(Instant.parse("2027-04-03T15:30:00Z")); // 02:30 AEDT
    TinyPlusFake fake = TinyPlusFake.builder(dstClock).zone(ZoneId.of("Australia/Sydney")).build();
    Company first = fake.companies().create(CompanyCreate.builder().name("First").build());
    dstClock.advance(Duration.ofMinutes(40)); // 02:10 AEST, forty minutes later
    Company second = fake.companies().create(CompanyCreate.builder().name("Second").build());

    Page<Company> after = fake.companies().list(CompanyQuery.builder().modifiedAfter(first.modifiedDate()).build());

    assertThat(after.records()).as("02:10 is not after 02:30 in local time").isEmpty();
    assertThat(second.modifiedDate()).as("read back with the earlier offset").isBefore(first.modifiedDate());
  }

  @Test
  void softDeletesLeaveListsButStayReadableById() {
    Company acme = company("Acme");
    Company beta = company("Beta");

    Company deleted = tiny.companies().delete(acme.id());

    assertThat(deleted.recordStatus()).isEqualTo(RecordStatus.DELETED);
    assertThat(tiny.companies().list(CompanyQuery.builder().build()).records()).extracting(Company::id)
        .containsExactly(beta.id());
    assertThat(tiny.companies().list(CompanyQuery.builder().recordStatus(RecordStatus.DELETED).build()).records())
        .extracting(Company::id).containsExactly(acme.id());
    assertThat(tiny.companies().get(acme.id()).recordStatus()).isEqualTo(RecordStatus.DELETED);
    assertThatThrownBy(() -> tiny.companies().get(999_999)).isInstanceOf(TinyPlusNotFoundException.class);
  }

  @Test
  void offsetPagingRunsOverTheLiveSetSoAChangeBetweenPagesShiftsRecords() {
    List<Company> companies = List.of(company("A"), company("B"), company("C"), company("D"));
    CompanyQuery byModified = CompanyQuery.builder().sort(Sort.MODIFIED_DATE_ASC).limit(2).build();

    Page<Company> first = tiny.companies().list(byModified);
    clock.advance(Duration.ofSeconds(1));
    tiny.webApp().editCompany(companies.get(0).id(), CompanyPatch.builder().website("a.example").build());
    Page<Company> second = tiny.companies().list(byModified.withStart(2));

    assertThat(first.records()).extracting(Company::name).containsExactly("A", "B");
    assertThat(second.records()).extracting(Company::name).as("C shifted onto page one").containsExactly("D", "A");
    assertThat(second.total()).isEqualTo(4);
  }

  @Test
  void projectsCheckPhaseStateTypeCompanyAndTeamMember() {
    ProjectPhase design = phase(ProjectState.ACTIVE);
    tiny.webApp().addProjectType("Education");
    Company client = company("Client");

    Project ok = tiny.projects().create(ProjectCreate.builder().name("School").state(ProjectState.ACTIVE)
        .phase(design.id()).projectType("Education").clientCompany(client.id()).assignedUser(TinyPlusFake.ADMIN_ID)
        .value(new BigDecimal("1500.00")).build());

    assertThat(ok.phase()).isEqualTo(design.id());
    assertThat(ok.value()).isEqualByComparingTo("1500");
    assertThatThrownBy(() -> tiny.projects().patch(ok.id(), ProjectPatch.builder().state(ProjectState.LOST).build()))
        .isInstanceOfSatisfying(TinyPlusValidationException.class,
            e -> assertThat(e.fieldErrors()).containsKey("phase"));
    assertThatThrownBy(() -> tiny.projects().create(ProjectCreate.builder().name("X").projectType("education")
        .build())).isInstanceOfSatisfying(TinyPlusValidationException.class,
            e -> assertThat(e.fieldErrors()).containsKey("project_type"));
    assertThatThrownBy(() -> tiny.projects().create(ProjectCreate.builder().name("X").clientCompany(424242L)
        .build())).isInstanceOfSatisfying(TinyPlusValidationException.class,
            e -> assertThat(e.fieldErrors()).containsKey("client_company"));
    TeamMember gone = tiny.webApp().createGhostTeamMember(TeamMemberCreate.builder().name("Gone").build());
    tiny.webApp().setTeamMemberStatus(gone.id(), TeamMemberStatus.DEACTIVATED);
    assertThatThrownBy(() -> tiny.projects().create(ProjectCreate.builder().name("X").assignedUser(gone.id())
        .build())).isInstanceOfSatisfying(TinyPlusValidationException.class,
            e -> assertThat(e.fieldErrors()).containsKey("assigned_user"));
    assertThat(tiny.webApp().projects()).hasSize(1);
  }

  @Test
  void contactsNeedANameAndJoinIt() {
    Company acme = company("Acme");
    Contact jo = tiny.contacts().create(ContactCreate.builder().firstName(" Jo ").lastName("Bloggs")
        .primaryCompany(acme.id()).build());

    assertThat(jo.name()).isEqualTo("Jo Bloggs");
    assertThatThrownBy(() -> tiny.contacts().patch(jo.id(), ContactPatch.builder().firstName(null).lastName("")
        .build())).isInstanceOf(TinyPlusValidationException.class);
  }

  @Test
  void teamMembersAreGhostsByApiAndAnActiveMembersEmailIsFixed() {
    TeamMember ghost = tiny.teamMembers().createGhost(TeamMemberCreate.builder().name("Gus Ghost")
        .email("gus@example.com").build());
    TeamMember admin = tiny.me();

    assertThat(ghost.recordStatus()).isEqualTo(TeamMemberStatus.GHOST);
    assertThat(admin.accountAdmin()).isTrue();
    assertThat(tiny.teamMembers().patch(ghost.id(), TeamMemberPatch.builder().email("gus2@example.com").build())
        .email()).isEqualTo("gus2@example.com");
    assertThatThrownBy(() -> tiny.teamMembers().patch(admin.id(), TeamMemberPatch.builder().email("x@example.com")
        .build())).isInstanceOfSatisfying(TinyPlusValidationException.class,
            e -> assertThat(e.fieldErrors()).containsKey("email"));
    assertThat(tiny.teamMembers().patch(admin.id(), TeamMemberPatch.builder().email(admin.email()).build()).email())
        .isEqualTo(admin.email());
  }

  @Test
  void aDuplicateProjectTypeIs409CaseInsensitively() {
    tiny.projectTypes().create("Commercial");

    assertThatThrownBy(() -> tiny.projectTypes().create("COMMERCIAL"))
        .isInstanceOf(TinyPlusConflictException.class);
    assertThat(tiny.projectTypes().list(ListQuery.firstPage()).records()).hasSize(1);
  }

  @Test
  void faultsSurfaceAsTheClientsExceptions() {
    tiny.faults().on(TinyPlusOperation.CREATE_COMPANY).times(1).answer(Fault.ambiguousCreate());
    tiny.faults().on(TinyPlusOperation.LIST_COMPANIES).times(1).answer(Fault.malformedBody());
    tiny.faults().on(TinyPlusOperation.GET_COMPANY).times(1).answer(Fault.unavailable(Duration.ofSeconds(7)));
    tiny.faults().on(TinyPlusOperation.PATCH_COMPANY).times(1).answer(Fault.rateLimited(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> company("Ambiguous")).isInstanceOf(TinyPlusTransportException.class);
    assertThat(tiny.webApp().companies()).extracting(Company::name).containsExactly("Ambiguous");
    long id = tiny.webApp().companies().get(0).id();
    assertThatThrownBy(() -> tiny.companies().list(CompanyQuery.builder().build()))
        .isInstanceOf(TinyPlusUnreadableResponseException.class);
    assertThatThrownBy(() -> tiny.companies().get(id)).isInstanceOfSatisfying(TinyPlusServerException.class,
        e -> assertThat(e.status()).isEqualTo(503));
    assertThatThrownBy(() -> tiny.companies().patch(id, CompanyPatch.builder().name("Renamed").build()))
        .isInstanceOfSatisfying(TinyPlusRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    assertThat(tiny.webApp().company(id).name()).as("a 429 changes nothing").isEqualTo("Ambiguous");
    assertThat(tiny.calls().total()).isEqualTo(4);
  }

  @Test
  void thePerMinuteLimitAnswers429UntilTheNextMinute() {
    TinyPlusFake limited = TinyPlusFake.builder(clock).perMinuteLimit(2).build();
    limited.companies().list(CompanyQuery.builder().build());
    limited.companies().list(CompanyQuery.builder().build());

    assertThatThrownBy(() -> limited.companies().list(CompanyQuery.builder().build()))
        .isInstanceOfSatisfying(TinyPlusRateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
    clock.advance(Duration.ofSeconds(60));
    assertThat(limited.companies().list(CompanyQuery.builder().build()).total()).isZero();
    assertThat(limited.calls().count(TinyPlusOperation.LIST_COMPANIES)).isEqualTo(4);
  }

  @Test
  void listAllWalksEveryPage() {
    for (int i = 0; i < 7; i++) {
      company("C" + i);
    }
    tiny.calls().reset();

    List<String> names = java.util.stream.StreamSupport.stream(
        tiny.companies().listAll(CompanyQuery.builder().limit(3).build()).spliterator(), false)
        .map(Company::name).collect(Collectors.toList());

    assertThat(names).containsExactly("C0", "C1", "C2", "C3", "C4", "C5", "C6");
    assertThat(tiny.calls().count(TinyPlusOperation.LIST_COMPANIES)).isEqualTo(3);
  }
}
