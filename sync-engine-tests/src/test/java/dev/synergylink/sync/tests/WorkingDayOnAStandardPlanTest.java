package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.SecurityLevel;
import dev.synergylink.tinyplus.CompanyPatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A working day of edits on both sides on Synergy's standard plan (300 calls a day): a host that builds an engine per
 * run, runs when the report advises and at least every 10 minutes for tiny+'s edits, never passes the quota, never
 * gets a 429, and every edit arrives. Prints the freshness each record type got.
 */
class WorkingDayOnAStandardPlanTest {
  private static final long SEED = 17;
  private static final Instant DAY = Instant.parse("2026-11-30T00:00:00Z");

  private final ManualClock clock = ManualClock.at(DAY.minus(Duration.ofHours(4)));
  private final SynergyFake synergy = SynergyFake.builder(clock).dailyQuota(SynergyFake.STANDARD_DAILY_QUOTA).build();
  private final TinyPlusFake tinyPlus = TinyPlusFake.builder(clock).build();
  private final InMemoryStateStore store = InMemoryStateStore.create();
  private final SyncSettings settings = SyncSettings.builder()
      .connectionId("acme")
      .synergyOrganisation(synergy.organisation())
      .masterSwitch(true)
      .addEnabledTypes(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT)
      .build();

  /** An edit on one side, waiting to be seen on the other. */
  private record Edit(String what, Instant at, BooleanSupplier arrived) {}

