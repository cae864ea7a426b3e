package dev.synergylink.tinyplus;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * The filters and options that every record list (projects, companies, contacts, team members) shares.
 *
 * <p>Date filters are {@code Instant}s; the client writes them in the account's time zone to the second (see
 * {@link TinyPlusClient#zone()}). {@code >} and {@code <} are strict, and the API takes one {@code modified_date}
 * filter per request, so at most one of {@link #modifiedAfter()}, {@link #modifiedBefore()} and
 * {@link #modifiedAt()} may be set. Around a daylight-saving overlap one local time names two instants, so a
 * strict filter can leave out up to the overlap's length of changes: an incremental poll should look back.
 *
 * @param <Q> the query type itself
 */
public interface RecordQuery<Q extends RecordQuery<Q>> extends PagedQuery<Q> {
  /**
   * {@code sort}.
   *
   * @return the order, or null for the server's default ({@code id asc})
   */
  @Nullable
  Sort sort();

  /**
   * {@code with_related}: whether to include the linked records. The client sends {@code with_related=0} unless
   * this is true, which is faster; the model does not carry the related records.
   *
   * @return false by default
   */
  @Value.Default
  default boolean withRelated() {
    return false;
  }

  /**
   * Records modified strictly after this instant ({@code modified_date=>...}), compared to the second.
   *
   * @return the instant, or null
   */
  @Nullable
  Instant modifiedAfter();

  /**
   * Records modified strictly before this instant ({@code modified_date=<...}), compared to the second.
   *
   * @return the instant, or null
   */
  @Nullable
  Instant modifiedBefore();

  /**
   * Records modified at this second ({@code modified_date=...}).
   *
   * @return the instant, or null
   */
  @Nullable
  Instant modifiedAt();

  /**
   * {@code remote_id}: records with this remote id (equality).
   *
   * @return the remote id, or null
   */
  @Nullable
  String remoteId();

  /**
   * {@code sync_origin}: records with this sync origin (equality).
   *
   * @return the origin, or null
   */
  @Nullable
  String syncOrigin();

  /**
   * Rejects a {@code remote_id} or {@code sync_origin} that starts with {@code <} or {@code >}: tiny+ reads that
   * first character as a strict comparison, so such a value cannot be matched by equality.
   */
  @Value.Check
  default void checkEqualityFilters() {
    QueryChecks.equality("remoteId", remoteId());
    QueryChecks.equality("syncOrigin", syncOrigin());
  }

  /** Rejects two date filters in one query: the API takes one {@code modified_date} filter per request. */
  @Value.Check
  default void checkDateFilters() {
    int set = (modifiedAfter() == null ? 0 : 1) + (modifiedBefore() == null ? 0 : 1) + (modifiedAt() == null ? 0 : 1);
    if (set > 1) {
      throw new IllegalArgumentException(
          "set at most one of modifiedAfter, modifiedBefore and modifiedAt: the tiny+ API takes one modified_date"
              + " filter per request");
    }
  }
}
