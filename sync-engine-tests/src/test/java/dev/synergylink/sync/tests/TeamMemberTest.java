package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.FieldMappings;
import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.TeamMemberLinkException;
import dev.synergylink.sync.TeamMemberSuggestion;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Synergy staff > tiny+ team members: ghosts, put-back of Synergy-owned fields, linking with the switch off. */
class TeamMemberTest {
  private final Fixture f = new Fixture(RecordType.TEAM_MEMBER).started();

  private TeamMember partnerOf(Staff staff) {
    return f.tinyPlus.webApp().teamMembers().stream()
        .filter(m -> Long.toString(staff.id()).equals(m.remoteId())).findFirst().orElseThrow();
  }

  private Staff newStaff() {
    Staff staff = f.synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    return f.synergy.webApp().editStaff(staff.id(), Map.of("workPhone", "02 9000 0001", "mobile", "0400 000 001",
        "jobTitle", "Engineer"));
  }

  @Test
  void newStaffBecomeGhostTeamMembersWithEveryRowOfTheTable() {
    Staff staff = newStaff();

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.TEAM_MEMBER, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(1);
    TeamMember member = partnerOf(staff);
    assertThat(member.recordStatus()).isEqualTo(TeamMemberStatus.GHOST);
    assertThat(member.name()).isEqualTo("Ada Lovelace");
    assertThat(member.email()).isEqualTo("ada@firm.example");
    assertThat(member.direct()).isEqualTo("02 9000 0001");
    assertThat(member.mobile()).isEqualTo("0400 000 001");
    assertThat(member.title()).isEqualTo("Engineer");
    assertThat(member.externalUrl()).endsWith("/Staff/" + staff.id());
    assertThat(member.lockedFields())
        .containsExactly("name", "email", "direct", "mobile", "title", "external_url")
        .isEqualTo(f.engine.lockedFields(RecordType.TEAM_MEMBER));
  }

  @Test
  void newStaffWhoAreAlreadyTinyPlusUsersAreLinkedByEmailNotDuplicated() {
    TeamMember user = f.tinyPlus.webApp().inviteTeamMember("Ada L", "Ada@Firm.example");
    int before = f.tinyPlus.webApp().teamMembers().size();
    Staff staff = newStaff();

    SyncReport report = f.cycle();

    assertThat(report.counts(RecordType.TEAM_MEMBER, Flow.SYNERGY_TO_TINYPLUS).linked()).isEqualTo(1);
    assertThat(f.tinyPlus.webApp().teamMembers()).hasSize(before);
    assertThat(partnerOf(staff).id()).isEqualTo(user.id());
    assertThat(partnerOf(staff).recordStatus()).isEqualTo(TeamMemberStatus.ACTIVE);
    assertThat(partnerOf(staff).name()).isEqualTo("Ada Lovelace");
  }

  @Test
  void anActiveMembersEmailIsLeftAloneWhileTheOtherFieldsFollowTheStaffMember() {
    TeamMember user = f.tinyPlus.webApp().inviteTeamMember("Ada L", "ada@home.example");
    Staff staff = newStaff();
    f.clock.advance(java.time.Duration.ofSeconds(10));

    f.engine.teamMembers().link(staff.id(), user.id());

    TeamMember after = f.tinyPlus.webApp().teamMember(user.id());
    assertThat(after.email()).as("tiny+ keeps an active member's sign-in email").isEqualTo("ada@home.example");
    assertThat(after.name()).isEqualTo("Ada Lovelace");
    assertThat(after.title()).isEqualTo("Engineer");
    f.synergy.webApp().editStaff(staff.id(), Map.of("jobTitle", "Countess"));
    f.cycle();
    assertThat(f.tinyPlus.webApp().teamMember(user.id()).title()).isEqualTo("Countess");
    assertThat(f.engine.health().failures()).isEmpty();
    assertThat(f.engine.health().counts(RecordType.TEAM_MEMBER).fieldsNotSynced())
        .as("health counts the email each side keeps").isEqualTo(1);
    f.resetCounts();
    f.cycle();
    assertThat(f.tinyPlus.writes()).isEmpty();
  }

