package dev.synergylink.tinyplus;

import java.util.HashSet;
import java.util.Set;

/**
 * Stops a listing that makes no progress. It keeps only the ids of the page before and the page cap, so a listing
 * of any length costs constant memory. Not thread-safe: one per walk.
 */
final class PagingGuard {
  /** Pages allowed beyond what the first page's total promised, at least: records may be added while paging. */
  static final int MIN_EXTRA_PAGES = 10;

  private final String listing;
  private long promised = -1;
  private long cap;
  private long pages;
  private Set<Long> previousIds = Set.of();

  PagingGuard(String listing) {
    this.listing = listing;
  }

  /**
   * The most pages a listing may read: the pages the first page's total promised from its start, plus a tenth
   * of them and at least {@value #MIN_EXTRA_PAGES} more for records added while paging.
   */
  static long cap(long promised) {
    return promised + Math.max(MIN_EXTRA_PAGES, promised / 10);
  }

  void check(Page<?> page, int limit) {
    pages++;
    if (promised < 0) {
      promised = (Math.max(0L, (long) page.total() - page.start()) + limit - 1) / limit;
      cap = cap(promised);
    } else if (pages > cap) {
      throw new TinyPlusPagingException(listing + " was stopped at page " + pages + " (offset " + page.start()
          + "): its first page promised " + promised + " page(s), yet tiny+ keeps answering full pages (its total"
          + " is now " + page.total() + "); a listing reads at most the promised pages plus a tenth, and at least "
          + MIN_EXTRA_PAGES + " more", null, null);
    }
    Set<Long> ids = ids(page);
    if (!ids.isEmpty() && previousIds.containsAll(ids)) {
      throw new TinyPlusPagingException(listing + " was stopped at page " + pages + " (offset " + page.start()
          + "): tiny+ answered the same records as the page before, so the listing makes no progress (the server"
          + " seems to ignore the start offset)", null, null);
    }
    previousIds = ids;
  }

  private static Set<Long> ids(Page<?> page) {
    Set<Long> ids = new HashSet<>();
    for (Object record : page.records()) {
      Long id = idOf(record);
      if (id != null) {
        ids.add(id);
      }
    }
    for (UndecodableRecord record : page.undecodable()) {
      if (record.id() != null) {
        ids.add(record.id());
      }
    }
    return ids;
  }

  private static Long idOf(Object record) {
    if (record instanceof SyncedRecord) {
      return ((SyncedRecord) record).id();
    }
    if (record instanceof ProjectPhase) {
      return ((ProjectPhase) record).id();
    }
    if (record instanceof ProjectType) {
      return ((ProjectType) record).id();
    }
    return null; // a type without an id: the page cap still applies
  }

  /** How a listing is named in messages: after its query type, e.g. {@code the ProjectQuery listing}. */
  static String name(Object query) {
    String type = query.getClass().getSimpleName();
    return "the " + (type.startsWith("Immutable") ? type.substring("Immutable".length()) : type) + " listing";
  }

}
