package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.project.DelegatingTinyPlus;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusCompanies;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seeds 1000945, 1001407 as duplicates, 1000150, 1001035, 1001879 as a tiny+ company that
 * never reached Synergy, of the 200-step runs without projects): when the cycle (or a manual control) linked two
 * records by natural key, the markers written to the tiny+ record came before the link was saved. A crash, a lost
 * lease or a lost answer in between left a tiny+ record marked as the copy of a Synergy record that was not linked;
 * the next record with the same key was then linked to that Synergy record too, and the first was refused for good as
 * "already linked". The link is now saved before the first write.
 */
class PairMatchedByKeyLeftUnlinkedAfterItsMarkerWriteTest {
  private final Fixture fixture = new Fixture(RecordType.COMPANY);
  private final ManualClock clock = fixture.clock;
  private final SynergyFake synergy = fixture.synergy;
  private final TinyPlusFake tinyPlus = fixture.tinyPlus;

  @Test
  void aSecondRecordWithTheSameKeyIsNeverLinkedToTheSameRecord() {
    // Given a Synergy company and two tiny+ companies of its name, the first older, and a cycle that matches the
    // Synergy company with the first by name and dies right after writing the markers to it
    fixture.engine.syncOnce();
    clock.advance(Duration.ofMinutes(1));
    Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
    Company first = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
    clock.advance(Duration.ofSeconds(30));
    Company second = tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Acme Pty Ltd").build());
    clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(() -> fixture.worker(b -> b.tinyPlus(new DyingAfterACompanyWrite(tinyPlus))).syncOnce())
        .isInstanceOf(WorkerDied.class);
    assertThat(tinyPlus.webApp().company(first.id()).remoteId()).isEqualTo(Long.toString(acme.id()));

    // When a new worker runs the next cycles on the same state store once the lease has expired
    SyncEngine engine = fixture.worker(b -> b);
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(20));
      engine.syncOnce();
    }

    // Then only the first tiny+ company is the Synergy company's copy; the second reaches Synergy as its own company
    assertThat(tinyPlus.webApp().company(first.id()).remoteId()).isEqualTo(Long.toString(acme.id()));
    String secondsPartner = tinyPlus.webApp().company(second.id()).remoteId();
    assertThat(secondsPartner).isNotNull().isNotEqualTo(Long.toString(acme.id()));
    assertThat(synergy.webApp().contacts()).extracting(Contact::id)
        .containsExactlyInAnyOrder(acme.id(), Long.parseLong(secondsPartner));
    assertThat(engine.health().failures()).isEmpty();
  }

  /** The worker's process ends: nothing after it runs. */
  private static final class WorkerDied extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkerDied() {
      super("the worker died");
    }
  }

  /** A tiny+ client whose worker dies right after a company write is served. */
  private static final class DyingAfterACompanyWrite extends DelegatingTinyPlus {
    DyingAfterACompanyWrite(TinyPlusClient delegate) {
      super(delegate);
    }

    @Override
    public TinyPlusCompanies companies() {
      TinyPlusCompanies companies = super.companies();
      return new TinyPlusCompanies() {
        @Override
        public Page<Company> list(CompanyQuery query) {
          return companies.list(query);
        }

        @Override
        public Company get(long id) {
          return companies.get(id);
        }

        @Override
        public Company create(CompanyCreate create) {
          companies.create(create);
          throw new WorkerDied();
        }

        @Override
        public Company patch(long id, CompanyPatch patch) {
          companies.patch(id, patch);
          throw new WorkerDied();
        }

        @Override
        public Company delete(long id) {
          return companies.delete(id);
        }
      };
    }
  }
}
