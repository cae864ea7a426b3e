package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.SynergyUnreadableResponseException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import org.junit.jupiter.api.Test;

/** A failure of one record type's listing stops that type only; one of the connection stops the run. */
class OneRecordTypeFailingTest {
  private final Fixture f = new Fixture(RecordType.COMPANY, RecordType.CONTACT).started();

  @Test
  void aCompaniesListingThatKeepsFailingStopsTheCompaniesOnlyAndTheContactsGoOn() {
    // Given tiny+ answering 503 to every companies listing
    f.tinyPlus.faults().on(TinyPlusOperation.LIST_COMPANIES).answer(Fault.unavailable());
    f.synergy.calls().reset();
    f.tinyPlus.calls().reset();

    // When a cycle runs
    SyncReport report = f.cycle();

    // Then the companies stopped with their cause, and the contacts were still polled on both sides
    assertThat(report.aborted()).isFalse();
    assertThat(report.stoppedTypes()).containsOnlyKeys(RecordType.COMPANY);
    StopCause cause = report.stoppedTypes().get(RecordType.COMPANY);
    assertThat(cause.kind()).isEqualTo(StopCause.Kind.SERVICE_UNAVAILABLE);
    assertThat(cause.side()).isEqualTo(Side.TINYPLUS);
    assertThat(cause.exception()).isInstanceOf(TinyPlusServerException.class);
    assertThat(cause.message()).startsWith("tiny+ stopped the company sync:");
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.LIST_CONTACTS)).isPositive();
    assertThat(f.synergy.calls().count(SynergyOperation.LIST_PERSONNEL)).isPositive();
  }

  @Test
  void theFailedTypePicksUpWhereItStoppedOnceTheListingWorksAgain() {
    // Given a Synergy company made while tiny+'s companies listing failed for one cycle
    f.tinyPlus.faults().on(TinyPlusOperation.LIST_COMPANIES).times(1).answer(Fault.unavailable());
    f.clock.advance(java.time.Duration.ofMinutes(1));
    f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    SyncReport stopped = f.cycle();

    // When the next cycle runs
    SyncReport next = f.cycle();

    // Then the company is copied by the next one
    assertThat(stopped.stoppedTypes()).containsOnlyKeys(RecordType.COMPANY);
    assertThat(next.stoppedTypes()).isEmpty();
    assertThat(f.tinyPlus.webApp().companies()).extracting(c -> c.name()).containsExactly("Acme");
  }

  @Test
  void aListPageThatCannotBeReadIsAskedForAgainBeforeTheTypeGivesUp() {
    // Given a Synergy company, and Synergy's next two company list pages cut short
    f.clock.advance(java.time.Duration.ofMinutes(1));
    f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    f.synergy.faults().on(SynergyOperation.LIST_CONTACTS).times(2).answer(Fault.malformedBody());

    // When a cycle runs
    SyncReport report = f.cycle();

    // Then the third read went through and the company was copied
    assertThat(report.aborted()).isFalse();
    assertThat(report.stoppedTypes()).isEmpty();
    assertThat(f.tinyPlus.webApp().companies()).extracting(c -> c.name()).containsExactly("Acme");
  }

  @Test
  void aListPageThatCannotBeReadThreeTimesStopsItsTypeOnly() {
    f.synergy.faults().on(SynergyOperation.LIST_CONTACTS).answer(Fault.malformedBody());
    f.synergy.calls().reset();

    SyncReport report = f.cycle();

    assertThat(report.aborted()).isFalse();
    assertThat(report.stoppedTypes().get(RecordType.COMPANY).kind()).isEqualTo(StopCause.Kind.UNEXPECTED);
    assertThat(report.stoppedTypes().get(RecordType.COMPANY).exception())
        .isInstanceOf(SynergyUnreadableResponseException.class);
    assertThat(f.synergy.calls().count(SynergyOperation.LIST_CONTACTS)).isEqualTo(3);
    assertThat(f.synergy.calls().count(SynergyOperation.LIST_PERSONNEL)).isPositive();
  }

  @Test
  void refusedCredentialsOnOneTypeStillStopTheWholeRun() {
    f.tinyPlus.faults().on(TinyPlusOperation.LIST_COMPANIES).answer(Fault.unauthorized());
    f.tinyPlus.calls().reset();

    SyncReport report = f.cycle();

    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.AUTHENTICATION);
    assertThat(report.stoppedTypes()).isEmpty();
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.LIST_CONTACTS)).isZero();
  }
}
