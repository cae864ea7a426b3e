package dev.synergylink.synergy;

/**
 * A resource that can also be created and partially updated. Implementations are thread-safe.
 *
 * <p>A create is never resent after an ambiguous failure (a timeout, a reset connection, a 5xx answer): the
 * record may or may not exist then, and {@link SynergyTransportException} or {@link SynergyServerException}
 * reaches the caller. To reconcile, give each new record a unique {@code externalReference} and, after such a
 * failure, list with that reference before creating again.
 *
 * @param <T> the record type
 * @param <Q> the query type
 * @param <C> the create request type
 * @param <P> the patch request type
 */
public interface SynergyWriteResource<T, Q extends SynergyQuery<Q>, C, P> extends SynergyReadResource<T, Q> {
  /**
   * Creates a record from the members set in {@code request}.
   *
   * @param request what to create
   * @return the record as created
   * @throws SynergyValidationException when the server rejects a member; see its field errors
   * @throws SynergyApiException when the call fails otherwise
   */
  T create(C request);

  /**
   * Changes the members set in {@code request} and leaves the others unchanged; a member set to {@code null}
   * is cleared. The server sets {@code modifiedDate} even when no value changed.
   *
   * @param id the record's id
   * @param request what to change
   * @return the record after the change
   * @throws SynergyNotFoundException when there is no such record
   * @throws SynergyValidationException when the server rejects a member; see its field errors
   * @throws SynergyApiException when the call fails otherwise
   */
  T patch(long id, P request);
}
