package dev.synergylink.tinyplus;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A list that pages by offset, with a lazy walk over all pages.
 *
 * @param <T> the record type
 * @param <Q> the query type
 */
public interface PagedResource<T, Q extends PagedQuery<Q>> {
  /**
   * One page of records. The page is read record by record: a record that cannot be read (a member of the wrong
   * type, a date in another format, a number no fee can hold) is not in {@link Page#records()} but in
   * {@link Page#undecodable()}, with its id when readable, the member at fault and the reason; the call fails
   * only when the page itself breaks the contract (not JSON, no {@code records} array, no {@code total}).
   *
   * @param query the filters, order and page
   * @return the page
   * @throws TinyPlusApiException when the call fails
   */
  Page<T> list(Q query);

  /**
   * Every record from the query's {@code start} on, fetching one page at a time as the iteration reaches it
   * (only one page is held in memory). Each call of {@code iterator()} starts again from the query's start.
   * Records that cannot be read ({@link Page#undecodable()}) are skipped; use
   * {@link #listAll(PagedQuery, Consumer)} or {@link #listPages(PagedQuery)} to see them.
   *
   * <p>Paging is by offset over the live result set: a record that changes between two page requests can shift
   * the records after it, so a record can be seen twice or, when an earlier record leaves the result set, missed.
   * Sort by {@link Sort#MODIFIED_DATE_ASC} with a {@code modifiedAfter} filter and re-poll from the last seen
   * modification to catch up. The page cap of {@link #listPages(PagedQuery)} applies.
   *
   * @param query the filters, order, first offset and page size
   * @return a lazy iterable; its iterator throws {@link TinyPlusApiException} when a page call fails and
   *     {@link TinyPlusPagingException} when the listing makes no progress
   */
  default Iterable<T> listAll(Q query) {
    return listAll(query, undecodable -> { });
  }

  /**
   * Every record from the query's {@code start} on, as {@link #listAll(PagedQuery)}, handing each record that
   * cannot be read to {@code onUndecodable} when its page arrives (before that page's records are iterated).
   *
   * @param query the filters, order, first offset and page size
   * @param onUndecodable receives every unreadable record, e.g. to set it aside
   * @return a lazy iterable
   */
  default Iterable<T> listAll(Q query, Consumer<? super UndecodableRecord> onUndecodable) {
    Objects.requireNonNull(query, "query == null");
    Objects.requireNonNull(onUndecodable, "onUndecodable == null");
    Iterable<Page<T>> pages = listPages(query);
    return () -> PageWalk.records(pages.iterator(), onUndecodable);
  }

  /**
   * Every page from the query's {@code start} on, fetched lazily one at a time; each page carries its readable
   * records and its {@link Page#undecodable() unreadable} ones, and the next page starts at
   * {@link Page#nextStart()}. Each call of {@code iterator()} starts again from the query's start.
   *
   * <p><b>Page cap.</b> A listing that makes no progress is stopped with {@link TinyPlusPagingException}: when a
   * page holds only ids of the page before it (the server ignores {@code start}), or when the walk reaches more
   * pages than the first page's {@code total} promised from the query's start, plus a tenth of them and at least
   * 10 more (room for records added while paging). So a server whose {@code total} keeps growing cannot keep a
   * listing going for ever. Memory stays bounded: only the ids of the page before are kept.
   *
   * @param query the filters, order, first offset and page size
   * @return a lazy iterable of pages; its iterator throws {@link TinyPlusApiException} when a page call fails
   *     and {@link TinyPlusPagingException} when the listing makes no progress
   */
  default Iterable<Page<T>> listPages(Q query) {
    Objects.requireNonNull(query, "query == null");
    return () -> PageWalk.pages(query, this::list);
  }
}
