package dev.synergylink.tinyplus;

import java.util.Objects;

/**
 * A list that pages by offset, with a lazy walk over all pages.
 *
 * @param <T> the record type
 * @param <Q> the query type
 */
public interface PagedResource<T, Q extends PagedQuery<Q>> {
  /**
   * One page of records.
   *
   * @param query the filters, order and page
   * @return the page
   * @throws TinyPlusApiException when the call fails
   */
  Page<T> list(Q query);

  /**
   * Every record from the query's {@code start} on, fetching one page at a time as the iteration reaches it
   * (only one page is held in memory). Each call of {@code iterator()} starts again from the query's start.
   *
   * <p>Paging is by offset over the live result set: a record that changes between two page requests can shift
   * the records after it, so a record can be seen twice or, when an earlier record leaves the result set, missed.
   * Sort by {@link Sort#MODIFIED_DATE_ASC} with a {@code modifiedAfter} filter and re-poll from the last seen
   * modification to catch up.
   *
   * @param query the filters, order, first offset and page size
   * @return a lazy iterable; its iterator throws {@link TinyPlusApiException} when a page call fails
   */
  default Iterable<T> listAll(Q query) {
    Objects.requireNonNull(query, "query == null");
    return () -> new PageIterator<>(query, this::list);
  }
}
