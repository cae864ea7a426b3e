package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ConflictPolicy;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 2001690, 200 steps, with projects): a person's last name was cleared in Synergy and
 * their first name in tiny+. The field-by-field merge took each side's clear, so it sent "no first name" to Synergy
 * (which took it: the person was left with no name at all) and "no last name" to tiny+, which refuses a contact with
 * neither name: the tiny+ write failed at every cycle and the pair never agreed again. The fix settles the first and
 * last name as one unit ({@code FieldMapping.withAtLeastOneOf}, used by {@code FieldMappings.contacts()}): when the
 * merge would leave neither, the conflict policy picks one side's whole name, which both sides keep, and the losing
 * name is kept in the report's conflicts.
 */
class FirstAndLastNameClearedOnOppositeSidesTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY, RecordType.CONTACT);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void theWholeNameOfOneSideWinsAndTheOtherIsReportedAsAConflict() {
    // Given a person "Bob Lee" of a company, synced to tiny+
    engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    long company = synergy.webApp().createContact(ContactCreate.builder().name("Acme").build()).id();
    Personnel bob = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(company)
        .firstName("Bob").lastName("Lee").build());
    fixture.cycles(1, Duration.ofMinutes(1));
    assertThat(tinyPlus.webApp().contacts()).singleElement()
        .satisfies(c -> assertThat(c.firstName() + " " + c.lastName()).isEqualTo("Bob Lee"));
    long contact = tinyPlus.webApp().contacts().get(0).id();

    // When a person clears the last name in Synergy, then another the first name in tiny+, and a cycle runs
    namesClearedOnOppositeSides(bob, contact);
    SyncReport report = engine.syncOnce();

    // Then tiny+'s whole name (the newer edit) wins on both sides, nothing fails, and Synergy's "Bob" is reported
    Personnel synergyAfter = synergy.webApp().personnel(bob.id());
    Contact tinyPlusAfter = tinyPlus.webApp().contact(contact);
    assertThat(synergyAfter.firstName()).isNull();
    assertThat(synergyAfter.lastName()).isEqualTo("Lee");
    assertThat(tinyPlusAfter.firstName()).isNull();
    assertThat(tinyPlusAfter.lastName()).isEqualTo("Lee");
    assertThat(report.problems()).isEmpty();
    assertThat(report.conflicts()).anySatisfy(c -> {
      assertThat(c.conflict().field()).isEqualTo("firstName");
      assertThat(c.winner()).isEqualTo(Side.TINYPLUS);
      assertThat(c.losingValue()).isEqualTo("Bob");
    });
    assertThat(report.conflicts()).extracting(ResolvedConflict::losingValue).contains("Bob");

    // and the next cycles are quiet
    clock.advance(Duration.ofMinutes(5));
    SyncReport next = engine.syncOnce();
    assertThat(next.problems()).isEmpty();
    assertThat(next.conflicts()).isEmpty();
    assertThat(engine.health().failures()).isEmpty();
  }

  @Test
  void theConflictPolicyPicksTheWholeName() {
    // Given a person "Bob Lee" synced to tiny+, and an engine whose conflict policy lets Synergy win
    SyncEngine synergyWins = fixture.worker(b -> b.conflictPolicy(ConflictPolicy.synergyWins()));
    synergyWins.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    long company = synergy.webApp().createContact(ContactCreate.builder().name("Acme").build()).id();
    Personnel bob = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(company)
        .firstName("Bob").lastName("Lee").build());
    clock.advance(Duration.ofMinutes(1));
    synergyWins.syncOnce();
    long contact = tinyPlus.webApp().contacts().get(0).id();

    // When the last name is cleared in Synergy and then the first name in tiny+
    namesClearedOnOppositeSides(bob, contact);
    SyncReport report = synergyWins.syncOnce();

    // Then Synergy's whole name "Bob" is kept on both sides, and tiny+'s losing "Lee" is in the report
    assertThat(synergy.webApp().personnel(bob.id()).firstName()).isEqualTo("Bob");
    assertThat(synergy.webApp().personnel(bob.id()).lastName()).isNull();
    assertThat(tinyPlus.webApp().contact(contact).firstName()).isEqualTo("Bob");
    assertThat(tinyPlus.webApp().contact(contact).lastName()).isNull();
    assertThat(report.problems()).isEmpty();
    assertThat(report.conflicts()).anySatisfy(c -> {
      assertThat(c.conflict().field()).isEqualTo("lastName");
      assertThat(c.winner()).isEqualTo(Side.SYNERGY);
      assertThat(c.losingValue()).isEqualTo("Lee");
    });
    clock.advance(Duration.ofMinutes(5));
    assertThat(synergyWins.syncOnce().problems()).isEmpty();
    assertThat(synergyWins.health().failures()).isEmpty();
  }

  /** A minute later a person clears the last name in Synergy, a minute after that another the first name in tiny+. */
  private void namesClearedOnOppositeSides(Personnel bob, long contact) {
    clock.advance(Duration.ofMinutes(1));
    synergy.webApp().editPersonnel(bob.id(), PersonnelPatch.builder().lastName(null).build());
    clock.advance(Duration.ofMinutes(1));
    tinyPlus.webApp().editContact(contact, ContactPatch.builder().firstName(null).build());
    clock.advance(Duration.ofMinutes(1));
  }
}
