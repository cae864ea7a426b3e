package dev.synergylink.sync.spi;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the engine remembers, kept by the host: links with their last-synced snapshots, cursors, pending
 * creates, quarantined records, the run lease and the reports of the last runs. Keyed by connection id, so one store
 * serves many connections.
 *
 * <p>Reads take the connection id; every change takes the {@link Lease} the change is made under, and an
 * implementation must refuse (throw {@link LeaseLostException}) a change whose lease is not the connection's
 * current one. Each method is one atomic step; the engine orders its calls so that a crash between any two leaves
 * a state it recovers from. Lookups are batched: the engine asks for a page of ids at a time.
 *
 * <p>Implementations must be thread-safe. The testkit ships {@code InMemoryStateStore}. A store that wraps another
 * (to audit or count its calls) extends {@link ForwardingStateStore}, so that the methods it does not override, the
 * default ones included, reach the store underneath.
 */
public interface StateStore {

  // ---- the run lease ----

  /**
   * Takes the connection's lease if nobody holds it, or its holder let it expire.
   *
   * @param connectionId the connection
   * @param holder who asks (kept for messages)
   * @param now the current time
   * @param ttl how long the lease lasts unless renewed
   * @return the lease with a fencing token higher than any before it, or empty when another holder has it
   */
  Optional<Lease> acquireLease(String connectionId, String holder, Instant now, Duration ttl);

  /**
   * The lease in force, for a message that names its holder.
   *
   * @param connectionId the connection
   * @param now the current time
   * @return the unexpired lease, or empty
   */
  Optional<Lease> currentLease(String connectionId, Instant now);

  /**
   * Extends a lease.
   *
   * @param lease the lease held
   * @param now the current time
   * @param ttl the new time to live from {@code now}
   * @return the extended lease (same token)
   * @throws LeaseLostException when the lease is no longer current
   */
  Lease renewLease(Lease lease, Instant now, Duration ttl);

  /**
   * Gives a lease up; nothing happens when it is no longer current.
   *
   * @param lease the lease held
   */
  void releaseLease(Lease lease);

  /**
   * Gives a lease up and keeps, in the same atomic step, values of the connection's bookkeeping (see
   * {@link #bookkeeping}) that the run leaves behind: what it spent of the Synergy call budget, when it polled each
   * record type. The engine ends every run with this call, so a run that changed nothing else (an idle cycle) writes
   * the store for its lease and its cursors only. When the lease is no longer current, nothing is kept and nothing
   * is given up.
   *
   * <p>The default saves each value under the lease ({@link #saveBookkeeping}, in one {@link #atomically} group) and
   * then calls {@link #releaseLease(Lease)}: correct, one write more. A store that can keeps the values and gives the
   * lease up in one transaction; a store that delegates to another passes this call on as it is.
   *
   * @param lease the lease held
   * @param bookkeeping the values to keep, by name (empty: only give the lease up)
   * @return true when the lease was still current and the values were kept
   */
  default boolean releaseLease(Lease lease, Map<String, String> bookkeeping) {
    boolean kept = true;
    if (!bookkeeping.isEmpty()) {
      try {
        atomically(lease, () -> {
          bookkeeping.forEach((key, value) -> saveBookkeeping(lease, key, value));
          return null;
        });
      } catch (LeaseLostException e) {
        kept = false; // another worker holds the connection now: its own bookkeeping stands
      }
    }
    releaseLease(lease);
    return kept;
  }

  /**
   * Runs several changes made under one lease as one atomic step: after a crash or an exception the store holds all
   * of them or none. Changes made inside are still checked against the lease. A store that cannot group changes
   * keeps this default, which runs them one by one (each one atomic on its own, which the engine's ordering of its
   * calls already recovers from).
   *
   * <p>The engine groups what must move together: both sides' cursors, started or moved in one step. A page's link
   * writes are deliberately <em>not</em> one transaction: they are interleaved with the remote calls they record.
   * A record's create saves its intent ({@link #savePendingCreate}) before the call to the other system and its link
   * after it, then completes the intent; a transaction around the page would hold the lease row locked across
   * remote calls, and a crash would roll back the very intents that tell the next run to look a half-made copy up by
   * its marker instead of creating a second one. So each write is atomic on its own, in an order a crash at any
   * point recovers from: an intent left behind is settled by a marker search before anything is sent again, and the
   * cursors move only after every page of the poll was handled, so a record whose writes were cut short is listed
   * again.
   *
   * @param lease the lease the changes are made under
   * @param changes the changes: calls of this store on the calling thread
   * @param <T> what the changes return
   * @return what the changes returned
   * @throws LeaseLostException when the lease is no longer current
   */
  default <T> T atomically(Lease lease, Supplier<T> changes) {
    return changes.get();
  }

