package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.tinyplus.Contact;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 4007216 of the 200-step runs without projects): the tiny+ copy of a new Synergy
 * person was made by a create whose answer was lost. In the next cycle the look-up that settles such a create failed
 * (Synergy did not answer the read of the person), and a tiny+ contact of the same name and email, listed in that
 * cycle, was matched to the person by natural key and marked as their copy: two tiny+ contacts then claimed the one
 * person. A create that could not be settled now keeps its source out of key matches in that run, as an open one does.
 */
class RecordMatchedByKeyWhileItsCreateCouldNotBeSettledTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY, RecordType.CONTACT);
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;

  @Test
  void onlyTheCopyTheCreateMadeIsLinkedToThePerson() {
    // Given a new Synergy person whose tiny+ copy was made by a create whose answer was lost
    long acme = fixture.startedWithSyncedSynergyCompany("Acme");
    long acmeInTinyPlus = tinyPlus.webApp().companies().get(0).id();
    Personnel ada = synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(acme)
        .firstName("Ada").lastName("Lovelace").email("ada@example.com").build());
    tinyPlus.faults().on(TinyPlusOperation.CREATE_CONTACT).times(1).answer(Fault.ambiguousCreate());
    fixture.cycles(1, Duration.ofMinutes(1));

    // When a person adds a tiny+ contact of the same name and email, and the next cycle cannot read the Synergy
    // person, then later cycles run without faults
    Contact typedAgain = tinyPlus.webApp().createContact(dev.synergylink.tinyplus.ContactCreate.builder()
        .firstName("Ada").lastName("Lovelace").emailAddress("ada@example.com").primaryCompany(acmeInTinyPlus).build());
    synergy.faults().on(SynergyOperation.GET_PERSONNEL).times(3).answer(Fault.serverError());
    fixture.cycles(1, Duration.ofMinutes(1));
    fixture.cycles(3, Duration.ofMinutes(30));

    // Then one tiny+ contact is the person's copy, and it is not the one typed again
    assertThat(tinyPlus.webApp().contacts()).filteredOn(c -> Long.toString(ada.id()).equals(c.remoteId()))
        .singleElement().extracting(Contact::id).isNotEqualTo(typedAgain.id());
    assertThat(fixture.engine.health().failures()).isEmpty();
  }
}
