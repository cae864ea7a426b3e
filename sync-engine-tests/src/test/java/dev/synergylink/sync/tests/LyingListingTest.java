package dev.synergylink.sync.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.Page;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that always answers the same full page, whatever page is asked for (its total lies), cannot keep a
 * Download all or a cycle paging forever: the listing is stopped as making no progress and the record type stops
 * alone, with the reason.
 */
class LyingListingTest {
  private final Fixture f = new Fixture(RecordType.COMPANY).withSettings(s -> s.pageSize(2));
  private final AtomicInteger listCalls = new AtomicInteger();

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aDownloadAllOverAListingThatNeverEndsStops() {
    for (int i = 1; i <= 3; i++) {
      f.synergy.webApp().createContact(ContactCreate.builder().name("Firm " + i).build());
    }
    f.clock.advance(Duration.ofSeconds(6));
    SyncEngine engine = f.worker(b -> b.synergy(new ContactsListedBy(f.synergy, this::alwaysTheFirstPage)));

    SyncReport report = engine.downloadAll(RecordType.COMPANY, ProgressListener.none());

    StopCause cause = report.stopCause() != null ? report.stopCause()
        : report.stoppedTypes().get(RecordType.COMPANY);
    assertThat(cause).as("why the listing stopped").isNotNull();
    assertThat(cause.message()).contains("made no progress");
    assertThat(listCalls.get()).as("list calls").isLessThan(20);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aCycleOverAListingThatNeverEndsStops() {
    f.engine.syncOnce();
    f.clock.advance(Duration.ofSeconds(60));
    for (int i = 1; i <= 3; i++) {
      f.synergy.webApp().createContact(ContactCreate.builder().name("Firm " + i).build());
    }
    f.clock.advance(Duration.ofSeconds(6));
    SyncEngine engine = f.worker(b -> b.synergy(new ContactsListedBy(f.synergy, this::alwaysTheFirstPage)));

    SyncReport report = engine.syncOnce();

    StopCause cause = report.stopCause() != null ? report.stopCause()
        : report.stoppedTypes().get(RecordType.COMPANY);
    assertThat(cause).as("why the listing stopped").isNotNull();
    assertThat(cause.message()).contains("made no progress");
    assertThat(listCalls.get()).as("list calls").isLessThan(100);
  }

  private Page<dev.synergylink.synergy.Contact> alwaysTheFirstPage(ContactQuery query,
      Page<dev.synergylink.synergy.Contact> page) {
    listCalls.incrementAndGet();
    Page<dev.synergylink.synergy.Contact> first = f.synergy.contacts().list(query.withPage(1));
    return Page.of(first.items(), 4);
  }
}
