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
import dev.synergylink.sync.spi.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StateStore} keeps, as JUnit 5 tests: extend it with your store and run it with your
 * tests. Each test works in a connection id of its own, so a store that keeps its data between tests (a database)
 * needs no cleaning.
 *
 * <pre>{@code
 * class MyStateStoreTest extends StateStoreContract {
 *   protected StateStore store() {
 *     return myStore;
 *   }
 * }
 * }</pre>
 *
 * <p>It covers each method's contract, leases and fencing (two threads racing for a lease; a worker whose lease was
 * taken over writing nothing after the takeover), {@link StateStore#atomically} keeping all or none of a group of
 * changes, and exact round trips of every stored value. Instants are given to the microsecond, which every store
 * must keep. The concurrency tests run for a bounded number of rounds.
 */
public abstract class StateStoreContract {
  /** A time with microseconds, which every store keeps exactly. */
  protected static final Instant NOW = Instant.parse("2026-12-07T09:15:30.123456Z");
  private static final Duration TTL = Duration.ofMinutes(15);

  private StateStore store;
  private String connection;

  /**
   * The store under test; called before each test. It may be the same store every time.
   *
   * @return the store
   */
  protected abstract StateStore store();

  @BeforeEach
  void start() {
    store = store();
    connection = "contract-" + UUID.randomUUID();
  }

  // ---- the lease ----

  @Test
  void aLeaseIsHeldByOneHolderUntilItExpires() {
    Lease first = acquire("worker-1", NOW);
    assertThat(store.acquireLease(connection, "worker-2", NOW.plusSeconds(60), TTL)).isEmpty();
    assertThat(store.currentLease(connection, NOW.plusSeconds(60))).contains(first);
    assertThat(store.currentLease(connection, NOW.plus(TTL))).isEmpty();
  }

  @Test
  void anExpiredLeaseIsTakenOverWithAHigherFencingToken() {
    Lease first = acquire("worker-1", NOW);
    Lease second = acquire("worker-2", NOW.plus(TTL));
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    assertThat(second.holder()).isEqualTo("worker-2");
    assertThat(second.expiresAt()).isEqualTo(NOW.plus(TTL).plus(TTL));
  }

  @Test
  void renewingExtendsTheLeaseAndFailsOnceItWasTakenOver() {
    Lease first = acquire("worker-1", NOW);
    Lease renewed = store.renewLease(first, NOW.plusSeconds(600), TTL);
    assertThat(renewed.fencingToken()).isEqualTo(first.fencingToken());
    assertThat(renewed.expiresAt()).isEqualTo(NOW.plusSeconds(600).plus(TTL));
    assertThat(store.acquireLease(connection, "worker-2", NOW.plus(TTL), TTL)).isEmpty();

    acquire("worker-2", NOW.plusSeconds(600).plus(TTL));
    assertThatThrownBy(() -> store.renewLease(first, NOW.plusSeconds(1200).plus(TTL), TTL))
        .isInstanceOf(LeaseLostException.class);
  }

  @Test
  void releasingFreesTheLeaseAndTokensKeepGrowing() {
    Lease first = acquire("worker-1", NOW);
    store.releaseLease(first);
    assertThat(store.currentLease(connection, NOW)).isEmpty();
    Lease second = acquire("worker-2", NOW);
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());

    store.releaseLease(first);
    assertThat(store.currentLease(connection, NOW)).contains(second);
  }

  @Test
  void everyWriteUnderALeaseTakenOverIsRefusedAndChangesNothing() {
    Lease stale = acquire("worker-1", NOW);
    store.saveLink(stale, link(1, 10, "kept"));
    acquire("worker-2", NOW.plus(TTL));

    List<Consumer<Lease>> writes = List.of(
        lease -> store.saveLink(lease, link(1, 10, "overwritten")),
        lease -> store.deleteLink(lease, RecordType.COMPANY, 1),
        lease -> store.saveCursor(lease, RecordType.COMPANY, Side.SYNERGY, Cursor.of(NOW, 1)),
        lease -> store.saveTransferred(lease, RecordType.COMPANY, Side.SYNERGY),
        lease -> store.savePendingCreate(lease, intent(Side.TINYPLUS, 7, NOW)),
        lease -> store.completePendingCreate(lease, intent(Side.TINYPLUS, 7, NOW)),
        lease -> store.saveFailure(lease, failure(RecordType.COMPANY, Side.SYNERGY, 5, NOW)),
        lease -> store.clearFailure(lease, RecordType.COMPANY, Side.SYNERGY, 5),
        lease -> store.atomically(lease, () -> "nothing"));
    for (Consumer<Lease> write : writes) {
      assertThatThrownBy(() -> write.accept(stale)).isInstanceOf(LeaseLostException.class);
    }
    assertThat(store.links(connection, RecordType.COMPANY)).containsExactly(link(1, 10, "kept"));
    assertThat(store.cursor(connection, RecordType.COMPANY, Side.SYNERGY)).isEmpty();
    assertThat(store.transferred(connection, RecordType.COMPANY, Side.SYNERGY)).isFalse();
    assertThat(store.pendingCreates(connection, RecordType.COMPANY)).isEmpty();
    assertThat(store.failures(connection)).isEmpty();
  }

  @Test
  void aReleasedLeaseWritesNothing() {
    Lease lease = acquire("worker-1", NOW);
    store.releaseLease(lease);
    assertThatThrownBy(() -> store.saveLink(lease, link(1, 10, "late"))).isInstanceOf(LeaseLostException.class);
    assertThat(store.links(connection, RecordType.COMPANY)).isEmpty();
  }

  // ---- links ----

  @Test
  void linksAreFoundByEitherSidesIdsAPageAtATime() {
    Lease lease = acquire("worker-1", NOW);
    for (long id = 1; id <= 5; id++) {
      store.saveLink(lease, link(id, id * 10, "link " + id));
    }
    assertThat(store.linksBySynergyId(connection, RecordType.COMPANY, List.of(4L, 2L, 99L)))
        .containsExactly(Map.entry(4L, link(4, 40, "link 4")), Map.entry(2L, link(2, 20, "link 2")));
    assertThat(store.linksByTinyPlusId(connection, RecordType.COMPANY, List.of(30L, 31L)))
        .containsExactly(Map.entry(30L, link(3, 30, "link 3")));
    assertThat(store.linksBySynergyId(connection, RecordType.COMPANY, List.of())).isEmpty();
    assertThat(store.linksBySynergyId(connection, RecordType.CONTACT, List.of(1L))).isEmpty();
  }

  @Test
  void savingALinkReplacesTheLinksOfBothItsRecords() {
    Lease lease = acquire("worker-1", NOW);
    store.saveLink(lease, link(1, 10, "a"));
    store.saveLink(lease, link(2, 20, "b"));
    store.saveLink(lease, link(1, 20, "c"));

    assertThat(store.links(connection, RecordType.COMPANY)).containsExactly(link(1, 20, "c"));
    assertThat(store.linksByTinyPlusId(connection, RecordType.COMPANY, List.of(10L, 20L)))
        .containsExactly(Map.entry(20L, link(1, 20, "c")));
  }

  @Test
  void aLinkComesBackExactlyAsSaved() {
    Lease lease = acquire("worker-1", NOW);
    Link full = Link.builder()
        .recordType(RecordType.PROJECT)
        .synergyId(Long.MAX_VALUE)
        .tinyPlusId(1)
        .state(EncodedState.of("{\"v\":1,\"fields\":{\"name\":\"Ōtautahi \\\"Hub\\\" \\\\ 🏗\",\"e\":\"\\u001f\"}}"))
        .synergyModified(NOW.minusSeconds(5))
        .tinyPlusModified(Instant.parse("2026-03-29T01:30:00Z"))
        .orphaned(true)
        .syncedAt(NOW)
        .build();
    Link bare = Link.builder().from(link(2, 2, "bare")).synergyModified(null).tinyPlusModified(null).build();
    store.saveLink(lease, full);
    store.saveLink(lease, bare);

    assertThat(store.linksBySynergyId(connection, RecordType.PROJECT, List.of(Long.MAX_VALUE)))
        .containsExactly(Map.entry(Long.MAX_VALUE, full));
    assertThat(store.links(connection, RecordType.COMPANY)).containsExactly(bare);
  }

  @Test
  void linksAreListedInSynergyIdOrderPerTypeAndDeletedBySynergyId() {
    Lease lease = acquire("worker-1", NOW);
    store.saveLink(lease, link(3, 30, "c"));
    store.saveLink(lease, link(1, 10, "a"));
    store.saveLink(lease, Link.builder().from(link(2, 20, "other type")).recordType(RecordType.CONTACT).build());
    assertThat(store.links(connection, RecordType.COMPANY)).extracting(Link::synergyId).containsExactly(1L, 3L);

    store.deleteLink(lease, RecordType.COMPANY, 3);
    store.deleteLink(lease, RecordType.COMPANY, 99);
    assertThat(store.links(connection, RecordType.COMPANY)).containsExactly(link(1, 10, "a"));
    assertThat(store.linksByTinyPlusId(connection, RecordType.COMPANY, List.of(30L))).isEmpty();
    assertThat(store.links(connection, RecordType.CONTACT)).hasSize(1);
  }

  @Test
  void connectionsDoNotSeeEachOthersState() {
    Lease mine = acquire("worker-1", NOW);
    String other = connection + "-other";
    Lease theirs = store.acquireLease(other, "worker-2", NOW, TTL).orElseThrow();
    store.saveLink(mine, link(1, 10, "mine"));
    store.saveCursor(mine, RecordType.COMPANY, Side.SYNERGY, Cursor.of(NOW, 1));
    store.saveFailure(mine, failure(RecordType.COMPANY, Side.SYNERGY, 1, NOW));
    store.savePendingCreate(mine, intent(Side.SYNERGY, 1, NOW));

    assertThat(store.links(other, RecordType.COMPANY)).isEmpty();
    assertThat(store.linksBySynergyId(other, RecordType.COMPANY, List.of(1L))).isEmpty();
    assertThat(store.cursor(other, RecordType.COMPANY, Side.SYNERGY)).isEmpty();
    assertThat(store.failures(other)).isEmpty();
    assertThat(store.pendingCreates(other, RecordType.COMPANY)).isEmpty();
    store.saveLink(theirs, link(1, 10, "theirs"));
    assertThat(store.links(connection, RecordType.COMPANY)).containsExactly(link(1, 10, "mine"));
  }

  // ---- run history ----

  @Test
  void reportsComeBackNewestFirstExactlyAsSavedUpToTheLimit() {
    String note = " \u00e9 \"quoted\" \\ back";
    for (int i = 1; i <= 3; i++) {
      store.saveReport(connection, report(i, note), 10);
    }

    assertThat(store.reports(connection, 10)).containsExactly(report(3, note), report(2, note), report(1, note));
    assertThat(store.reports(connection, 2)).extracting(EncodedState::text)
        .containsExactly(report(3, note).text(), report(2, note).text());
    assertThat(store.reports(connection + "-other", 10)).isEmpty();
  }

  @Test
  void onlyTheNewestReportsOfAConnectionAreKept() {
    store.saveReport(connection + "-other", report(0, "theirs"), 5);
    for (int i = 1; i <= 7; i++) {
      store.saveReport(connection, report(i, "mine"), 3);
    }

    assertThat(store.reports(connection, 10)).containsExactly(report(7, "mine"), report(6, "mine"),
        report(5, "mine"));
    assertThat(store.reports(connection + "-other", 10)).containsExactly(report(0, "theirs"));
  }

  // ---- cursors ----

  @Test
  void aCursorIsKeptPerTypeAndSideAndReplacedAsSaved() {
    Lease lease = acquire("worker-1", NOW);
    assertThat(store.cursor(connection, RecordType.COMPANY, Side.SYNERGY)).isEmpty();
    store.saveCursor(lease, RecordType.COMPANY, Side.SYNERGY, Cursor.of(NOW, 7));
    store.saveCursor(lease, RecordType.COMPANY, Side.TINYPLUS, Cursor.of(NOW.minusSeconds(1), 3));
    store.saveCursor(lease, RecordType.CONTACT, Side.SYNERGY, Cursor.of(NOW.plusSeconds(1), 1));
    store.saveCursor(lease, RecordType.COMPANY, Side.SYNERGY, Cursor.of(NOW, 8));

    assertThat(store.cursor(connection, RecordType.COMPANY, Side.SYNERGY)).contains(Cursor.of(NOW, 8));
    assertThat(store.cursor(connection, RecordType.COMPANY, Side.TINYPLUS))
        .contains(Cursor.of(NOW.minusSeconds(1), 3));
    assertThat(store.cursor(connection, RecordType.CONTACT, Side.SYNERGY)).contains(Cursor.of(NOW.plusSeconds(1), 1));
    assertThat(store.cursor(connection, RecordType.CONTACT, Side.TINYPLUS)).isEmpty();
  }

  // ---- transfers ----

  @Test
  void aTransferThatWentThroughASideIsKeptPerTypeAndSide() {
    Lease lease = acquire("worker-1", NOW);
    assertThat(store.transferred(connection, RecordType.COMPANY, Side.SYNERGY)).isFalse();
    store.saveTransferred(lease, RecordType.COMPANY, Side.SYNERGY);
    store.saveTransferred(lease, RecordType.COMPANY, Side.SYNERGY);

    assertThat(store.transferred(connection, RecordType.COMPANY, Side.SYNERGY)).isTrue();
    assertThat(store.transferred(connection, RecordType.COMPANY, Side.TINYPLUS)).isFalse();
    assertThat(store.transferred(connection, RecordType.CONTACT, Side.SYNERGY)).isFalse();
    assertThat(store.transferred(connection + "-other", RecordType.COMPANY, Side.SYNERGY)).isFalse();
  }

  // ---- pending creates ----

  @Test
  void pendingCreatesAreKeyedByTargetAndSourceAndListedOldestFirst() {
    Lease lease = acquire("worker-1", NOW);
    store.savePendingCreate(lease, intent(Side.TINYPLUS, 7, NOW.plusSeconds(2)));
    store.savePendingCreate(lease, intent(Side.SYNERGY, 7, NOW));
    store.savePendingCreate(lease, intent(Side.TINYPLUS, 8, NOW.plusSeconds(1)));
    store.savePendingCreate(lease, intent(Side.TINYPLUS, 7, NOW.plusSeconds(3)));

    assertThat(store.pendingCreates(connection, RecordType.COMPANY)).containsExactly(
        intent(Side.SYNERGY, 7, NOW), intent(Side.TINYPLUS, 8, NOW.plusSeconds(1)),
        intent(Side.TINYPLUS, 7, NOW.plusSeconds(3)));
    store.completePendingCreate(lease, intent(Side.TINYPLUS, 7, NOW));
    store.completePendingCreate(lease, intent(Side.TINYPLUS, 99, NOW));
    assertThat(store.pendingCreates(connection, RecordType.COMPANY)).extracting(PendingCreate::sourceId)
        .containsExactly(7L, 8L);
    assertThat(store.pendingCreates(connection, RecordType.CONTACT)).isEmpty();
  }

  // ---- quarantine ----

  @Test
  void aFailureIsReplacedLookedUpAndCleared() {
    Lease lease = acquire("worker-1", NOW);
    RecordFailure first = failure(RecordType.COMPANY, Side.TINYPLUS, 5, NOW);
    RecordFailure again = RecordFailure.builder().from(first).attempts(2).field(null).recordModified(null)
        .kind(RecordFailure.Kind.EXCLUDED).message("waits for its company").build();
    store.saveFailure(lease, first);
    store.saveFailure(lease, again);
    store.saveFailure(lease, failure(RecordType.COMPANY, Side.SYNERGY, 5, NOW));

    assertThat(store.failures(connection, RecordType.COMPANY, Side.TINYPLUS, List.of(5L, 6L)))
        .containsExactly(Map.entry(5L, again));
    store.clearFailure(lease, RecordType.COMPANY, Side.TINYPLUS, 5);
    store.clearFailure(lease, RecordType.COMPANY, Side.TINYPLUS, 77);
    assertThat(store.failures(connection, RecordType.COMPANY, Side.TINYPLUS, List.of(5L))).isEmpty();
    assertThat(store.failures(connection)).containsExactly(failure(RecordType.COMPANY, Side.SYNERGY, 5, NOW));
  }

  @Test
  void dueFailuresComeEarliestRetryFirstUpToTheLimit() {
    Lease lease = acquire("worker-1", NOW);
    store.saveFailure(lease, failure(RecordType.COMPANY, Side.SYNERGY, 1, NOW.plusSeconds(30)));
    store.saveFailure(lease, failure(RecordType.COMPANY, Side.TINYPLUS, 2, NOW.minusSeconds(30)));
    store.saveFailure(lease, failure(RecordType.COMPANY, Side.SYNERGY, 3, NOW));
    store.saveFailure(lease, failure(RecordType.COMPANY, Side.SYNERGY, 4, NOW.minusSeconds(10)));
    store.saveFailure(lease, failure(RecordType.CONTACT, Side.SYNERGY, 5, NOW.minusSeconds(60)));

    assertThat(store.dueFailures(connection, RecordType.COMPANY, NOW, 10)).extracting(RecordFailure::recordId)
        .containsExactly(2L, 4L, 3L);
    assertThat(store.dueFailures(connection, RecordType.COMPANY, NOW, 2)).extracting(RecordFailure::recordId)
        .containsExactly(2L, 4L);
    assertThat(store.failures(connection)).hasSize(5);
  }

  // ---- groups of changes ----

  @Test
  void aGroupOfChangesIsKeptWhole() {
    Lease lease = acquire("worker-1", NOW);
    String result = store.atomically(lease, () -> {
      store.saveLink(lease, link(1, 10, "page"));
      store.saveCursor(lease, RecordType.COMPANY, Side.SYNERGY, Cursor.of(NOW, 1));
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(store.links(connection, RecordType.COMPANY)).containsExactly(link(1, 10, "page"));
    assertThat(store.cursor(connection, RecordType.COMPANY, Side.SYNERGY)).contains(Cursor.of(NOW, 1));
  }

  @Test
  void aGroupOfChangesThatFailsHalfwayLeavesNothing() {
    Lease lease = acquire("worker-1", NOW);
    store.saveLink(lease, link(1, 10, "before"));
    assertThatThrownBy(() -> store.atomically(lease, () -> {
      store.saveLink(lease, link(1, 10, "changed"));
      store.saveLink(lease, link(2, 20, "new"));
      store.saveCursor(lease, RecordType.COMPANY, Side.SYNERGY, Cursor.of(NOW, 2));
      store.saveFailure(lease, failure(RecordType.COMPANY, Side.SYNERGY, 3, NOW));
      throw new IllegalStateException("the worker crashed here");
    })).isInstanceOf(IllegalStateException.class).hasMessage("the worker crashed here");

    assertThat(store.links(connection, RecordType.COMPANY)).containsExactly(link(1, 10, "before"));
    assertThat(store.cursor(connection, RecordType.COMPANY, Side.SYNERGY)).isEmpty();
    assertThat(store.failures(connection)).isEmpty();
    store.saveLink(lease, link(3, 30, "after"));
    assertThat(store.links(connection, RecordType.COMPANY)).hasSize(2);
  }

  // ---- connection bookkeeping (the API economy) ----

  @Test
  void bookkeepingIsKeptPerConnectionAndKeyAndReplacedAsSaved() {
    Lease lease = acquire("worker-1", NOW);
    String value = "{\"v\":1,\"day\":\"2026-12-07\",\"spent\":12,\"note\":\"" + "x".repeat(5000) + "\"}";
    assertThat(store.bookkeeping(connection, "call-budget")).isEmpty();
    store.saveBookkeeping(lease, "call-budget", "{\"v\":1}");
    store.saveBookkeeping(lease, "call-budget", value);
    store.saveBookkeeping(lease, "project-statuses", "{}");

    assertThat(store.bookkeeping(connection, "call-budget")).contains(value);
    assertThat(store.bookkeeping(connection, "project-statuses")).contains("{}");
    assertThat(store.bookkeeping(connection + "-other", "call-budget")).isEmpty();
  }

  @Test
  void bookkeepingUnderALeaseTakenOverIsRefused() {
    Lease stale = acquire("worker-1", NOW);
    store.saveBookkeeping(stale, "call-budget", "kept");
    acquire("worker-2", NOW.plus(TTL));

    assertThatThrownBy(() -> store.saveBookkeeping(stale, "call-budget", "overwritten"))
        .isInstanceOf(LeaseLostException.class);
    assertThat(store.bookkeeping(connection, "call-budget")).contains("kept");
  }

  @Test
  void bookkeepingInAGroupThatFailsIsLeftAsItWas() {
    Lease lease = acquire("worker-1", NOW);
    store.saveBookkeeping(lease, "call-budget", "before");
    assertThatThrownBy(() -> store.atomically(lease, () -> {
      store.saveBookkeeping(lease, "call-budget", "changed");
      throw new IllegalStateException("the worker crashed here");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.bookkeeping(connection, "call-budget")).contains("before");
  }

  @Test
  void releasingALeaseKeepsTheRunsBookkeepingAndFreesTheLease() {
    Lease lease = acquire("worker-1", NOW);
    store.saveBookkeeping(lease, "project-statuses", "{}");

    boolean kept = store.releaseLease(lease, java.util.Map.of("call-budget", "{\"v\":\"1\",\"spent\":\"7\"}"));

    assertThat(kept).isTrue();
    assertThat(store.bookkeeping(connection, "call-budget")).contains("{\"v\":\"1\",\"spent\":\"7\"}");
    assertThat(store.bookkeeping(connection, "project-statuses")).contains("{}");
    assertThat(store.currentLease(connection, NOW)).isEmpty();
    assertThat(store.acquireLease(connection, "worker-2", NOW, TTL)).isPresent();
  }

  @Test
  void releasingALeaseTakenOverKeepsNothingAndLeavesTheNewLease() {
    Lease stale = acquire("worker-1", NOW);
    store.saveBookkeeping(stale, "call-budget", "kept");
    Lease current = acquire("worker-2", NOW.plus(TTL));

    boolean kept = store.releaseLease(stale, java.util.Map.of("call-budget", "overwritten"));

    assertThat(kept).isFalse();
    assertThat(store.bookkeeping(connection, "call-budget")).contains("kept");
    assertThat(store.currentLease(connection, NOW.plus(TTL))).contains(current);
  }

  // ---- two workers ----

  @Test
  void twoWorkersRacingForALeaseNeverBothGetIt() throws Exception {
    StateStoreRaces.exactlyOneWins(store, connection, NOW, TTL);
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverWritesNothingAfterTheTakeover() throws Exception {
    StateStoreRaces.noWriteAfterTakeover(store, connection, NOW, TTL);
  }

  // ---- helpers ----

  private Lease acquire(String holder, Instant now) {
    return store.acquireLease(connection, holder, now, TTL).orElseThrow(
        () -> new AssertionError(holder + " could not take the free lease of " + connection));
  }

  /**
   * A link of a company pair whose state carries a name.
   *
   * @param synergyId the Synergy id
   * @param tinyPlusId the tiny+ id
   * @param name a name kept in its state
   * @return the link
   */
  protected static Link link(long synergyId, long tinyPlusId, String name) {
    return Link.builder()
        .recordType(RecordType.COMPANY)
        .synergyId(synergyId)
        .tinyPlusId(tinyPlusId)
        .state(EncodedState.of("{\"v\":1,\"name\":\"" + name + "\"}"))
        .synergyModified(NOW.minusSeconds(1))
        .tinyPlusModified(NOW.minusSeconds(2))
        .syncedAt(NOW)
        .build();
  }

  private static PendingCreate intent(Side target, long sourceId, Instant createdAt) {
    return PendingCreate.builder()
        .recordType(RecordType.COMPANY)
        .target(target)
        .sourceId(sourceId)
        .marker((target == Side.SYNERGY ? "tinyplus:" : "") + sourceId)
        .sent(EncodedState.of("{\"v\":1,\"name\":\"Copy of " + sourceId + "\"}"))
        .createdAt(createdAt)
        .build();
  }

  private static RecordFailure failure(RecordType type, Side side, long id, Instant nextRetry) {
    return RecordFailure.builder()
        .recordType(type)
        .side(side)
        .recordId(id)
        .kind(RecordFailure.Kind.FAILING)
        .field("abn")
        .message("ABN 123 is not valid: correct it in tiny+")
        .attempts(1)
        .nextRetry(nextRetry)
        .recordModified(NOW.minusSeconds(90))
        .firstFailedAt(NOW.minusSeconds(60))
        .build();
  }

  /**
   * A report's text as the engine encodes one, numbered.
   *
   * @param n the number
   * @param note some text with characters that need escaping
   * @return the encoded report
   */
  protected static EncodedState report(int n, String note) {
    return EncodedState.of("{\"v\":1,\"n\":" + n + ",\"note\":\"" + note.replace("\\", "\\\\")
        .replace("\"", "\\\"") + "\"}");
  }
}
