package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.ForwardingStateStore;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a cycle of many changes costs the state store: on a database each call is a round trip, so the calls must not
 * grow beyond what the changes need (a changed pair's link saved before and after its write, nothing per record the
 * engine only sees again).
 */
class ChangeStoreEconomyTest {
  private static final int COMPANIES = 40;

  @Test
  void aCycleOfChangesSavesEachChangedLinkTwiceAndLooksFailuresUpPerPageNotPerRecord() {
    Fixture f = new Fixture(RecordType.COMPANY).started();
    CountingStore counting = new CountingStore(f.store);
    f.rebuild(b -> b.stateStore(counting));
    List<Long> synergyIds = new ArrayList<>();
    for (int i = 0; i < COMPANIES; i++) {
      synergyIds.add(f.synergy.webApp().createContact(ContactCreate.builder().name("Company " + i).build()).id());
    }
    f.cycle();
    f.cycle();
    List<Company> copies = f.tinyPlus.webApp().companies();
    assertThat(copies).hasSize(COMPANIES);
    for (int i = 0; i < COMPANIES; i++) {
      if (i % 2 == 0) {
        f.synergy.webApp().editContact(synergyIds.get(i), ContactPatch.builder().email("s" + i + "@firm.example")
            .build());
      } else {
        f.tinyPlus.webApp().editCompany(copies.get(i).id(), CompanyPatch.builder().email("t" + i + "@firm.example")
            .build());
      }
    }
    f.resetCounts();
    counting.reset();

    f.cycle();

    assertThat(f.synergy.writes().size() + f.tinyPlus.writes().size()).isEqualTo(COMPANIES);
    assertThat(counting.linksSaved).as("links saved: before and after each write").isEqualTo(2 * COMPANIES);
    // each side's page, its partners' failures, and the waiting tiny+ changes' two sides
    assertThat(counting.failureLookUps).as("failure look-ups").isLessThanOrEqualTo(5);

    counting.reset();
    f.cycle(); // every write of the cycle before is listed back

    assertThat(f.synergy.writes().size() + f.tinyPlus.writes().size()).isEqualTo(COMPANIES);
    assertThat(counting.linksSaved).as("links saved when the engine's own writes are listed back").isZero();
    assertThat(counting.failureLookUps).as("failure look-ups").isLessThanOrEqualTo(5);
  }

  /** Counts the calls a cycle makes that grow with the records it sees. */
  private static final class CountingStore extends ForwardingStateStore {
    int linksSaved;
    int failureLookUps;

    CountingStore(StateStore delegate) {
      super(delegate);
    }

    void reset() {
      linksSaved = 0;
      failureLookUps = 0;
    }

    @Override
    public void saveLink(Lease lease, Link link) {
      linksSaved++;
      super.saveLink(lease, link);
    }

    @Override
    public Map<Long, RecordFailure> failures(String connectionId, RecordType type, Side side,
        Collection<Long> recordIds) {
      failureLookUps++;
      return super.failures(connectionId, type, side, recordIds);
    }
  }
}
