package dev.synergylink.synergy;

/**
 * A resource that can be listed and read by id. Implementations are thread-safe.
 *
 * @param <T> the record type
 * @param <Q> the query type
 */
public interface SynergyReadResource<T, Q extends SynergyQuery<Q>> {
  /**
   * One page of the records that match {@code query}.
   *
   * @param query the filters and the page
   * @return the page
   * @throws SynergyApiException when the call fails
   */
  Page<T> list(Q query);

  /**
   * Every record that matches {@code query}, from the query's page on, read lazily one page at a time; see
   * {@link Page#iterate(SynergyQuery, java.util.function.Function)}.
   *
   * <pre>{@code
   * for (Project project : synergy.projects().listAll(ProjectQuery.builder().includeInactive(true).build())) {
   *   ...
   * }
   * }</pre>
   *
   * @param query the filters and the first page
   * @return a lazy iterable; its iterator throws {@link SynergyApiException} when a call fails
   */
  default Iterable<T> listAll(Q query) {
    return Page.iterate(query, this::list);
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
