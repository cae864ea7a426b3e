package dev.synergylink.synergy;

import java.util.function.Consumer;

/**
 * A resource that can be listed and read by id. Implementations are thread-safe.
 *
 * @param <T> the record type
 * @param <Q> the query type
 */
public interface SynergyReadResource<T, Q extends SynergyQuery<Q>> {
  /**
   * One page of the records that match {@code query}. The page is read record by record: a record that cannot be
   * read (a member of the wrong type, a date in another format, a fee no system can hold) is not in
   * {@link Page#items()} but in {@link Page#undecodable()}, with its id when readable, the member at fault and the
   * reason; the call fails only when the page itself is unreadable (not JSON, no {@code items} or
   * {@code totalItems}).
   *
   * @param query the filters and the page
   * @return the page
   * @throws SynergyApiException when the call fails
   */
  Page<T> list(Q query);

  /**
   * Every record that matches {@code query}, from the query's page on, read lazily one page at a time; see
   * {@link Page#iterate(SynergyQuery, java.util.function.Function)}. Records that cannot be read are skipped:
   * use {@link #listAll(SynergyQuery, Consumer)} or {@link #listPages(SynergyQuery)} to see them. The page cap of
   * {@link #listPages(SynergyQuery)} applies.
   *
   * <pre>{@code
   * for (Project project : synergy.projects().listAll(ProjectQuery.builder().includeInactive(true).build())) {
   *   ...
   * }
   * }</pre>
   *
   * @param query the filters and the first page
   * @return a lazy iterable; its iterator throws {@link SynergyApiException} when a call fails and
   *     {@link SynergyPagingException} when the listing makes no progress
   */
  default Iterable<T> listAll(Q query) {
    return Page.iterate(query, this::list);
  }

  /**
   * Every record that matches {@code query}, as {@link #listAll(SynergyQuery)}, handing each record that cannot
   * be read to {@code onUndecodable} when its page arrives.
   *
   * @param query the filters and the first page
   * @param onUndecodable receives every unreadable record, e.g. to set it aside
   * @return a lazy iterable
   */
  default Iterable<T> listAll(Q query, Consumer<? super UndecodableRecord> onUndecodable) {
    return Page.iterate(query, this::list, onUndecodable);
  }

  /**
   * Every page of the records that match {@code query}, from the query's page on, read lazily, each with its
   * unreadable records. A listing that makes no progress (a page repeating the page before, or more pages than the
   * first page's {@code totalItems} promised plus a tenth and at least 10) stops with
   * {@link SynergyPagingException}; see {@link Page#pages(SynergyQuery, java.util.function.Function)}.
   *
   * @param query the filters and the first page
   * @return a lazy iterable of pages
   */
  default Iterable<Page<T>> listPages(Q query) {
    return Page.pages(query, this::list);
  }

  /**
   * The record with this id, read from the primary (never lagging).
   *
   * @param id the record's id
   * @return the record
   * @throws SynergyNotFoundException when there is no such record, or it was deleted in Synergy
   * @throws SynergyApiException when the call fails otherwise
   */
  T get(long id);
}
