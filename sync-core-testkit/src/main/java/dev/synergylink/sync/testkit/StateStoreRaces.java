package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.LeaseLostException;
import dev.synergylink.sync.spi.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The two-thread parts of {@link StateStoreContract}, each bounded in rounds and time. */
final class StateStoreRaces {
  private static final int ROUNDS = 20;
  private static final long MOST_WRITES = 1_000_000;
  private static final long SECONDS = 60;

  private StateStoreRaces() {}

  static void exactlyOneWins(StateStore store, String connection, Instant now, Duration ttl) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String id = connection + "-race-" + round;
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Optional<Lease>> first = workers.submit(() -> {
          start.await(SECONDS, TimeUnit.SECONDS);
          return store.acquireLease(id, "worker-1", now, ttl);
        });
        Future<Optional<Lease>> second = workers.submit(() -> {
          start.await(SECONDS, TimeUnit.SECONDS);
          return store.acquireLease(id, "worker-2", now, ttl);
        });
        boolean firstWon = first.get(SECONDS, TimeUnit.SECONDS).isPresent();
        boolean secondWon = second.get(SECONDS, TimeUnit.SECONDS).isPresent();
        assertThat(firstWon ^ secondWon).as("exactly one of two workers takes the lease of " + id).isTrue();
      }
    } finally {
      workers.shutdownNow();
    }
  }

  static void noWriteAfterTakeover(StateStore store, String connection, Instant now, Duration ttl)
      throws Exception {
    Lease first = store.acquireLease(connection, "worker-1", now, ttl).orElseThrow();
    CountDownLatch writing = new CountDownLatch(5);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      // worker-1 pauses (its lease runs out) but keeps writing, as a stalled worker would when it wakes up
      Future<Long> written = worker.submit(() -> {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        for (long id = 1; id <= MOST_WRITES && System.nanoTime() < deadline; id++) {
          try {
            store.saveLink(first, StateStoreContract.link(id, id, "worker-1"));
          } catch (LeaseLostException e) {
            return id - 1;
          }
          writing.countDown();
        }
        throw new AssertionError("worker-1 was never refused");
      });
      assertThat(writing.await(SECONDS, TimeUnit.SECONDS)).as("worker-1 writes").isTrue();
      Lease second = store.acquireLease(connection, "worker-2", now.plus(ttl), ttl).orElseThrow();
      int atTakeover = store.links(connection, RecordType.COMPANY).size();
      long savedByFirst = written.get(SECONDS, TimeUnit.SECONDS);

      assertThat(store.links(connection, RecordType.COMPANY))
          .as("links saved after worker-2 took the lease over").hasSize(atTakeover);
      assertThat((long) atTakeover).isEqualTo(savedByFirst);
      store.saveLink(second, StateStoreContract.link(MOST_WRITES + 1, MOST_WRITES + 1, "worker-2"));
      assertThat(store.links(connection, RecordType.COMPANY)).hasSize(atTakeover + 1);
    } finally {
      worker.shutdownNow();
    }
  }
}
