package dev.synergylink.benchmarks;

import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.PersonnelQuery;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.TeamMemberQuery;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The baseline: a naive sync that lists everything on both sides every cycle (each record type, each side, every
 * page at the largest page size) and compares each record's modified instant with the one it saw in its last cycle.
 * Each record it finds changed costs it one write to the partner, the same as the engine; those writes are counted,
 * not sent (this poller only needs to count calls, and a write it sent would come back to it as a change). A
 * transfer (Download all, Upload all) lists both sides of the type once to match, then creates each record (and for an
 * upload, writes the link marker into the tiny+ record, as the engine does). Its list calls go through the same
 * clients as the engine's, so the fakes count them alike. Not thread-safe.
 */
final class FullScanPoller {
  /** One listing: a record type on one side. */
  private record Listing(String name, Function<FullScanPoller, Map<Long, Instant>> list) {}

  private static final List<Listing> LISTINGS = List.of(
      new Listing("Synergy staff", p -> p.synergy(c -> c.staff().listPages(StaffQuery.builder().build()),
          s -> s.id(), s -> s.modifiedDate())),
      new Listing("Synergy contacts", p -> p.synergy(c -> c.contacts().listPages(ContactQuery.builder().build()),
          s -> s.id(), s -> s.modifiedDate())),
      new Listing("Synergy personnel", p -> p.synergy(c -> c.personnel().listPages(PersonnelQuery.builder()
          .build()), s -> s.id(), s -> s.modifiedDate())),
      new Listing("Synergy projects", p -> p.synergy(c -> c.projects().listPages(ProjectQuery.builder().build()),
          s -> s.id(), s -> s.modifiedDate())),
      new Listing("tiny+ team members", p -> p.tinyPlus(c -> c.teamMembers().listPages(TeamMemberQuery.builder()
          .build()))),
      new Listing("tiny+ companies", p -> p.tinyPlus(c -> c.companies().listPages(CompanyQuery.builder().build()))),
      new Listing("tiny+ contacts", p -> p.tinyPlus(c -> c.contacts().listPages(
          dev.synergylink.tinyplus.ContactQuery.builder().build()))),
      new Listing("tiny+ projects", p -> p.tinyPlus(c -> c.projects().listPages(
          dev.synergylink.tinyplus.ProjectQuery.builder().build()))));

  private final SynergyClient synergy;
  private final TinyPlusClient tinyPlus;
  private final Map<String, Map<Long, Instant>> seen = new HashMap<>();
  private long writes;

  FullScanPoller(SynergyClient synergy, TinyPlusClient tinyPlus) {
    this.synergy = synergy;
    this.tinyPlus = tinyPlus;
  }

  /**
   * One cycle: every listing in full, compared with the last cycle's.
   *
   * @return the records found changed (new, edited or gone), each a write to its partner
   */
  long cycle() {
    long changed = 0;
    for (Listing listing : LISTINGS) {
      Map<Long, Instant> now = listing.list().apply(this);
      Map<Long, Instant> before = seen.put(listing.name(), now);
      if (before == null) {
        continue; // the first cycle only learns what there is
      }
      for (Map.Entry<Long, Instant> record : now.entrySet()) {
        if (!record.getValue().equals(before.get(record.getKey()))) {
          changed++;
        }
      }
      for (Long id : before.keySet()) {
        if (!now.containsKey(id)) {
          changed++;
        }
      }
    }
    writes += changed;
    return changed;
  }

  /**
   * The writes this poller would have sent since it was made.
   *
   * @return the count
   */
  long writes() {
    return writes;
  }

  /**
   * A transfer of one record type (index 1 companies, 2 contacts, 3 projects): both sides listed once to match, then
   * {@code records} creates, and as many link writes when the copies are made in Synergy.
   *
   * @param type the listing pair's index (1 to 3)
   * @param records the records sent
   * @param upload whether the copies are made in Synergy (each then marked in tiny+ by a write)
   * @return the writes it would send (its list calls are counted by the fakes)
   */
  long transfer(int type, long records, boolean upload) {
    LISTINGS.get(type).list().apply(this);
    LISTINGS.get(type + 4).list().apply(this);
    return upload ? 2 * records : records;
  }

  private <R> Map<Long, Instant> synergy(
      Function<SynergyClient, Iterable<dev.synergylink.synergy.Page<R>>> pages, Function<R, Long> id,
      Function<R, Instant> modified) {
    Map<Long, Instant> records = new HashMap<>();
    for (dev.synergylink.synergy.Page<R> page : pages.apply(synergy)) {
      for (R record : page.items()) {
        records.put(id.apply(record), modified.apply(record));
      }
    }
    return records;
  }

  private <R extends dev.synergylink.tinyplus.SyncedRecord> Map<Long, Instant> tinyPlus(
      Function<TinyPlusClient, Iterable<dev.synergylink.tinyplus.Page<R>>> pages) {
    Map<Long, Instant> records = new HashMap<>();
    for (dev.synergylink.tinyplus.Page<R> page : pages.apply(tinyPlus)) {
      for (R record : page.records()) {
        records.put(record.id(), record.modifiedDate());
      }
    }
    return records;
  }
}
