package dev.synergylink.sync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A real engine on the testkit fakes, its listener from {@link SyncMetrics}, read back from a registry. */
class SyncMetricsTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T01:00:00Z"));
  private final SynergyFake synergy = SynergyFake.builder(clock).dailyQuota(1000).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SyncMetrics metrics = SyncMetrics.create(registry, clock);
  private final ConnectionMetrics acme = metrics.connection("acme").synergy(synergy);
  private final SyncEngine engine = SyncEngine.builder()
      .synergy(synergy)
      .tinyPlus(tinyPlus)
      .stateStore(InMemoryStateStore.create())
      .clock(clock)
      .settings(SyncSettings.builder().connectionId("acme").synergyOrganisation(synergy.organisation())
          .masterSwitch(true).addEnabledTypes(RecordType.COMPANY).build())
      .addListener(acme)
      .build();

  {
    acme.health(engine::health);
  }

  @Test
  void runsWritesAndCallsAreCountedByOutcomeSystemAndType() {
    SyncReport first = cycle();
    synergy.webApp().createContact(ContactCreate.builder().name("Alpha").build());
    tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Beta").build());
    SyncReport second = cycle();

    assertThat(registry.get(ConnectionMetrics.RUNS).tags("connection", "acme", "operation", "sync", "outcome", "ok")
        .timer().count()).isEqualTo(2);
    assertThat(count(ConnectionMetrics.WRITES, "type", "company", "system", "tinyplus", "outcome", "created"))
        .isEqualTo(1);
    assertThat(count(ConnectionMetrics.WRITES, "type", "company", "system", "synergy", "outcome", "created"))
        .isEqualTo(1);
    assertThat(count(ConnectionMetrics.RECORDS, "type", "company", "system", "synergy", "outcome", "created"))
        .isEqualTo(1);
    assertThat(count(ConnectionMetrics.API_CALLS, "system", "synergy"))
        .isEqualTo(first.apiCalls(dev.synergylink.sync.Side.SYNERGY) + second.apiCalls(
            dev.synergylink.sync.Side.SYNERGY))
        .isPositive();
    assertThat(count(ConnectionMetrics.API_CALLS, "system", "tinyplus")).isPositive();
    assertThat(gauge(ConnectionMetrics.IN_SYNC, "type", "company")).isEqualTo(2);
  }

  @Test
  void aConflictIsCountedByTypeAndWinner() {
    cycle();
    Contact alpha = synergy.webApp().createContact(ContactCreate.builder().name("Alpha").build());
    cycle();
    Company copy = tinyPlus.webApp().companies().get(0);
    synergy.webApp().editContact(alpha.id(), ContactPatch.builder().website("https://synergy.example").build());
    clock.advance(Duration.ofSeconds(1));
    tinyPlus.webApp().editCompany(copy.id(), CompanyPatch.builder().website("https://tinyplus.example").build());

    SyncReport report = cycle();

    assertThat(report.conflicts()).isNotEmpty();
    double counted = registry.find(ConnectionMetrics.CONFLICTS).tags("connection", "acme", "type", "company")
        .counters().stream().mapToDouble(c -> c.count()).sum();
    assertThat(counted).isEqualTo(report.conflicts().size());
  }

  @Test
  void aStoppedRunIsTimedUnderItsStopCauseAndTheFreshnessGaugeKeepsGrowing() {
    cycle();
    synergy.faults().onEveryOperation().answer(Fault.unauthorized());
    clock.advance(Duration.ofMinutes(10));

    SyncReport stopped = engine.syncOnce();

    assertThat(stopped.aborted()).isTrue();
    assertThat(registry.get(ConnectionMetrics.RUNS).tags("connection", "acme", "outcome", "authentication")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(ConnectionMetrics.UNSYNCED_AGE).tags("connection", "acme").timeGauge()
        .value(TimeUnit.SECONDS)).as("seconds since the last finished cycle started").isEqualTo(600);
  }

  @Test
  void aQuarantinedRecordShowsInTheFailingGauge() {
    cycle();
    tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Bad").abn("12 345 678 901").build());

    cycle();

    assertThat(gauge(ConnectionMetrics.FAILING, "type", "company")).isEqualTo(1);
    assertThat(count(ConnectionMetrics.RECORDS, "type", "company", "system", "synergy", "outcome", "failed"))
        .isEqualTo(1);
  }

  @Test
  void theQuotaGaugesShowWhatSynergyLastReported() {
    cycle();
    synergy.webApp().createContact(ContactCreate.builder().name("Alpha").build());
    cycle();

    assertThat(gauge(ConnectionMetrics.QUOTA_LIMIT, "system", "synergy")).isEqualTo(1000);
    double remaining = gauge(ConnectionMetrics.QUOTA_REMAINING, "system", "synergy");
    assertThat(remaining).isEqualTo(synergy.lastQuota().orElseThrow().remaining()).isLessThan(1000);
    assertThat(gauge(ConnectionMetrics.QUOTA_SPENT, "system", "synergy")).isEqualTo(1000 - remaining);
  }

  @Test
  void removingAConnectionRemovesItsMeters() {
    cycle();
    metrics.connection("other");

    metrics.remove("acme");

    assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("connection")).isEqualTo("other"));
    assertThat(registry.getMeters()).isNotEmpty();
  }

  private SyncReport cycle() {
    clock.advance(Duration.ofMinutes(1));
    return engine.syncOnce();
  }

  private double count(String name, String... tags) {
    return registry.get(name).tag("connection", "acme").tags(tags).counter().count();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tag("connection", "acme").tags(tags).gauge().value();
  }
}
