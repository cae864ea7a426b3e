package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.SynergyOperation;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.tinyplus.ContactCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A record left out for a reason of its own (issue 16, item 6) is tried again on its retry schedule at the cost of a
 * read of that one record while the reason holds: no marker search and no listing of the other side for a
 * natural-key match.
 */
class ExcludedRecordRetryCostTest {
  @Test
  void aContactWithoutASyncedCompanyIsRecheckedByOneReadOfItself() {
    // Given a tiny+ contact with no company, left out by a cycle (Synergy personnel need a parent company)
    Fixture f = new Fixture(RecordType.COMPANY, RecordType.CONTACT).started();
    f.tinyPlus.webApp().createContact(ContactCreate.builder().firstName("Ada").lastName("Lovelace").build());
    f.cycle();
    assertThat(f.engine.health().counts(RecordType.CONTACT).excluded()).isEqualTo(1);
    f.resetCounts();

    // When a cycle comes after the contact's retry time (the first retry delay is a minute): the contact is listed
    // again (the newest record, inside the poll's lookback) or, if not, read for its retry
    f.clock.advance(Duration.ofMinutes(5));
    f.cycle();

    // Then the re-check cost nothing in Synergy besides the cycle's own polls (no marker search, no listing for a
    // natural-key match), at most one read of the contact in tiny+, and the contact is still left out
    assertThat(f.synergy.calls().asMap()).containsOnly(entry(SynergyOperation.LIST_CONTACTS, 1L),
        entry(SynergyOperation.LIST_PERSONNEL, 1L));
    assertThat(f.tinyPlus.calls().asMap().keySet()).isSubsetOf(TinyPlusOperation.LIST_COMPANIES,
        TinyPlusOperation.LIST_CONTACTS, TinyPlusOperation.GET_CONTACT);
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.LIST_CONTACTS)).isEqualTo(1);
    assertThat(f.tinyPlus.calls().count(TinyPlusOperation.GET_CONTACT)).isLessThanOrEqualTo(1);
    assertThat(f.engine.health().counts(RecordType.CONTACT).excluded()).isEqualTo(1);
    assertThat(f.synergy.webApp().personnel()).isEmpty();
  }
}
