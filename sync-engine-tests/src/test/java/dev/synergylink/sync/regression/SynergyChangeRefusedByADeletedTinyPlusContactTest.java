package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactPatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 1001415 of the 200-step runs without projects): a person linked with a tiny+ contact
 * had their first name cleared in tiny+, and the contact was then deleted there; their last name was cleared in
 * Synergy. tiny+ keeps a deleted contact and still checks a write to it, so the Synergy change (the last name
 * cleared) was refused as leaving the contact with no name, instead of answered with a 404: the person stayed failing
 * and was sent again in every cycle. Then the write into the deleted contact was refused (or, when tiny+ took it,
 * made into a deleted record) before the link was orphaned (issue 16, item 5). A tiny+ record not in the cycle's poll
 * is now read before anything is written into it, and a deleted one orphans the link (nothing is recreated, deleted
 * or written), as a 404 does.
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
    tinyPlus.clearWrites();

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
    // and nothing was written into the deleted contact: the engine read it first (no refusal to excuse)
    assertThat(apiWritesToTinyPlus()).isEmpty();
  }

  @Test
  void aSynergyEditTheDeletedContactWouldTakeIsNotWrittenIntoIt() {
    // Given a Synergy person synced to tiny+, whose contact a person then deletes in tiny+
    long acme = fixture.startedWithSyncedSynergyCompany("Acme");
    Personnel ada = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(acme)
        .firstName("Ada").lastName("Lovelace").build());
    fixture.cycles(1, Duration.ofMinutes(1));
    Contact copy = tinyPlus.webApp().contacts().get(0);
    tinyPlus.webApp().deleteContact(copy.id());
    tinyPlus.clearWrites();

    // When the person's last name changes in Synergy (a write tiny+ would take into its deleted contact)
    synergy.webApp().editPersonnel(ada.id(), PersonnelPatch.builder().lastName("Byron").build());
    fixture.cycles(3, Duration.ofMinutes(30));

    // Then the link is orphaned without a write into the deleted contact
    assertThat(fixture.engine.health().orphanedLinks()).singleElement()
        .satisfies(link -> assertThat(link.tinyPlusId()).isEqualTo(copy.id()));
    assertThat(apiWritesToTinyPlus()).isEmpty();
    assertThat(fixture.engine.health().failures()).isEmpty();
  }

  private List<FakeWrite> apiWritesToTinyPlus() {
    return tinyPlus.writes().stream().filter(w -> w.source() == FakeWrite.Source.API).toList();
  }
}
