package dev.synergylink.tinyplus;

import java.util.List;
import org.immutables.value.Value;

/**
 * One page of a list: the records from offset {@link #start()} and the {@link #total()} number of records that
 * match the query.
 *
 * <p>The HTTP client reads a page record by record: a record it cannot read does not fail the call but becomes an
 * entry of {@link #undecodable()}, and the other records are in {@link #records()}. Both count towards the page's
 * size, so the next page starts at {@link #nextStart()}.
 *
 * @param <T> the record type
 */
@TinyPlusStyle
@Value.Immutable
public interface Page<T> {
  /**
   * The records of this page, in the list's order.
   *
   * @return the records, possibly empty
   */
  List<T> records();

  /**
   * The records of this page that could not be read, in the list's order; they are not in {@link #records()}.
   *
   * @return the unreadable records, usually empty
   */
  List<UndecodableRecord> undecodable();

  /**
   * How many records match the query in all pages.
   *
   * @return the total
   */
  int total();

  /**
   * The 0-based offset of this page's first record.
   *
   * @return the offset
   */
  int start();

  /**
   * The page size that was asked for.
   *
   * @return the limit
   */
  int limit();

  /**
   * How many records the server sent on this page, read or not: {@code records().size() + undecodable().size()}.
   *
   * @return the count
   */
  default int received() {
    return records().size() + undecodable().size();
  }

  /**
   * The offset of the next page: {@code start() + received()}.
   *
   * @return the offset
   */
  default int nextStart() {
    return start() + received();
  }

  /**
   * Whether records follow this page: it held at least one record and {@link #nextStart()} is below
   * {@link #total()}.
   *
   * @return true when a further page may hold records
   */
  default boolean hasMore() {
    return received() > 0 && nextStart() < total();
  }

  /**
   * A new builder.
   *
   * @param <T> the record type
   * @return the builder
   */
  static <T> ImmutablePage.Builder<T> builder() {
    return ImmutablePage.builder();
  }
}