  // ---- links ----

  /**
   * The links of some Synergy records.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param synergyIds the Synergy ids (a page at a time)
   * @return the links found, keyed by Synergy id
   */
  Map<Long, Link> linksBySynergyId(String connectionId, RecordType type, Collection<Long> synergyIds);

  /**
   * The links of some tiny+ records.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param tinyPlusIds the tiny+ ids (a page at a time)
   * @return the links found, keyed by tiny+ id
   */
  Map<Long, Link> linksByTinyPlusId(String connectionId, RecordType type, Collection<Long> tinyPlusIds);

  /**
   * Every link of a type, for health views and the team member linking screen.
   *
   * @param connectionId the connection
   * @param type the record type
   * @return the links, in Synergy id order
   */
  List<Link> links(String connectionId, RecordType type);

  /**
   * Saves a link, replacing a link of the same type that has the same Synergy id or the same tiny+ id.
   *
   * @param lease the lease the change is made under
   * @param link the link
   * @throws LeaseLostException when the lease is no longer current
   */
  void saveLink(Lease lease, Link link);

  /**
   * Removes the link of a Synergy record; nothing happens when there is none.
   *
   * @param lease the lease the change is made under
   * @param type the record type
   * @param synergyId the Synergy id
   * @throws LeaseLostException when the lease is no longer current
   */
  void deleteLink(Lease lease, RecordType type, long synergyId);

  // ---- cursors ----

  /**
   * A side's high-water mark for a record type.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param side the side listed
   * @return the cursor, or empty before the first run
   */
  Optional<Cursor> cursor(String connectionId, RecordType type, Side side);

  /**
   * Saves a cursor. The engine only moves cursors forward.
   *
   * @param lease the lease the change is made under
   * @param type the record type
   * @param side the side listed
   * @param cursor the new high-water mark
   * @throws LeaseLostException when the lease is no longer current
   */
  void saveCursor(Lease lease, RecordType type, Side side, Cursor cursor);

  // ---- pending creates ----

  /**
   * Saves a create intent before the create is sent, replacing one for the same type, target and source id. A store
   * keeps every attribute of the intent, {@link PendingCreate#sent()} included.
   *
   * @param lease the lease the change is made under
   * @param intent the intent
   * @throws LeaseLostException when the lease is no longer current
   */
  void savePendingCreate(Lease lease, PendingCreate intent);

  /**
   * The intents not yet completed.
   *
   * @param connectionId the connection
   * @param type the record type
   * @return the intents, oldest first
   */
  List<PendingCreate> pendingCreates(String connectionId, RecordType type);

  /**
   * Removes an intent (by type, target and source id) once its link is saved or its create is known not to have
   * happened.
   *
   * @param lease the lease the change is made under
   * @param intent the intent
   * @throws LeaseLostException when the lease is no longer current
   */
  void completePendingCreate(Lease lease, PendingCreate intent);

  // ---- transfers ----

  /**
   * Whether a transfer has gone through every record of a type on one side: a Download all (side {@code SYNERGY}) or
   * an Upload all (side {@code TINYPLUS}) that ended with each record of that side linked or in quarantine. From then
   * on every record of that side is linked, in quarantine, or new (and so seen by a cycle's poll), and the cycle no
   * longer lists the whole side to match a new record of the other side by natural key. Every machine running the
   * connection must see it. A store that keeps this default never says so: the cycle then lists the whole side
   * whenever a new record needs matching (more calls, same result).
   *
   * @param connectionId the connection
   * @param type the record type
   * @param side the side the transfer went through
   * @return true once such a transfer has run
   */
  default boolean transferred(String connectionId, RecordType type, Side side) {
    return false;
  }

