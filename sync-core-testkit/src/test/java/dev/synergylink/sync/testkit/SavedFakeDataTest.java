package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.ProjectState;
import dev.synergylink.tinyplus.TeamMember;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake's records saved by one run and loaded by the next, as the demo's second run does. */
class SavedFakeDataTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-12-01T00:00:00Z"));

  @TempDir
  Path dir;

  @Test
  void aSynergyFakeLoadsTheRecordsAnotherSavedAndNumbersNewOnesAfterThem() {
    SynergyFake first = SynergyFake.builder(clock).build();
    Contact acme = first.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").abn("53004085616")
        .build());
    Project tower = first.webApp().createProject(ProjectCreate.builder().name("Tower")
        .statusId(first.webApp().statusNamed("Active").id()).primaryContactId(acme.id())
        .initialFee(new BigDecimal("1000")).build());
    first.webApp().addStage(tower.id(), "Design", new BigDecimal("250.50"));
    Contact gone = first.webApp().createContact(ContactCreate.builder().name("Gone Pty Ltd").build());
    first.webApp().deleteContact(gone.id());
    first.saveData(dir.resolve("synergy.data"));

    clock.advance(Duration.ofHours(1));
    SynergyFake second = SynergyFake.builder(clock).replicaLag(Duration.ZERO).build();
    second.loadData(dir.resolve("synergy.data"));
    Contact next = second.webApp().createContact(ContactCreate.builder().name("Next Pty Ltd").build());

    assertThat(second.webApp().contact(acme.id())).isEqualTo(first.webApp().contact(acme.id()));
    assertThat(second.webApp().project(tower.id())).isEqualTo(first.webApp().project(tower.id()));
    assertThat(second.webApp().statuses()).isEqualTo(first.webApp().statuses());
    assertThat(second.currentUser()).isEqualTo(first.currentUser());
    assertThat(second.contacts().get(acme.id()).name()).isEqualTo("Acme Pty Ltd");
    assertThat(next.id()).isGreaterThan(gone.id());
    assertThat(second.webApp().contacts()).extracting(Contact::name).containsExactly("Acme Pty Ltd", "Next Pty Ltd");
    assertThat(second.writes()).hasSize(1);
  }

  @Test
  void aTinyPlusFakeLoadsTheRecordsAnotherSavedAndNumbersNewOnesAfterThem() {
    TinyPlusFake first = TinyPlusFake.builder(clock).build();
    Company acme = first.webApp().createCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
    TeamMember ghost = first.webApp().inviteTeamMember("Sam Lee", "sam@example.com");
    first.webApp().addPhase("Enquiry", ProjectState.PROPOSED);
    first.webApp().addProjectType("Residential");
    first.saveData(dir.resolve("tinyplus.data"));

    TinyPlusFake second = TinyPlusFake.builder(clock).build();
    second.loadData(dir.resolve("tinyplus.data"));
    Company next = second.webApp().createCompany(CompanyCreate.builder().name("Next Pty Ltd").build());

    assertThat(second.webApp().company(acme.id())).isEqualTo(first.webApp().company(acme.id()));
    assertThat(second.webApp().teamMember(ghost.id())).isEqualTo(first.webApp().teamMember(ghost.id()));
    assertThat(second.webApp().phases()).isEqualTo(first.webApp().phases());
    assertThat(second.webApp().projectTypes()).isEqualTo(first.webApp().projectTypes());
    assertThat(second.me()).isEqualTo(first.me());
    assertThat(next.id()).isEqualTo(acme.id() + 1);
  }

  @Test
  void aFileOfAnotherKindIsRefusedWithTheWayOut() throws IOException {
    TinyPlusFake.builder(clock).build().saveData(dir.resolve("tinyplus.data"));
    Path foreign = dir.resolve("foreign.data");
    try (OutputStream bytes = Files.newOutputStream(foreign); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(List.<Object>of(java.net.URI.create("https://example.com/not-a-value-type"))));
    }

    assertThatThrownBy(() -> SynergyFake.builder(clock).build().loadData(dir.resolve("tinyplus.data")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delete it to start over");
    assertThatThrownBy(() -> SynergyFake.builder(clock).build().loadData(foreign))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delete it to start over");
  }
}