  @Test
  void staffEditsReachTheTeamMember() {
    Staff staff = newStaff();
    f.cycle();
    f.synergy.webApp().editStaff(staff.id(), Map.of("firstName", "Augusta", "lastName", "King",
        "email", "augusta@firm.example", "workPhone", "02 9000 0002", "jobTitle", "Countess", "mobile", "0400 1"));

    f.cycle();

    TeamMember member = partnerOf(staff);
    assertThat(member.name()).isEqualTo("Augusta King");
    assertThat(member.email()).isEqualTo("augusta@firm.example");
    assertThat(member.direct()).isEqualTo("02 9000 0002");
    assertThat(member.title()).isEqualTo("Countess");
    assertThat(member.mobile()).isEqualTo("0400 1");
  }

  @Test
  void tinyPlusEditsToSynergyOwnedFieldsArePutBackAndNothingIsWrittenToStaff() {
    Staff staff = newStaff();
    f.cycle();
    TeamMember member = partnerOf(staff);
    f.tinyPlus.webApp().editTeamMember(member.id(), TeamMemberPatch.builder().name("Someone Else")
        .email("else@firm.example").direct("02 1111 1111").title("Boss").mobile("0499").build());

    f.cycle();

    TeamMember after = f.tinyPlus.webApp().teamMember(member.id());
    assertThat(after.name()).isEqualTo("Ada Lovelace");
    assertThat(after.email()).isEqualTo("ada@firm.example");
    assertThat(after.direct()).isEqualTo("02 9000 0001");
    assertThat(after.title()).isEqualTo("Engineer");
    assertThat(after.mobile()).isEqualTo("0400 000 001");
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
  }

