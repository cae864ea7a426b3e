package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.LeaseLostException;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.RecordFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(5);

  private final InMemoryStateStore store = InMemoryStateStore.create();

  private Lease lease() {
    return store.acquireLease("acme", "worker-1", NOW, TTL).orElseThrow();
  }

  private static Link link(long synergyId, long tinyPlusId) {
    return Link.builder()
        .recordType(RecordType.COMPANY)
        .synergyId(synergyId)
        .tinyPlusId(tinyPlusId)
        .state(EncodedState.of("{\"v\":1,\"fields\":{\"name\":\"Acme\"}}"))
        .syncedAt(NOW)
        .build();
  }

  @Test
  void aSecondHolderIsRefusedUntilTheLeaseExpires() {
    Lease first = lease();

    assertThat(store.acquireLease("acme", "worker-2", NOW.plusSeconds(60), TTL)).isEmpty();
    assertThat(store.currentLease("acme", NOW.plusSeconds(60))).contains(first);
    assertThat(store.acquireLease("other", "worker-2", NOW, TTL)).isPresent();

    Lease second = store.acquireLease("acme", "worker-2", NOW.plus(TTL), TTL).orElseThrow();
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
  }

  @Test
  void aStaleLeaseCannotChangeState() {
    Lease first = lease();
    Lease second = store.acquireLease("acme", "worker-2", NOW.plus(TTL), TTL).orElseThrow();

    assertThatThrownBy(() -> store.saveCursor(first, RecordType.COMPANY, Side.SYNERGY, Cursor.of(NOW, 1)))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("worker-1")
        .hasMessageContaining("worker-2");
    store.saveCursor(second, RecordType.COMPANY, Side.SYNERGY, Cursor.of(NOW, 1));
    assertThat(store.cursor("acme", RecordType.COMPANY, Side.SYNERGY)).contains(Cursor.of(NOW, 1));
  }

  @Test
  void releasedLeaseCanBeTakenAndRenewalKeepsTheToken() {
    Lease first = lease();
    Lease renewed = store.renewLease(first, NOW.plusSeconds(100), TTL);
    assertThat(renewed.fencingToken()).isEqualTo(first.fencingToken());
    assertThat(renewed.expiresAt()).isEqualTo(NOW.plusSeconds(100).plus(TTL));

    store.releaseLease(renewed);
    assertThat(store.acquireLease("acme", "worker-2", NOW, TTL)).isPresent();
  }

  @Test
  void aLinkIsUniqueOnEachSide() {
    Lease lease = lease();
    store.saveLink(lease, link(1, 10));
    store.saveLink(lease, link(2, 10));

    assertThat(store.linksBySynergyId("acme", RecordType.COMPANY, List.of(1L, 2L))).containsOnlyKeys(2L);
    assertThat(store.linksByTinyPlusId("acme", RecordType.COMPANY, List.of(10L)).get(10L).synergyId()).isEqualTo(2);
    assertThat(store.links("acme", RecordType.CONTACT)).isEmpty();

    store.deleteLink(lease, RecordType.COMPANY, 2);
    assertThat(store.links("acme", RecordType.COMPANY)).isEmpty();
  }

  @Test
  void pendingCreatesAreKeyedByTargetAndSource() {
    Lease lease = lease();
    PendingCreate intent = PendingCreate.builder()
        .recordType(RecordType.COMPANY)
        .target(Side.TINYPLUS)
        .sourceId(7)
        .marker("7")
        .sent(EncodedState.of("{\"v\":1,\"fields\":{}}"))
        .createdAt(NOW)
        .build();
    store.savePendingCreate(lease, intent);
    store.savePendingCreate(lease, PendingCreate.builder().from(intent).createdAt(NOW.plusSeconds(1)).build());

    assertThat(store.pendingCreates("acme", RecordType.COMPANY)).hasSize(1);
    store.completePendingCreate(lease, intent);
    assertThat(store.pendingCreates("acme")).isEmpty();
  }

  @Test
  void dueFailuresComeEarliestFirst() {
    Lease lease = lease();
    store.saveFailure(lease, failure(1, NOW.plusSeconds(30)));
    store.saveFailure(lease, failure(2, NOW.plusSeconds(10)));
    store.saveFailure(lease, failure(3, NOW.plusSeconds(99)));

    assertThat(store.dueFailures("acme", RecordType.COMPANY, NOW.plusSeconds(30), 10))
        .extracting(RecordFailure::recordId)
        .containsExactly(2L, 1L);
    Map<Long, RecordFailure> found = store.failures("acme", RecordType.COMPANY, Side.TINYPLUS, List.of(1L, 5L));
    assertThat(found).containsOnlyKeys(1L);

    store.clearFailure(lease, RecordType.COMPANY, Side.TINYPLUS, 1);
    assertThat(store.failures("acme")).extracting(RecordFailure::recordId).containsExactlyInAnyOrder(2L, 3L);
  }

  private static RecordFailure failure(long id, Instant nextRetry) {
    return RecordFailure.builder()
        .recordType(RecordType.COMPANY)
        .side(Side.TINYPLUS)
        .recordId(id)
        .kind(RecordFailure.Kind.FAILING)
        .field("abn")
        .message("ABN checksum failed")
        .attempts(1)
        .nextRetry(nextRetry)
        .firstFailedAt(NOW)
        .build();
  }
}