  /**
   * Remembers that a transfer has gone through every record of a type on one side (see {@link #transferred}).
   *
   * @param lease the lease the change is made under
   * @param type the record type
   * @param side the side the transfer went through
   * @throws LeaseLostException when the lease is no longer current
   */
  default void saveTransferred(Lease lease, RecordType type, Side side) {}

  // ---- quarantine ----

  /**
   * Saves a record's failure, replacing an earlier one for the same type, side and id.
   *
   * @param lease the lease the change is made under
   * @param failure the failure
   * @throws LeaseLostException when the lease is no longer current
   */
  void saveFailure(Lease lease, RecordFailure failure);

  /**
   * Takes a record out of quarantine; nothing happens when it is not in it.
   *
   * @param lease the lease the change is made under
   * @param type the record type
   * @param side the side the record lives on
   * @param recordId the record id
   * @throws LeaseLostException when the lease is no longer current
   */
  void clearFailure(Lease lease, RecordType type, Side side, long recordId);

  /**
   * The failures of some records.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param side the side the records live on
   * @param recordIds the ids (a page at a time)
   * @return the failures found, keyed by record id
   */
  Map<Long, RecordFailure> failures(String connectionId, RecordType type, Side side, Collection<Long> recordIds);

  /**
   * Failures whose retry time has come.
   *
   * @param connectionId the connection
   * @param type the record type
   * @param now the current time
   * @param limit the most to return
   * @return the due failures, earliest retry first
   */
  List<RecordFailure> dueFailures(String connectionId, RecordType type, Instant now, int limit);

  /**
   * Every failure of the connection, for the health view.
   *
   * @param connectionId the connection
   * @return the failures, by type, side and id
   */
  List<RecordFailure> failures(String connectionId);

  // ---- run history ----

  /**
   * Keeps the report of a run that just ended, for the history a page shows after a restart, and drops the oldest
   * reports of the connection past {@code keep}. The report is saved after the run gave its lease back, so this takes
   * no lease: reports are history that no run reads. A store that keeps no history keeps this default, which keeps
   * nothing ({@code SyncEngine.reportHistory} then shows the engine's own recent reports).
   *
   * @param connectionId the connection
   * @param report the report, encoded by the engine: keep {@link EncodedState#text()} as it is
   * @param keep how many of the connection's newest reports to keep (at least 1)
   */
  default void saveReport(String connectionId, EncodedState report, int keep) {
  }

  /**
   * The reports kept by {@link #saveReport}, newest (last saved) first.
   *
   * @param connectionId the connection
   * @param limit the most to return
   * @return the reports, newest first
   */
  default List<EncodedState> reports(String connectionId, int limit) {
    return List.of();
  }

  // ---- connection bookkeeping (the API economy: the call budget, what is read once and kept) ----

  /**
   * A value the engine keeps for the whole connection, which every worker running the connection must see: the
   * Synergy calls spent today and when each record type was last polled ({@code "call-budget"}), when the project
   * statuses were last checked ({@code "project-statuses"}). The value is the engine's own versioned JSON text with no
   * control characters: a store keeps it as it is (a {@code text} or {@code jsonb} column) and never parses it.
   *
   * <p>A run's last values come with the lease's release ({@link #releaseLease(Lease, Map)}), not with a write of
   * their own.
   *
   * <p>The default keeps nothing, for stores written before this method existed: the engine still syncs correctly,
   * but each run then starts its bookkeeping afresh (the call budget counts one run's calls only, capped by the
   * quota Synergy reports; the project statuses are read again by each engine). A store that overrides this method
   * overrides {@link #saveBookkeeping} too (and {@link #releaseLease(Lease, Map)}, to keep a run's last values with the
   * release in one step), and a store that delegates to another passes them all on.
   *
   * @param connectionId the connection
   * @param key the value's name
   * @return the value last saved under that name, or empty
   */
  default Optional<String> bookkeeping(String connectionId, String key) {
    return Optional.empty();
  }

  /**
   * Saves a value of the connection's bookkeeping (see {@link #bookkeeping}), replacing the one under the same name.
   * The default keeps nothing.
   *
   * @param lease the lease the change is made under
   * @param key the value's name (at most 100 characters)
   * @param value the value
   * @throws LeaseLostException when the lease is no longer current
   */
  default void saveBookkeeping(Lease lease, String key, String value) {}
}