  @Test
  void aWorkingDayOfEditsStaysWithinTheQuotaWithoutA429() {
    // Given 20 companies with a contact each, synced the evening before
    synergy.webApp().addStaff("Ada", "Lovelace", "ada@firm.example", SecurityLevel.STANDARD);
    List<Long> companies = new ArrayList<>();
    List<Long> people = new ArrayList<>();
    run();
    for (int i = 0; i < 20; i++) {
      long company = synergy.webApp().createContact(ContactCreate.builder().name("Company " + i).build()).id();
      companies.add(company);
      people.add(synergy.webApp().createPersonnel(PersonnelCreate.builder().parentContactId(company)
          .firstName("Person").lastName(Integer.toString(i)).build()).id());
    }
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(1));
      run();
    }
    assertThat(tinyPlus.webApp().contacts()).hasSize(20);

    // When, from 08:00 to 18:00, someone edits a company or a contact on either side every 15 minutes or so, and the
    // host runs the engine when advised (at least every 10 minutes, at most every minute) all day
    Random random = new Random(SEED);
    TreeMap<Instant, Runnable> edits = new TreeMap<>();
    List<Edit> pending = new ArrayList<>();
    List<Edit> done = new ArrayList<>();
    Map<Edit, Duration> latency = new java.util.HashMap<>();
    Instant at = DAY.plus(Duration.ofHours(8));
    for (int n = 0; at.isBefore(DAY.plus(Duration.ofHours(18))); n++) {
      at = at.plusSeconds(300 + random.nextInt(1200));
      int k = random.nextInt(20);
      boolean inSynergy = random.nextBoolean();
      boolean company = random.nextBoolean();
      String value = "v" + n;
      Instant when = at;
      edits.put(at, () -> pending.add(edit(company, inSynergy, companies.get(k), people.get(k), value, when)));
    }
    clock.setTo(DAY);
    synergy.calls().reset();
    Instant nextRun = DAY;
    List<SyncReport> reports = new ArrayList<>();
    Instant end = DAY.plus(Duration.ofDays(1)).minusSeconds(1);
    while (clock.instant().isBefore(end)) {
      Map.Entry<Instant, Runnable> edit = edits.firstEntry();
      if (edit != null && !edit.getKey().isAfter(nextRun)) {
        clock.setTo(edit.getKey());
        edits.pollFirstEntry().getValue().run();
        continue;
      }
      if (nextRun.isAfter(end)) {
        break;
      }
      clock.setTo(nextRun);
      SyncReport report = run();
      reports.add(report);
      for (Iterator<Edit> it = pending.iterator(); it.hasNext(); ) {
        Edit e = it.next();
        if (e.arrived().getAsBoolean()) {
          latency.put(e, Duration.between(e.at(), report.finishedAt()));
          done.add(e);
          it.remove();
        }
      }
      Instant advised = report.nextRunAdvisedAt() == null ? clock.instant() : report.nextRunAdvisedAt();
      Instant earliest = clock.instant().plus(Duration.ofMinutes(1));
      Instant latest = clock.instant().plus(Duration.ofMinutes(10));
      nextRun = advised.isBefore(earliest) ? earliest : advised.isAfter(latest) ? latest : advised;
    }

    // Then the day's Synergy calls stayed within the quota, none was refused, and every edit arrived
    assertThat(synergy.calls().total()).isLessThanOrEqualTo(SynergyFake.STANDARD_DAILY_QUOTA);
    assertThat(reports).allSatisfy(r -> assertThat(r.stopCause()).as(r.abortedBecause()).isNull());
    assertThat(pending).as("edits that never arrived").isEmpty();
    assertThat(done).hasSizeGreaterThan(20);
    print(done, latency, reports.size());
  }

  private Edit edit(boolean company, boolean inSynergy, long synergyCompany, long synergyPerson, String value,
      Instant at) {
    if (company) {
      String email = value + "@acme.example";
      long copy = tinyPlus.webApp().companies().stream().filter(c -> Long.toString(synergyCompany).equals(c.remoteId()))
          .findFirst().orElseThrow().id();
      if (inSynergy) {
        synergy.webApp().editContact(synergyCompany, ContactPatch.builder().email(email).build());
        return new Edit("companies Synergy -> tiny+", at, () -> email.equals(tinyPlus.webApp().company(copy).email()));
      }
      tinyPlus.webApp().editCompany(copy, CompanyPatch.builder().email(email).build());
      return new Edit("companies tiny+ -> Synergy", at,
          () -> email.equals(synergy.webApp().contact(synergyCompany).email()));
    }
    long copy = tinyPlus.webApp().contacts().stream().filter(c -> Long.toString(synergyPerson).equals(c.remoteId()))
        .findFirst().orElseThrow().id();
    if (inSynergy) {
      synergy.webApp().editPersonnel(synergyPerson, PersonnelPatch.builder().title(value).build());
      return new Edit("contacts  Synergy -> tiny+", at, () -> value.equals(tinyPlus.webApp().contact(copy).role()));
    }
    tinyPlus.webApp().editContact(copy, dev.synergylink.tinyplus.ContactPatch.builder().role(value).build());
    return new Edit("contacts  tiny+ -> Synergy", at,
        () -> value.equals(synergy.webApp().personnel(synergyPerson).title()));
  }

  /** One run of a new engine, as a host that builds an engine per run makes it. */
  private SyncReport run() {
    return SyncEngine.builder().synergy(synergy).tinyPlus(tinyPlus).stateStore(store).settings(settings)
        .clock(clock).build().syncOnce();
  }

  private void print(List<Edit> done, Map<Edit, Duration> latency, int runs) {
    TreeMap<String, List<Long>> minutes = new TreeMap<>();
    for (Edit e : done) {
      minutes.computeIfAbsent(e.what(), k -> new ArrayList<>()).add(latency.get(e).toSeconds());
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "A working day on a %d-call plan (seed %d): %d Synergy calls, %d runs; freshness (edit to other side):%n",
        SynergyFake.STANDARD_DAILY_QUOTA, SEED, synergy.calls().total(), runs));
    out.append(String.format(Locale.ROOT, "  Synergy lists read: staff %d, contacts %d, personnel %d%n",
        synergy.calls().count(SynergyOperation.LIST_STAFF), synergy.calls().count(SynergyOperation.LIST_CONTACTS),
        synergy.calls().count(SynergyOperation.LIST_PERSONNEL)));
    minutes.forEach((what, seconds) -> {
      seconds.sort(null);
      out.append(String.format(Locale.ROOT, "  %-27s %2d edits, median %4.1f min, max %4.1f min%n", what,
          seconds.size(), seconds.get(seconds.size() / 2) / 60.0, seconds.get(seconds.size() - 1) / 60.0));
    });
    System.out.print(out);
  }
}
