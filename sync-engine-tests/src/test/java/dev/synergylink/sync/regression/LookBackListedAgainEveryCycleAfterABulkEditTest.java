package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.tests.Fixture;
import dev.synergylink.sync.tests.StoreWritesAccess;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each poll started at its cursor less the lookback however long ago the last poll ran, so after 250 companies were
 * edited within 5 s every idle cycle listed them again (4 list calls on that side instead of 1) and saved 251
 * unchanged links.
 */
class LookBackListedAgainEveryCycleAfterABulkEditTest {
  @Test
  void idleCyclesAfterABulkEditListOnePagePerSideAndSaveNoLink() {
    // Given 250 companies synced, then all edited in Synergy within 5 s and synced
    Fixture f = new Fixture(RecordType.COMPANY);
    StoreWritesAccess writes = StoreWritesAccess.watch(f);
    f.cycles(1, Duration.ofMinutes(1));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ids.add(f.synergy.webApp().createContact(ContactCreate.builder().name("Company " + i).build()).id());
      f.clock.advance(Duration.ofMillis(20));
    }
    f.cycles(2, Duration.ofMinutes(1));
    assertThat(f.tinyPlus.webApp().companies()).hasSize(250);
    for (long id : ids) {
      f.synergy.webApp().editContact(id, ContactPatch.builder().email(id + "@firm.example").build());
      f.clock.advance(Duration.ofMillis(20));
    }
    f.cycles(1, Duration.ofMinutes(1));
    assertThat(f.tinyPlus.webApp().companies()).allMatch(c -> c.email() != null && c.email().endsWith("@firm.example"));
    // the next cycle lists our own 250 writes back from tiny+ once (they came after that poll started)
    f.cycles(1, Duration.ofMinutes(1));
    f.synergy.calls().reset();
    f.tinyPlus.calls().reset();
    writes.take();

    // When three idle cycles run, a minute apart
    f.cycles(3, Duration.ofMinutes(1));

    // Then each lists one page per side and writes the store only for its lease and its cursors: what it spent of
    // the call budget goes with the lease's release
    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.LIST_CONTACTS, 3L));
    assertThat(f.tinyPlus.calls().asMap()).containsOnly(entry(TinyPlusOperation.LIST_COMPANIES, 3L));
    List<String> idleCycle = List.of("acquireLease", "saveCursor", "saveCursor", "releaseLease");
    List<String> threeIdleCycles = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      threeIdleCycles.addAll(idleCycle);
    }
    assertThat(writes.take()).containsExactlyElementsOf(threeIdleCycles);
  }

  @Test
  void ourOwnWritesListedBackSaveNoLink() {
    // Given a company edited in Synergy and synced to tiny+
    Fixture f = new Fixture(RecordType.COMPANY);
    StoreWritesAccess writes = StoreWritesAccess.watch(f);
    long acme = f.startedWithSyncedSynergyCompany("Acme");
    f.cycles(1, Duration.ofMinutes(1));
    f.synergy.webApp().editContact(acme, ContactPatch.builder().email("info@acme.example").build());
    f.cycles(1, Duration.ofMinutes(1));
    writes.take();

    // When the next cycle lists the tiny+ write back
    f.cycles(1, Duration.ofMinutes(1));

    // Then it saves no link
    assertThat(writes.take()).doesNotContain("saveLink");
  }
}
