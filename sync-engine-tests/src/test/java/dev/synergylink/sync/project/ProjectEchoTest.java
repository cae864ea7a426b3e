package dev.synergylink.sync.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Address;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.synergy.Staff;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The engine's own project writes come back as echoes: once both sides agree, a cycle writes nothing. */
class ProjectEchoTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void projectsCreatedOnEachSideSettleAndAQuietCycleOnlyLists() {
    Staff stranger = f.synergy.webApp().addStaff("Sam", "Stranger", "sam@synergy.example", SecurityLevel.STANDARD);
    f.synergy.webApp().createProject(f.newProject("From Synergy")
        .statusId(f.status("Pending Invoice").id())
        .projectType("Civic")
        .managerId(stranger.id())
        .address(Address.builder().address1("1 Main St").build())
        .scope("Scope")
        .initialFee(new BigDecimal("10"))
        .build());
    f.tinyPlus.webApp().createProject(ProjectCreate.builder()
        .name("From tiny+")
        .state(ProjectState.ACTIVE)
        .phase(f.phase("Documentation").id())
        .clientCompany(f.clientCompany.id())
        .assignedUser(TinyPlusFake.ADMIN_ID)
        .value(new BigDecimal("20"))
        .build());
    f.cycle();
    f.cycle();
    f.resetCounts();

    f.cycle();
    f.cycle();

    assertThat(f.synergy.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.tinyPlus.writes()).filteredOn(w -> w.source() == FakeWrite.Source.API).isEmpty();
    assertThat(f.synergy.webApp().projects()).hasSize(2);
    assertThat(f.tinyPlus.webApp().projects()).hasSize(2);
    Project fromTinyPlus = f.synergy.webApp().projects().stream().filter(p -> p.name().equals("From tiny+"))
        .findFirst().orElseThrow();
    assertThat(fromTinyPlus.managerId()).isEqualTo(SynergyFake.ADMIN_STAFF_ID);
    assertThat(f.tinyPlus.webApp().projects().stream().filter(p -> p.name().equals("From tiny+")).findFirst()
        .orElseThrow().phase()).as("tiny+ keeps its finer phase").isEqualTo(f.phase("Documentation").id());
  }

  @Test
  void anIdleProjectsCycleSpendsOneListCallPerSidePerType() {
    f.synergy.webApp().createProject(f.newProject("Quiet").build());
    f.cycle();
    f.cycle();
    f.resetCounts();

    f.cycle();

    assertThat(f.synergy.calls().total()).as(f.synergy.calls().toString()).isEqualTo(2);
    assertThat(f.tinyPlus.calls().total()).as(f.tinyPlus.calls().toString()).isEqualTo(2);
  }
}
