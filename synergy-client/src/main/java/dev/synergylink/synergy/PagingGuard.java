package dev.synergylink.synergy;

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
  private final String path;
  private long promised = -1;
  private long cap;
  private long pages;
  private Set<Long> previousIds = Set.of();

  PagingGuard(String listing, String path) {
    this.listing = listing;
    this.path = path;
  }

  /** The cap: the promised pages plus a tenth of them and at least {@value #MIN_EXTRA_PAGES} more. */
  static long cap(long promised) {
    return promised + Math.max(MIN_EXTRA_PAGES, promised / 10);
  }

  void check(Page<?> page, int pageNumber, int pageSize) {
    pages++;
    if (promised < 0) {
      long before = (long) (pageNumber - 1) * pageSize;
      promised = (Math.max(0, page.totalItems() - before) + pageSize - 1) / pageSize;
      cap = cap(promised);
    } else if (pages > cap) {
      throw new SynergyPagingException(listing + " was stopped at page " + pageNumber + ": its first page promised "
          + promised + " page(s), yet Synergy keeps answering full pages (totalItems is now " + page.totalItems()
          + "); a listing reads at most the promised pages plus a tenth, and at least " + MIN_EXTRA_PAGES
          + " more", path);
    }
    Set<Long> ids = ids(page);
    if (!ids.isEmpty() && previousIds.containsAll(ids)) {
      throw new SynergyPagingException(listing + " was stopped at page " + pageNumber + ": Synergy answered the"
          + " same records as the page before, so the listing makes no progress (the server seems to ignore the"
          + " page parameter)", path);
    }
    previousIds = ids;
  }

  private static Set<Long> ids(Page<?> page) {
    Set<Long> ids = new HashSet<>();
    for (Object item : page.items()) {
      Long id = idOf(item);
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

  private static Long idOf(Object item) {
    if (item instanceof Project) {
      return ((Project) item).id();
    }
    if (item instanceof Contact) {
      return ((Contact) item).id();
    }
    if (item instanceof Personnel) {
      return ((Personnel) item).id();
    }
    if (item instanceof Staff) {
      return ((Staff) item).id();
    }
    return null; // a type without an id: the page cap still applies
  }

  /** How a listing is named in messages: after its query type, such as {@code the ProjectQuery listing}. */
  static String name(Object query) {
    String type = query.getClass().getSimpleName();
    return "the " + (type.startsWith("Immutable") ? type.substring("Immutable".length()) : type) + " listing";
  }
}
