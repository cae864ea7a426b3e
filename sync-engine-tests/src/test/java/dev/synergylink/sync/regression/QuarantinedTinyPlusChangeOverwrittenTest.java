package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 10048, 10164, 10194): a tiny+ change whose write had failed waited in quarantine, out
 * of the cycle's tiny+ poll; a later Synergy change of the same pair took the tiny+ record to be as last synced and
 * wrote over that change with no conflict kept.
 */
class QuarantinedTinyPlusChangeOverwrittenTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void aSynergyChangeDoesNotOverwriteAQuarantinedTinyPlusChange() {
    // Given a linked company whose mobile was changed in tiny+ and, two seconds later, in Synergy, and a cycle whose
    // read of the Synergy record failed, so the pair waits in quarantine (behind the tiny+ cursor: another company
    // was added later)
    engine.syncOnce();
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    clock.advance(Duration.ofMinutes(1));
    engine.syncOnce();
    Company copy = tinyPlus.webApp().companies().get(0);
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.webApp().editCompany(copy.id(), CompanyPatch.builder().mobile("0400 000 001").build());
    clock.advance(Duration.ofSeconds(2));
    synergy.webApp().editContact(acme.id(), ContactPatch.builder().mobile("0400 000 002").build());
    clock.advance(Duration.ofSeconds(30));
    tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Bolt Builders").build()); // moves the cursor on
    clock.advance(Duration.ofMinutes(1));
    synergy.faults().on(SynergyOperation.GET_CONTACT).times(1).answer(Fault.serverError());
    List<ResolvedConflict> conflicts = new ArrayList<>(engine.syncOnce().conflicts());

    // When a person changes the Synergy record's email and a cycle runs before the quarantined pair is retried
    synergy.webApp().editContact(acme.id(), ContactPatch.builder().email("info@acme.example").build());
    clock.advance(Duration.ofSeconds(10));
    conflicts.addAll(engine.syncOnce().conflicts());
    clock.advance(Duration.ofMinutes(5));
    conflicts.addAll(engine.syncOnce().conflicts());

    // Then the two mobiles met as a conflict (the later, Synergy's, won) and tiny+'s is kept, not silently overwritten
    assertThat(conflicts).extracting(ResolvedConflict::winner, ResolvedConflict::losingValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.SYNERGY, "0400 000 001"));
    assertThat(tinyPlus.webApp().company(copy.id()).mobile()).isEqualTo("0400 000 002");
    assertThat(tinyPlus.webApp().company(copy.id()).email()).isEqualTo("info@acme.example");
  }
}
