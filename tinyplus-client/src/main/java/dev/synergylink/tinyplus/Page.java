package dev.synergylink.tinyplus;

import java.util.List;
import org.immutables.value.Value;

/**
 * One page of a list: the records from offset {@link #start()} and the {@link #total()} number of records that
 * match the query.
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
   * Whether records follow this page: the next page starts at {@code start() + records().size()}.
   *
   * @return true when a further page may hold records
   */
  default boolean hasMore() {
    return !records().isEmpty() && start() + records().size() < total();
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
