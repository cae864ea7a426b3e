package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/**
 * What every list query has: offset paging with {@code start} and {@code limit}.
 *
 * @param <Q> the query type itself
 */
public interface PagedQuery<Q extends PagedQuery<Q>> {
  /** The largest page the API serves. */
  int MAX_LIMIT = 100;

  /**
   * {@code start}: the 0-based offset into the full result set.
   *
   * @return the offset; 0 by default
   */
  @Value.Default
  default int start() {
    return 0;
  }

  /**
   * {@code limit}: the page size, 1 to {@value #MAX_LIMIT}.
   *
   * @return the page size; {@value #MAX_LIMIT} by default (the API's own default is 15)
   */
  @Value.Default
  default int limit() {
    return MAX_LIMIT;
  }

  /**
   * This query from another offset.
   *
   * @param start the new 0-based offset
   * @return a copy with that offset
   */
  Q withStart(int start);

  /** Rejects an offset or page size that the API does not accept. */
  @Value.Check
  default void checkPaging() {
    if (start() < 0) {
      throw new IllegalArgumentException("start must be 0 or more, was " + start());
    }
    if (limit() < 1 || limit() > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit());
    }
  }
}
