package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.OrderBy;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.UndecodableRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Synergy record the client cannot read (a member in another format) is quarantined with the member and the reason;
 * the rest of its page, the other pages and the cycle go on.
 */
class UnreadableRecordTest {
  private static final long UNREADABLE_ID = 987_654;

  private final Fixture f = new Fixture(RecordType.COMPANY).withSettings(s -> s.pageSize(2));

  @Test
  void anUnreadableRecordIsQuarantinedAndTheRestOfTheListingGoesOn() {
    for (int i = 1; i <= 5; i++) {
      f.synergy.webApp().createContact(ContactCreate.builder().name("Firm " + i).build());
    }
    f.clock.advance(Duration.ofSeconds(6));
    // Synergy's first contacts page ends with a record the client could not read, in Firm 2's place
    SyncEngine engine = f.worker(b -> b.synergy(new ContactsListedBy(f.synergy, (query, page) -> {
      if (query.page() != 1 || query.orderBy() != OrderBy.ID) {
        return page;
      }
      List<Contact> items = new ArrayList<>(page.items());
      UndecodableRecord unreadable = UndecodableRecord.builder().id(UNREADABLE_ID).index(items.size() - 1)
          .member("modifiedDate").reason("modifiedDate is not a date").build();
      return Page.of(items.subList(0, items.size() - 1), page.totalItems(), List.of(unreadable));
    })));

    SyncReport report = engine.downloadAll(RecordType.COMPANY, ProgressListener.none());

    // the record listed in Firm 2's place could not be read; the records on the pages after it still arrive
    assertThat(f.tinyPlus.webApp().companies()).extracting(c -> c.name())
        .contains("Firm 1", "Firm 3", "Firm 4", "Firm 5").doesNotContain("Firm 2");
    assertThat(report.stopCause()).isNull();
    RecordFailure failure = engine.health().failures().stream()
        .filter(r -> r.side() == Side.SYNERGY && r.recordId() == UNREADABLE_ID).findFirst().orElseThrow();
    assertThat(failure.field()).isEqualTo("modifiedDate");
    assertThat(failure.message()).contains("not a date").contains("correct it in Synergy");
  }
}
