package dev.synergylink.synergy;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * What every list query has: the {@code modifiedSince} filter, the order, and the page. Implemented by
 * {@link ProjectQuery}, {@link ContactQuery}, {@link PersonnelQuery} and {@link StaffQuery}.
 *
 * @param <Q> the query type itself
 */
public interface SynergyQuery<Q extends SynergyQuery<Q>> {
  /** The largest page size the API accepts. */
  int MAX_PAGE_SIZE = 100;

  /**
   * Lists only records with {@code modifiedDate >= modifiedSince} (inclusive). Sent with millisecond precision;
   * a finer instant is rounded down, which keeps the bound inclusive.
   *
   * @return the lower bound, or {@code null} for no bound
   */
  @Nullable Instant modifiedSince();

  /**
   * The sort key; ties are broken by id ascending.
   *
   * @return the key, or {@code null} for the server's default ({@link OrderBy#ID})
   */
  @Nullable OrderBy orderBy();

  /**
   * The 1-based page number; a page past the end has no items.
   *
   * @return the page, 1 by default
   */
  @Value.Default
  default int page() {
    return 1;
  }

  /**
   * The page size, from 1 to {@value #MAX_PAGE_SIZE}.
   *
   * @return the size, {@value #MAX_PAGE_SIZE} by default (the fewest calls of the daily quota)
   */
  @Value.Default
  default int pageSize() {
    return MAX_PAGE_SIZE;
  }

  /**
   * This query for another page.
   *
   * @param page the 1-based page number
   * @return a copy with that page
   */
  Q withPage(int page);

  /** Rejects a page or page size out of range, naming the member. */
  @Value.Check
  default void checkPaging() {
    if (page() < 1) {
      throw new IllegalArgumentException("page must be 1 or more, was " + page());
    }
    if (pageSize() < 1 || pageSize() > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be from 1 to " + MAX_PAGE_SIZE + ", was " + pageSize());
    }
  }
}
