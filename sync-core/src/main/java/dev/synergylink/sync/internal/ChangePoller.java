package dev.synergylink.sync.internal;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Cursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Polls one side of a record type for changes since its cursor, page by page, and keeps the cursors. Not thread-safe.
 */
final class ChangePoller {
  private final Run run;
  private final RecordType type;

  ChangePoller(Run run, RecordType type) {
    this.run = run;
    this.type = type;
  }

  /** A side's cursor, or empty before the type's first run. */
  Optional<Cursor> cursor(Side side) {
    return run.store.cursor(run.connectionId(), type, side);
  }

  /**
   * Starts the cursors that do not exist yet at now: the first cycle (or manual run) of a type starts the
   * continuous sync from here; records that existed before are the manual controls' job. Both sides start in one
   * atomic step, so a crash never leaves one side started and the other to start later, at another instant.
   */
  void startCursors() {
    Cursor start = Cursor.of(run.now(), 0);
    run.store.atomically(run.lease(), () -> {
      for (Side side : Side.values()) {
        if (cursor(side).isEmpty()) {
          run.store.saveCursor(run.lease(), type, side, start);
        }
      }
      return null;
    });
  }

  /**
   * Moves both cursors forward to their high-water marks (null: nothing was polled) in one atomic step, so a crash
   * leaves both where they were or both moved.
   */
  void advance(Optional<Cursor> synergyBefore, Cursor synergyHigh, Optional<Cursor> tinyPlusBefore,
      Cursor tinyPlusHigh) {
    boolean synergyMoves = moves(synergyBefore, synergyHigh);
    boolean tinyPlusMoves = moves(tinyPlusBefore, tinyPlusHigh);
    if (!synergyMoves && !tinyPlusMoves) {
      return;
    }
    run.store.atomically(run.lease(), () -> {
      if (synergyMoves) {
        run.store.saveCursor(run.lease(), type, Side.SYNERGY, synergyHigh);
      }
      if (tinyPlusMoves) {
        run.store.saveCursor(run.lease(), type, Side.TINYPLUS, tinyPlusHigh);
      }
      return null;
    });
  }

  private static boolean moves(Optional<Cursor> before, Cursor high) {
    return high != null && before.isPresent() && high.compareTo(before.get()) > 0;
  }

  /**
   * Lists one side from a cursor (less the lookback) in (modified, id) order and hands each page's new records to
   * {@code process}. Instead of page numbers over a live set, each next page starts from the last record's
   * modified second, so a record that moves while the listing goes on is seen at its new place and none is
   * skipped; only when a whole page shares one second does the listing page by offset within it.
   *
   * <p>The mark returned is never before the instant this listing started: once a listing has run, what it could
   * not see yet is only what changed in its own last seconds (Synergy's list lag, tiny+'s whole seconds), which the
   * next poll's lookback reaches from there. Started from the last record seen instead, every poll after a busy
   * moment would list that moment's records again, however long ago it was.
   *
   * @return the high-water mark of the records handed over, or the listing's start when that is later
   */
  <R> Cursor poll(SideAccess<R> side, Cursor from, Consumer<List<R>> process, Consumer<UnreadableRecord> unreadable) {
    Cursor started = Cursor.of(run.now(), 0);
    int pageSize = run.settings.pageSize();
    Instant bound = from.modified().minus(run.settings.lookback()).truncatedTo(ChronoUnit.SECONDS);
    int offset = 0;
    Cursor high = from;
    // Versions handed to process, by id and modified instant: a record seen again at its new place is new again.
    VersionsSeen seen = new VersionsSeen();
    // Within one second the listing goes by offset, and a record that leaves that second while it is read (our own
    // write, or a person's) shifts the ones after it back by one. Such a second is listed again from its start
    // until a pass over it finds nothing new, so no record is skipped and the cursor never passes one.
    boolean pagedByOffset = false;
    boolean newInPass = false;
    ListingGuard guard = new ListingGuard(side.side(), pageSize, false);
    while (true) {
      ListPage<R> page = side.listChanged(bound, offset, pageSize);
      guard.check(page, side);
      List<R> fresh = new ArrayList<>();
      for (R record : page.items()) {
        if (seen.add(side.id(record), side.modified(record))) {
          fresh.add(record);
        }
      }
      if (!fresh.isEmpty()) {
        process.accept(fresh);
      }
      page.unreadable().forEach(unreadable);
      for (R record : fresh) {
        Cursor key = Cursor.of(side.modified(record), side.id(record));
        high = key.compareTo(high) > 0 ? key : high;
      }
      newInPass |= !fresh.isEmpty();
      run.checkpoint();
      // full by what the page held: a record the client could not read still takes its place in the listing
      boolean full = page.received() >= pageSize;
      Instant lastSecond = !full ? null : page.items().isEmpty() ? bound
          : side.modified(page.items().get(page.items().size() - 1)).truncatedTo(ChronoUnit.SECONDS);
      if (full && lastSecond.equals(bound)) {
        offset += pageSize;
        pagedByOffset = true;
        continue;
      }
      if (pagedByOffset && newInPass) {
        offset = 0;
        newInPass = false;
        continue;
      }
      if (!full) {
        return high.compareTo(started) >= 0 ? high : started;
      }
      bound = lastSecond;
      offset = 0;
      pagedByOffset = false;
      newInPass = false;
    }
  }
}
