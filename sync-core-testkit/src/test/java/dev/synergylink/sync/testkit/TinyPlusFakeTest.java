package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberStatus;
import dev.synergylink.tinyplus.TinyPlusAuthenticationException;
import dev.synergylink.tinyplus.TinyPlusValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** What the tiny+ fake offers beyond the contract: the web app, the write log, call counts. */
class TinyPlusFakeTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00.250Z"));
  private final TinyPlusFake tiny = TinyPlusFake.builder(clock).build();

  @Test
  void faultsByProbabilityReplayFromTheFakesSeed() {
    long seed = Long.getLong("testkit.seed", System.nanoTime());
    System.out.println("TinyPlusFakeTest seed " + seed + " (replay with -Dtestkit.seed=" + seed + ")");

    List<Boolean> first = failuresOf(seed);
    List<Boolean> again = failuresOf(seed);

    assertThat(again).as("seed %d", seed).isEqualTo(first);
    assertThat(first).as("seed %d", seed).contains(true, false);
  }

  /** Which of 200 list calls failed on a fake with a 50 % fault rule. */
  private List<Boolean> failuresOf(long seed) {
    TinyPlusFake fake = TinyPlusFake.builder(clock).seed(seed).build();
    fake.faults().on(TinyPlusOperation.LIST_COMPANIES).withProbability(0.5).answer(Fault.unavailable());
    List<Boolean> failed = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      try {
        fake.companies().list(CompanyQuery.builder().build());
        failed.add(false);
      } catch (dev.synergylink.tinyplus.TinyPlusServerException e) {
        assertThat(e.status()).isEqualTo(503);
        failed.add(true);
      }
    }
    assertThat(fake.calls().count(TinyPlusOperation.LIST_COMPANIES)).isEqualTo(200);
    return failed;
  }

  @Test
  void theWriteLogNamesWhoWroteWhatAndWebAppWritesAreNotCalls() {
    Company acme = tiny.webApp().createCompany(CompanyCreate.builder().name("Acme").build());
    clock.advance(Duration.ofSeconds(2));
    tiny.companies().patch(acme.id(), CompanyPatch.builder().email("hi@acme.example").build());
    tiny.webApp().deleteCompany(acme.id());

    assertThat(tiny.writes()).extracting(FakeWrite::source, FakeWrite::action, FakeWrite::resource, FakeWrite::id)
        .containsExactly(
            tuple(FakeWrite.Source.WEB_APP, FakeWrite.Action.CREATE, "companies", acme.id()),
            tuple(FakeWrite.Source.API, FakeWrite.Action.UPDATE, "companies", acme.id()),
            tuple(FakeWrite.Source.WEB_APP, FakeWrite.Action.DELETE, "companies", acme.id()));
    assertThat(tiny.writes().get(1).members()).containsExactly(Map.entry("email", "hi@acme.example"));
    assertThat(tiny.writes().get(1).at()).isEqualTo(clock.instant());
    assertThat(tiny.calls().asMap()).containsExactly(Map.entry(TinyPlusOperation.PATCH_COMPANY, 1L));
    assertThat(tiny.calls().writes()).isEqualTo(1);
    tiny.clearWrites();
    assertThat(tiny.writes()).isEmpty();
  }

  @Test
  void theWebAppDoesWhatTheApiCannot() {
    TeamMember jo = tiny.webApp().inviteTeamMember("Jo Bloggs", "jo@example.com");
    TeamMember moved = tiny.webApp().editTeamMember(jo.id(), TeamMemberPatch.builder().email("jo@new.example")
        .build());
    TeamMember ghost = tiny.teamMembers().createGhost(TeamMemberCreate.builder().name("Gus").build());

    assertThat(jo.recordStatus()).isEqualTo(TeamMemberStatus.ACTIVE);
    assertThat(moved.email()).isEqualTo("jo@new.example");
    assertThat(tiny.webApp().setTeamMemberStatus(ghost.id(), TeamMemberStatus.ACTIVE).recordStatus())
        .isEqualTo(TeamMemberStatus.ACTIVE);
    assertThat(tiny.webApp().setAccountAdmin(jo.id(), true).accountAdmin()).isTrue();
    tiny.webApp().actAs(jo.id());
    assertThat(tiny.me().id()).isEqualTo(jo.id());
    assertThatThrownBy(() -> tiny.teamMembers().patch(jo.id(), TeamMemberPatch.builder().email("x@example.com")
        .build())).isInstanceOf(TinyPlusValidationException.class);
  }

  @Test
  void theWebAppRefusesWhatTheAppWouldWithTheReason() {
    assertThatThrownBy(() -> tiny.webApp().createProject(ProjectCreate.builder().name("X").projectType("Nope")
        .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("project_type");
    assertThatThrownBy(() -> tiny.webApp().company(12345)).isInstanceOf(IllegalArgumentException.class);
    tiny.webApp().addProjectType("Education");
    assertThatThrownBy(() -> tiny.webApp().addProjectType("education"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> tiny.webApp().edit("widgets", 1, Map.of())).hasMessageContaining("team_members");
  }

  @Test
  void aProjectNeedsAnAssignableTeamMember() {
    TeamMember gone = tiny.webApp().createGhostTeamMember(TeamMemberCreate.builder().name("Gone").build());
    tiny.webApp().setTeamMemberStatus(gone.id(), TeamMemberStatus.DEACTIVATED);

    assertThatThrownBy(() -> tiny.projects().create(ProjectCreate.builder().name("X").assignedUser(gone.id())
        .build())).isInstanceOfSatisfying(TinyPlusValidationException.class,
            e -> assertThat(e.fieldErrors()).containsKey("assigned_user"));
    assertThat(tiny.projects().create(ProjectCreate.builder().name("X").state(ProjectState.WON)
        .assignedUser(TinyPlusFake.ADMIN_ID).build()).assignedUser()).isEqualTo(TinyPlusFake.ADMIN_ID);
  }

  @Test
  void anEmptyAccountHasNoUserUntilOneIsChosen() {
    TinyPlusFake empty = TinyPlusFake.builder(clock).empty().build();

    assertThatThrownBy(empty::me).isInstanceOf(TinyPlusAuthenticationException.class);
    assertThat(empty.webApp().phases()).isEmpty();
    TeamMember owner = empty.webApp().inviteTeamMember("Owner", null);
    empty.webApp().actAs(owner.id());
    assertThat(empty.me()).isEqualTo(owner);
  }

  @Test
  void listAllCostsOneCallPerPage() {
    for (int i = 0; i < 7; i++) {
      tiny.webApp().createCompany(CompanyCreate.builder().name("C" + i).build());
    }

    List<String> names = StreamSupport.stream(tiny.companies().listAll(CompanyQuery.builder().limit(3).build())
        .spliterator(), false).map(Company::name).collect(Collectors.toList());

    assertThat(names).containsExactly("C0", "C1", "C2", "C3", "C4", "C5", "C6");
    assertThat(tiny.calls().count(TinyPlusOperation.LIST_COMPANIES)).isEqualTo(3);
  }
}
