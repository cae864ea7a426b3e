package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.ContractCheck;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 1001415 of the 200-step runs without projects): a person linked with a tiny+ contact
 * had their first name cleared in tiny+, and the contact was then deleted there; their last name was cleared in
 * Synergy. tiny+ keeps a deleted contact and still checks a write to it, so the Synergy change (the last name
 * cleared) was refused as leaving the contact with no name, instead of answered with a 404: the person stayed failing
 * and was sent again in every cycle. A refused tiny+ write now reads the record, and a deleted one orphans the link
 * (nothing is recreated or deleted), as a 404 does.
 */
class SynergyChangeRefusedByADeletedTinyPlusContactTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY, RecordType.CONTACT);
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;

  @Test
  void theLinkIsOrphanedAndNothingIsLeftFailing() {
    // Given a Synergy person synced to tiny+, whose first name a person clears in tiny+ before deleting the contact
    long acme = fixture.startedWithSyncedSynergyCompany("Acme");
    Personnel ada = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(acme)
        .firstName("Ada").lastName("Lovelace").build());
    fixture.cycles(1, Duration.ofMinutes(1));
    Contact copy = tinyPlus.webApp().contacts().get(0);
    tinyPlus.webApp().editContact(copy.id(), ContactPatch.builder().firstName(null).build());
    tinyPlus.webApp().deleteContact(copy.id());

    // When the person's last name is cleared in Synergy and the next cycles run
    synergy.webApp().editPersonnel(ada.id(), PersonnelPatch.builder().lastName(null).build());
    fixture.cycles(3, Duration.ofMinutes(30));

    // Then the link is orphaned, nothing is left failing, and neither record is recreated
    assertThat(fixture.engine.health().orphanedLinks()).singleElement().satisfies(link -> {
      assertThat(link.synergyId()).isEqualTo(ada.id());
      assertThat(link.tinyPlusId()).isEqualTo(copy.id());
    });
    assertThat(fixture.engine.health().failures()).isEmpty();
    assertThat(tinyPlus.webApp().contacts()).extracting(Contact::id).containsExactly(copy.id());
    // tiny+ refused the write into its deleted contact: the refusal this test is about
    ContractCheck.expectRefused(tinyPlus.contractViolations(), tinyPlus::clearContractViolations, "first_name:");
  }
}
