package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Sync Health screen offers: retry now, retry all of a type, dismiss an orphan, and the run history. */
class OperatorActionsTest {
  private final Fixture f = new Fixture(RecordType.COMPANY);

  private Company partnerOf(long synergyId) {
    return f.tinyPlus.webApp().companies().stream()
        .filter(c -> Long.toString(synergyId).equals(c.remoteId()))
        .findFirst()
        .orElseThrow();
  }

  /** A linked company whose Synergy change tiny+ refused once: it waits in quarantine for its retry. */
  private long failingCompany(String name, String phone) {
    long id = f.startedWithSyncedSynergyCompany(name);
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editContact(id, ContactPatch.builder().phone(phone).build());
    f.tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).times(1).answer(Fault.serverError(500));
    f.cycle();
    return id;
  }

  @Test
  void retryNowSendsAFailingRecordBeforeItsRetryIsDue() {
    // Given a record in quarantine whose retry is not due yet
    long id = failingCompany("Acme", "02 9000 1234");
    RecordFailure failure = f.engine.health().failures().get(0);
    assertThat(failure.nextRetry()).isAfter(f.clock.instant());

    // When the operator retries it now
    SyncReport report = f.engine.retryNow(RecordType.COMPANY, failure.side(), failure.recordId());

    // Then it is sent at once and leaves quarantine
    assertThat(report.operation()).isEqualTo(SyncReport.Operation.RETRY);
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).updated()).isEqualTo(1);
    assertThat(partnerOf(id).officePhone()).isEqualTo("02 9000 1234");
    assertThat(f.engine.health().failures()).isEmpty();
  }

  @Test
  void retryNowOfARecordNotInQuarantineDoesNothing() {
    long id = f.startedWithSyncedSynergyCompany("Acme");
    f.resetCounts();

    SyncReport report = f.engine.retryNow(RecordType.COMPANY, Side.SYNERGY, id);

    assertThat(report.counts()).isEmpty();
    assertThat(f.tinyPlus.writes()).isEmpty();
  }

  @Test
  void retryAllSendsEveryFailingRecordOfTheType() {
    // Given two linked companies whose changes tiny+ refused
    long acme = f.startedWithSyncedSynergyCompany("Acme");
    long beta = f.synergy.webApp().createContact(dev.synergylink.synergy.ContactCreate.builder().name("Beta")
        .build()).id();
    f.cycle();
    f.synergy.webApp().editContact(acme, ContactPatch.builder().phone("02 1111").build());
    f.synergy.webApp().editContact(beta, ContactPatch.builder().phone("02 2222").build());
    f.tinyPlus.faults().on(TinyPlusOperation.PATCH_COMPANY).answer(Fault.serverError(500));
    f.cycle();
    assertThat(f.engine.health().failures()).hasSize(2);
    f.tinyPlus.faults().clear();

    // When the operator retries every failing company
    SyncReport report = f.engine.retryFailing(RecordType.COMPANY);

    // Then both are sent
    assertThat(report.counts(RecordType.COMPANY, Flow.SYNERGY_TO_TINYPLUS).updated()).isEqualTo(2);
    assertThat(partnerOf(acme).officePhone()).isEqualTo("02 1111");
    assertThat(partnerOf(beta).officePhone()).isEqualTo("02 2222");
    assertThat(f.engine.health().failures()).isEmpty();
  }

  @Test
  void dismissingAnOrphanForgetsItsLinkAndWritesNothing() {
    // Given a pair orphaned by a deletion in Synergy
    long id = f.startedWithSyncedSynergyCompany("Acme");
    Company company = partnerOf(id);
    f.synergy.webApp().deleteContact(id);
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().email("x@acme.example").build());
    f.cycle();
    assertThat(f.engine.health().orphanedLinks()).extracting(Link::synergyId).containsExactly(id);
    f.resetCounts();

    // When the operator dismisses it
    boolean dismissed = f.engine.dismissOrphan(RecordType.COMPANY, id);

    // Then it is shown no more, nothing was written, and a second dismissal finds nothing
    assertThat(dismissed).isTrue();
    assertThat(f.engine.health().orphanedLinks()).isEmpty();
    assertThat(f.store.links(Fixture.CONNECTION, RecordType.COMPANY)).isEmpty();
    assertThat(f.synergy.writes()).isEmpty();
    assertThat(f.tinyPlus.writes()).isEmpty();
    assertThat(f.engine.dismissOrphan(RecordType.COMPANY, id)).isFalse();

    // And the record left, edited again, is orphaned again rather than copied anew
    f.tinyPlus.webApp().editCompany(company.id(), CompanyPatch.builder().email("y@acme.example").build());
    SyncReport next = f.cycle();
    assertThat(next.counts(RecordType.COMPANY, Flow.TINYPLUS_TO_SYNERGY).created()).isZero();
    assertThat(f.synergy.webApp().contacts()).isEmpty();
  }

  @Test
  void aLinkedPairIsNotDismissed() {
    long id = f.startedWithSyncedSynergyCompany("Acme");

    assertThat(f.engine.dismissOrphan(RecordType.COMPANY, id)).isFalse();
    assertThat(f.store.links(Fixture.CONNECTION, RecordType.COMPANY)).hasSize(1);
  }

  @Test
  void theRunHistoryOutlivesTheEngineAndHoldsEveryReportAsItWas() {
    // Given runs with an orphan and a failure in their reports
    long id = failingCompany("Acme", "02 9000 1234");
    f.synergy.webApp().deleteContact(f.synergy.webApp().createContact(dev.synergylink.synergy.ContactCreate
        .builder().name("Gone").build()).id());
    f.synergy.webApp().deleteContact(id);
    SyncReport last = f.cycle();
    List<SyncReport> before = f.engine.recentReports();

    // When the host restarts and builds a new engine on the same store
    SyncEngine restarted = f.worker(b -> b);

    // Then the history shows the same reports, newest first
    assertThat(restarted.recentReports()).isEmpty();
    assertThat(restarted.reportHistory(100)).isEqualTo(before);
    assertThat(restarted.reportHistory(1)).containsExactly(last);
    assertThat(before.get(1).problems(RecordOutcome.FAILED)).isNotEmpty();
  }

  @Test
  void theRunHistoryKeepsConflictsWithTheirValuesAndWhyARunStopped() {
    // Given a run that settled a conflict and a run that tiny+ stopped
    long id = f.startedWithSyncedSynergyCompany("Acme");
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editContact(id, ContactPatch.builder().phone("02 1111").build());
    f.tinyPlus.webApp().editCompany(partnerOf(id).id(), CompanyPatch.builder().officePhone("02 2222").build());
    SyncReport conflicted = f.cycle();
    assertThat(conflicted.conflicts()).isNotEmpty();
    f.tinyPlus.faults().on(TinyPlusOperation.LIST_COMPANIES).answer(Fault.unauthorized());
    SyncReport stopped = f.cycle();
    assertThat(stopped.stopCause()).isNotNull();

    // When a new engine reads the history
    List<SyncReport> history = f.worker(b -> b).reportHistory(2);

    // Then the conflict comes back whole, and the stop cause with its kind and message (not its exception)
    assertThat(history.get(1)).isEqualTo(conflicted);
    SyncReport kept = history.get(0);
    assertThat(kept.stopCause().kind()).isEqualTo(stopped.stopCause().kind());
    assertThat(kept.stopCause().message()).isEqualTo(stopped.stopCause().message());
    assertThat(kept.stopCause().exception()).isInstanceOf(IllegalStateException.class)
        .hasMessage(stopped.stopCause().message());
    assertThat(kept.toText()).isEqualTo(stopped.toText());
  }
}
