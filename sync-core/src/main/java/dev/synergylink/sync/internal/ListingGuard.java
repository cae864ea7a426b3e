package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.synergy.SynergyPagingException;
import dev.synergylink.tinyplus.TinyPlusPagingException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops a listing that makes no progress, so a server that always answers a full page (a total that lies, an offset
 * it ignores) cannot keep a run paging forever: past a page cap derived from the first page's total, or (where
 * offsets only move forward) a page holding only the previous page's records. Stopping fails the record type alone.
 */
final class ListingGuard {
  private final Side side;
  private final int pageSize;
  private final boolean forwardOnly;
  private long cap = -1;
  private long pages;
  private Set<Long> previous = Set.of();

  /**
   * A guard for one listing.
   *
   * @param side the side listed
   * @param pageSize the page size asked for
   * @param forwardOnly whether each page starts after the previous one (a transfer), so that a page repeating the
   *     previous one is no progress; a change poll lists a second again from its start and is held by the cap alone
   */
  ListingGuard(Side side, int pageSize, boolean forwardOnly) {
    this.side = side;
    this.pageSize = pageSize;
    this.forwardOnly = forwardOnly;
  }

  <R> void check(ListPage<R> page, SideAccess<R> records) {
    pages++;
    if (cap < 0) {
      long promised = (Math.max(page.total(), page.received()) + pageSize - 1) / pageSize;
      // a transfer reads each page once; a change poll lists a busy second again from its start until a pass finds
      // nothing new, and records written meanwhile (put-backs included) move to its end: room for several passes
      cap = forwardOnly ? promised + Math.max(10, promised / 10) : 5 * promised + 50;
    }
    if (pages > cap) {
      throw stop("more than " + cap + " pages of " + pageSize + " for a listing whose first page promised "
          + page.total() + " records");
    }
    if (!forwardOnly) {
      return; // a change poll is held by the cap alone
    }
    Set<Long> ids = new HashSet<>();
    List<R> items = page.items();
    for (R record : items) {
      ids.add(records.id(record));
    }
    if (!ids.isEmpty() && previous.containsAll(ids)) {
      throw stop("page " + pages + " holds only records of the page before it");
    }
    previous = ids;
  }

  private RemoteFailure stop(String what) {
    String message = "The " + (side == Side.SYNERGY ? "Synergy" : "tiny+") + " listing made no progress (" + what
        + "): the server does not page as its contract says; the listing was stopped";
    return side == Side.SYNERGY ? RemoteFailure.of(new SynergyPagingException(message, "a listing"))
        : RemoteFailure.of(new TinyPlusPagingException(message, "GET", null));
  }
}
