package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.SyncStoppedException;
import dev.synergylink.sync.spi.LeaseLostException;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.SynergyAuthenticationException;
import dev.synergylink.synergy.SynergyRateLimitedException;
import dev.synergylink.synergy.SynergyServerException;
import dev.synergylink.synergy.SynergyUnreadableResponseException;
import dev.synergylink.tinyplus.TinyPlusAuthenticationException;
import dev.synergylink.tinyplus.TinyPlusPermissionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A run stopped early says why as a typed cause a host can act on, with the underlying exception. */
class StopCauseTest {
  private final Fixture f = new Fixture(RecordType.COMPANY).started();

  @Test
  void synergyRefusingTheCredentialsOnEveryCallStopsTheRunForAuthentication() {
    f.synergy.faults().onEveryOperation().answer(Fault.unauthorized());

    StopCause cause = f.cycle().stopCause();

    assertThat(cause.kind()).isEqualTo(StopCause.Kind.AUTHENTICATION);
    assertThat(cause.side()).isEqualTo(Side.SYNERGY);
    assertThat(cause.exception()).isInstanceOf(SynergyAuthenticationException.class);
    assertThat(cause.message()).startsWith("Synergy stopped the run:").contains("401");
  }

  @Test
  void tinyPlusRefusingTheCredentialsStopsTheRunForAuthentication() {
    f.tinyPlus.faults().onEveryOperation().answer(Fault.unauthorized());

    StopCause cause = f.cycle().stopCause();

    assertThat(cause.kind()).isEqualTo(StopCause.Kind.AUTHENTICATION);
    assertThat(cause.side()).isEqualTo(Side.TINYPLUS);
    assertThat(cause.exception()).isInstanceOf(TinyPlusAuthenticationException.class);
  }

  @Test
  void aUserWithoutPermissionStopsTheRunForAuthorisation() {
    f.tinyPlus.faults().onEveryOperation().answer(Fault.forbidden());

    StopCause cause = f.cycle().stopCause();

    assertThat(cause.kind()).isEqualTo(StopCause.Kind.AUTHORISATION);
    assertThat(cause.side()).isEqualTo(Side.TINYPLUS);
    assertThat(cause.exception()).isInstanceOf(TinyPlusPermissionException.class);
  }

  @Test
  void aRateLimitStopsTheRunWithTheTimeToRetry() {
    f.synergy.faults().on(SynergyOperation.LIST_CONTACTS).answer(Fault.rateLimited(Duration.ofMinutes(5)));

    SyncReport report = f.cycle();

    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.RATE_LIMITED);
    assertThat(report.stopCause().retryAt()).isEqualTo(report.finishedAt().plus(Duration.ofMinutes(5)));
    assertThat(report.stopCause().exception()).isInstanceOf(SynergyRateLimitedException.class);
  }

  @Test
  void aSpentDailyQuotaStopsTheRunUntilTheQuotaResets() {
    // Given a Synergy organisation on a daily quota of three calls
    ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
    SynergyFake synergy = SynergyFake.builder(clock).dailyQuota(3).build();
    SyncEngine engine = SyncEngine.builder().synergy(synergy).tinyPlus(TinyPlusFake.builder(clock).build())
        .stateStore(InMemoryStateStore.create()).clock(clock)
        .settings(SyncSettings.builder().connectionId("acme").synergyOrganisation(synergy.organisation())
            .masterSwitch(true).addEnabledTypes(RecordType.COMPANY).build())
        .build();

    // When another app spends the quota, and cycles run with changes to write until one is stopped
    SyncReport report = engine.syncOnce();
    for (int i = 0; i < 3; i++) {
      synergy.projectStatuses();
    }
    for (int i = 0; i < 5 && !report.aborted(); i++) {
      clock.advance(Duration.ofMinutes(1));
      synergy.webApp().createContact(ContactCreate.builder().name("Acme " + i).build());
      report = engine.syncOnce();
    }

    // Then the quota stopped it before any call was refused, and the next run may go at the quota's reset
    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.QUOTA_SPENT);
    assertThat(report.stopCause().side()).isEqualTo(Side.SYNERGY);
    assertThat(report.stopCause().retryAt()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
  }

  @Test
  void aServiceAnswering503StopsTheRunAsUnavailable() {
    f.synergy.faults().onEveryOperation().answer(Fault.unavailable(Duration.ofSeconds(30)));

    SyncReport report = f.cycle();

    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.SERVICE_UNAVAILABLE);
    assertThat(report.stopCause().retryAt()).isEqualTo(report.finishedAt().plusSeconds(30));
    assertThat(report.stopCause().exception()).isInstanceOf(SynergyServerException.class);
  }

  @Test
  void anAnswerThatCannotBeReadStopsTheRunAsUnexpected() {
    f.synergy.faults().on(SynergyOperation.LIST_CONTACTS).answer(Fault.malformedBody());

    StopCause cause = f.cycle().stopCause();

    assertThat(cause.kind()).isEqualTo(StopCause.Kind.UNEXPECTED);
    assertThat(cause.exception()).isInstanceOf(SynergyUnreadableResponseException.class);
  }

  @Test
  void aLeaseTakenOverByAnotherWorkerStopsTheRunAsLeaseLost() {
    // Given an engine whose first record event comes after its lease ran out and another worker took it over
    SyncEngine other = f.worker(b -> b.holder("other"));
    AtomicBoolean once = new AtomicBoolean();
    f.rebuild(b -> b.holder("first").addListener(new SyncListener() {
      @Override
      public void onRecord(dev.synergylink.sync.RecordEvent event) {
        if (once.compareAndSet(false, true)) {
          f.clock.advance(Duration.ofHours(1));
          other.syncOnce();
        }
      }
    }));
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().createContact(ContactCreate.builder().name("Acme").build());
    f.synergy.webApp().createContact(ContactCreate.builder().name("Bolt").build());

    // When the engine runs a cycle
    SyncReport report = f.cycle();

    // Then the run stopped without throwing, and says the lease was lost
    assertThat(once).isTrue();
    assertThat(report.stopCause().kind()).isEqualTo(StopCause.Kind.LEASE_LOST);
    assertThat(report.stopCause().side()).isNull();
    assertThat(report.stopCause().exception()).isInstanceOf(LeaseLostException.class);
  }

  @Test
  void aViewStoppedByASystemThrowsItsTypedCause() {
    f.tinyPlus.faults().on(TinyPlusOperation.LIST_TEAM_MEMBERS).answer(Fault.unauthorized());

    SyncStoppedException e = catchThrowableOfType(SyncStoppedException.class,
        () -> f.engine.teamMembers().suggestions());

    assertThat(e.stopCause().kind()).isEqualTo(StopCause.Kind.AUTHENTICATION);
    assertThat(e.stopCause().side()).isEqualTo(Side.TINYPLUS);
    assertThat(e.getCause()).isInstanceOf(TinyPlusAuthenticationException.class);
  }
}
