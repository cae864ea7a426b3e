package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.ContactCreate.Builder;
import java.time.Duration;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 1000720, 1002540, 1002572, 1002641, 1002701, 1002758 and 1001087 at 200 steps,
 * projects off): a company deleted on one side after it was linked (tiny+ soft-deletes it, and the cycle does not
 * list deleted tiny+ records; a deleted Synergy contact leaves Synergy's lists) stayed linked, so a contact of it was
 * sent with that company and refused at every retry, for ever. The refusal must show the company gone: its link is
 * orphaned and the contact is left out as the guide says for a contact whose company is not synced.
 */
class DeletedCompanyRefusedAsPrimaryTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY, RecordType.CONTACT);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;
  private final SyncEngine engine = fixture.engine;

  @Test
  void aContactOfACompanyDeletedInTinyPlusIsSkippedNotFailedForEver() {
    // Given a company linked with its tiny+ copy, which a person then deletes in tiny+
    Contact acme = linkedCompany();
    Company copy = tinyPlus.webApp().companies().get(0);
    tinyPlus.webApp().deleteCompany(copy.id());

    // When a person adds a Synergy contact to the company and cycles run
    Personnel ann = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(acme.id())
        .firstName("Ann").lastName("Ng").build());
    SyncReport first = cycle();
    clock.advance(Duration.ofMinutes(10));
    SyncReport later = cycle();

    // Then the company's link is orphaned, and the contact is left out with that reason instead of failing
    assertSkippedNotFailed(acme, copy, Side.SYNERGY, ann.id(), first, later);
    assertThat(tinyPlus.webApp().contacts()).isEmpty();
  }

  @Test
  void aContactOfACompanyDeletedInSynergyIsSkippedNotFailedForEver() {
    // Given a company linked with its tiny+ copy, which a person then deletes in Synergy
    Contact acme = linkedCompany();
    Company copy = tinyPlus.webApp().companies().get(0);
    synergy.webApp().deleteContact(acme.id());

    // When a person adds a tiny+ contact to the company's copy and cycles run
    Builder ann = dev.synergylink.tinyplus.ContactCreate.builder().firstName("Ann").lastName("Ng")
        .primaryCompany(copy.id());
    long annId = tinyPlus.webApp().createContact(ann.build()).id();
    SyncReport first = cycle();
    clock.advance(Duration.ofMinutes(10));
    SyncReport later = cycle();

    // Then the company's link is orphaned, and the contact is left out with that reason instead of failing
    assertSkippedNotFailed(acme, copy, Side.TINYPLUS, annId, first, later);
    assertThat(synergy.webApp().personnel()).isEmpty();
  }

  private void assertSkippedNotFailed(Contact company, Company copy, Side contactSide, long contactId,
      SyncReport... reports) {
    assertThat(engine.health().orphanedLinks()).extracting(Link::recordType, Link::synergyId, Link::tinyPlusId)
        .containsExactly(Tuple.tuple(RecordType.COMPANY, company.id(), copy.id()));
    assertThat(engine.health().failures()).extracting(RecordFailure::side, RecordFailure::recordId,
        RecordFailure::kind).containsExactly(Tuple.tuple(contactSide, contactId, RecordFailure.Kind.EXCLUDED));
    for (SyncReport report : reports) {
      assertThat(report.problems(RecordOutcome.FAILED)).isEmpty();
    }
  }

  private Contact linkedCompany() {
    engine.syncOnce();
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    cycle();
    return acme;
  }

  /** A minute passes (lists catch up with their lag), then a cycle runs. */
  private SyncReport cycle() {
    clock.advance(Duration.ofMinutes(1));
    return engine.syncOnce();
  }
}
