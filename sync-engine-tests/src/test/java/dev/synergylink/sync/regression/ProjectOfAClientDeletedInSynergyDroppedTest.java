package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.ProjectStatusOptions;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.tinyplus.Company;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (CI seed 330, once deleted companies were found through refusals): a project whose client's
 * company link was orphaned (the client was deleted in Synergy) made the engine read that client again to copy it;
 * the read's 404 was taken for the project's own, and the project was dropped without a word (or, linked, orphaned).
 * Such a project must be skipped with its reason.
 */
class ProjectOfAClientDeletedInSynergyDroppedTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY, RecordType.CONTACT);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;

  @Test
  void aNewProjectWhoseClientWasDeletedIsSkippedWithItsReason() {
    // Given a client company synced to tiny+, then, before the next cycle, a new Synergy project for it, the client
    // deleted in Synergy and a tiny+ contact added to the client's copy (whose refusal shows the deletion)
    fixture.withSettings(b -> b.addEnabledTypes(RecordType.PROJECT).activatingUser(TinyPlusFake.ADMIN_ID)
        .statusMapping(StatusMapping.proposeDefault(
            new ProjectStatusOptions(synergy.projectStatuses(), tinyPlus.webApp().phases()))));
    SyncEngine engine = fixture.engine;
    engine.teamMembers().link(SynergyFake.ADMIN_STAFF_ID, TinyPlusFake.ADMIN_ID);
    engine.syncOnce();
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();
    Company copy = tinyPlus.webApp().companies().get(0);
    ProjectStatus active = synergy.projectStatuses().stream().filter(s -> s.name().equals("Active")).findFirst()
        .orElseThrow();
    Project hall = synergy.webApp().createProject(ProjectCreate.builder().name("Civic Hall").statusId(active.id())
        .primaryContactId(acme.id()).initialFee(new BigDecimal("10")).build());
    synergy.webApp().deleteContact(acme.id());
    tinyPlus.webApp().createContact(dev.synergylink.tinyplus.ContactCreate.builder().firstName("Ann").lastName("Ng")
        .primaryCompany(copy.id()).build());

    // When a cycle runs
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();

    // Then the project is not dropped: it waits, excluded, with the reason
    assertThat(engine.health().failures()).filteredOn(f -> f.recordType() == RecordType.PROJECT).singleElement()
        .satisfies(f -> {
          assertThat(f.side()).isEqualTo(Side.SYNERGY);
          assertThat(f.recordId()).isEqualTo(hall.id());
          assertThat(f.kind()).isEqualTo(RecordFailure.Kind.EXCLUDED);
          assertThat(f.message()).contains("no longer synced");
        });
    assertThat(tinyPlus.webApp().projects()).isEmpty();
  }
}