  @Test
  void aTeamMemberMappingCannotBeTurnedToWriteToSynergy() {
    assertThatThrownBy(() -> FieldMappings.teamMembers().withDirection("email", Direction.BOTH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot write to Synergy");
  }

  @Test
  void suggestionsAndGhostsReachStaffMembersPastTheFirstPage() {
    // Given 150 staff members, one more page than a list call holds, and a team member for the last one
    Staff last = null;
    for (int i = 1; i <= 150; i++) {
      last = f.synergy.webApp().addStaff("Staff", "Member " + i, "staff" + i + "@firm.example", SecurityLevel.STANDARD);
    }
    TeamMember lastUser = f.tinyPlus.webApp().inviteTeamMember("Staff Member 150", "staff150@firm.example");
    f.clock.advance(java.time.Duration.ofSeconds(10)); // Synergy's lists show new staff after their lag
    f.resetCounts();

    // When the suggestions are read and ghosts are made for the others
    List<TeamMemberSuggestion> suggestions = f.engine.teamMembers().suggestions();
    long staffListings = f.synergy.calls().count(SynergyOperation.LIST_STAFF);
    SyncReport ghosts = f.engine.teamMembers().createGhosts();

    // Then both read every page (two list calls each) and reach the staff member on the second page
    long staffId = last.id();
    assertThat(suggestions).filteredOn(s -> s.staffId() == staffId).singleElement()
        .satisfies(s -> assertThat(s.teamMemberId()).isEqualTo(lastUser.id()));
    assertThat(staffListings).isEqualTo(2);
    assertThat(f.synergy.calls().count(SynergyOperation.LIST_STAFF)).isEqualTo(4);
    assertThat(ghosts.aborted()).isFalse();
    assertThat(f.store.linksBySynergyId(Fixture.CONNECTION, RecordType.TEAM_MEMBER, List.of(staffId)))
        .containsKey(staffId);
  }

  @Test
  void linkingWorksWithTheMasterSwitchOff() {
    f.settings = SyncSettings.builder().from(f.settings).masterSwitch(false).build();
    f.rebuild(b -> b);
    Staff ada = f.synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    Staff grace = f.synergy.webApp().addStaff("Grace", "Hopper", "grace@navy.example", SecurityLevel.STANDARD);
    Staff alan = f.synergy.webApp().addStaff("Alan", "Turing", null, SecurityLevel.STANDARD);
    TeamMember adaUser = f.tinyPlus.webApp().inviteTeamMember("Ada L", "ADA@firm.example");
    TeamMember graceUser = f.tinyPlus.webApp().createGhostTeamMember(TeamMemberCreate.builder().name("grace hopper")
        .build());
    f.clock.advance(java.time.Duration.ofSeconds(10)); // Synergy's lists show new staff after their lag

    List<TeamMemberSuggestion> suggestions = f.engine.teamMembers().suggestions();

    assertThat(suggestions).filteredOn(s -> s.staffId() == ada.id()).singleElement().satisfies(s -> {
      assertThat(s.teamMemberId()).isEqualTo(adaUser.id());
      assertThat(s.match()).isEqualTo(TeamMemberSuggestion.Match.EMAIL);
    });
    assertThat(suggestions).filteredOn(s -> s.staffId() == grace.id()).singleElement().satisfies(s -> {
      assertThat(s.teamMemberId()).isEqualTo(graceUser.id());
      assertThat(s.match()).isEqualTo(TeamMemberSuggestion.Match.NAME);
    });
    assertThat(suggestions).filteredOn(s -> s.staffId() == alan.id()).singleElement()
        .satisfies(s -> assertThat(s.match()).isEqualTo(TeamMemberSuggestion.Match.NONE));

    f.engine.teamMembers().link(ada.id(), adaUser.id());
    TeamMember linked = f.tinyPlus.webApp().teamMember(adaUser.id());
    assertThat(linked.name()).isEqualTo("Ada Lovelace");
    assertThat(linked.remoteId()).isEqualTo(Long.toString(ada.id()));
    assertThat(linked.lockedFields()).contains("name");
    assertThat(f.engine.teamMembers().suggestions()).extracting(TeamMemberSuggestion::staffId)
        .doesNotContain(ada.id());
    assertThatThrownBy(() -> f.engine.teamMembers().link(grace.id(), adaUser.id()))
        .isInstanceOf(TeamMemberLinkException.class).hasMessageContaining("already linked");

    SyncReport ghosts = f.engine.teamMembers().createGhosts();
    assertThat(ghosts.counts(RecordType.TEAM_MEMBER, Flow.SYNERGY_TO_TINYPLUS).created()).isEqualTo(3);
    assertThat(f.tinyPlus.webApp().teamMembers()).filteredOn(m -> m.recordStatus() == TeamMemberStatus.GHOST)
        .extracting(TeamMember::name).contains("Grace Hopper", "Alan Turing");
    SyncReport again = f.engine.teamMembers().createGhosts();
    assertThat(again.counts(RecordType.TEAM_MEMBER, Flow.SYNERGY_TO_TINYPLUS).created())
        .as("a second run creates nothing").isZero();

    f.engine.teamMembers().unlink(ada.id());
    TeamMember unlinked = f.tinyPlus.webApp().teamMember(adaUser.id());
    assertThat(unlinked.remoteId()).isNull();
    assertThat(unlinked.lockedFields()).isEmpty();
    assertThat(f.engine.lockedFields(RecordType.TEAM_MEMBER, adaUser.id())).isEmpty();
    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
  }

  @Test
  void downloadAllLinksByEmailBeforeCreatingGhosts() {
    Staff ada = f.synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    f.synergy.webApp().addStaff("Grace", "Hopper", "grace@navy.example", SecurityLevel.STANDARD);
    TeamMember adaUser = f.tinyPlus.webApp().inviteTeamMember("Ada L", "ada@firm.example");
    int before = f.tinyPlus.webApp().teamMembers().size();
    f.clock.advance(java.time.Duration.ofSeconds(10));

    SyncReport report = f.engine.downloadAll(RecordType.TEAM_MEMBER, ProgressListener.none());

    assertThat(report.counts(RecordType.TEAM_MEMBER, Flow.SYNERGY_TO_TINYPLUS).linked()).isEqualTo(1);
    assertThat(partnerOf(ada).id()).isEqualTo(adaUser.id());
    // the fake's administrator staff member and Grace become ghosts
    assertThat(f.tinyPlus.webApp().teamMembers()).hasSize(before + 2);
    assertThatThrownBy(() -> f.engine.uploadAll(RecordType.TEAM_MEMBER, ProgressListener.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one way");
  }
}
