package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 4004015 of the 200-step runs without projects): the Synergy copy of a tiny+ company
 * was made by a create whose answer was lost. Before the next run found the copy by its marker, a person emptied the
 * ABN of the tiny+ company and another edited the copy's phone. The copy had been edited, so it was aligned like an
 * unrelated record: with no merge base, the ABN only the copy still held was taken as the copy's own and written back
 * to tiny+ (the emptying was lost), and tiny+'s phone overwrote the copy's edit. The intent of a create now keeps what
 * the create sent, and a copy found later is merged with its original against those values: both edits land.
 */
class EditsBeforeALostCreateWasSettledTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;

  @Test
  void anEditOfTheOriginalAndAnEditOfItsCopyBothLandOnceTheCopyIsFound() {
    // Given a new tiny+ company whose create in Synergy was made but its answer lost
    Company acme = fixture.startedWithNewTinyPlusCompany(CompanyCreate.builder().name("Acme Pty Ltd")
        .abn("65 736 710 400").officePhone("02 9000 0001").build());
    synergy.faults().on(SynergyOperation.CREATE_CONTACT).times(1).answer(Fault.ambiguousCreate());
    fixture.engine.syncOnce();
    assertThat(synergy.webApp().contacts()).hasSize(1);
    Contact copy = synergy.webApp().contacts().get(0);

    // When a person empties the ABN in tiny+, another edits the copy's phone in Synergy, and the next cycles run
    fixture.clock.advance(Duration.ofSeconds(30));
    tinyPlus.webApp().editCompany(acme.id(), CompanyPatch.builder().abn(null).build());
    synergy.webApp().editContact(copy.id(), ContactPatch.builder().phone("0400 000 003").build());
    fixture.cycles(2, Duration.ofMinutes(1));

    // Then both records have no ABN and the new phone, and they are one linked pair
    Company original = tinyPlus.webApp().company(acme.id());
    assertThat(original.abn()).isNull();
    assertThat(original.officePhone()).isEqualTo("0400 000 003");
    assertThat(original.remoteId()).isEqualTo(Long.toString(copy.id()));
    assertThat(synergy.webApp().contact(copy.id()).abn()).isNull();
    assertThat(synergy.webApp().contact(copy.id()).phone()).isEqualTo("0400 000 003");
    assertThat(synergy.webApp().contacts()).hasSize(1);
    assertThat(fixture.engine.health().failures()).isEmpty();
  }
}
