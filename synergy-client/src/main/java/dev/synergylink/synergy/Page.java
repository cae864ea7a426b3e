package dev.synergylink.synergy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list: its items and the number of records the whole query matches. Immutable.
 *
 * @param <T> the record type
 */
public final class Page<T> {
  private final List<T> items;
  private final long totalItems;

  private Page(List<T> items, long totalItems) {
    this.items = List.copyOf(items);
    this.totalItems = totalItems;
  }

  /**
   * A page of {@code items} out of {@code totalItems} matching records.
   *
   * @param items the page's records, in list order
   * @param totalItems how many records the whole query matches
   * @param <T> the record type
   * @return the page
   */
  public static <T> Page<T> of(List<T> items, long totalItems) {
    Objects.requireNonNull(items, "items == null");
    if (totalItems < 0) {
      throw new IllegalArgumentException("totalItems must not be negative, was " + totalItems);
    }
    return new Page<>(items, totalItems);
  }

  /**
   * The records on this page.
   *
   * @return an unmodifiable list
   */
  public List<T> items() {
    return items;
  }

  /**
   * How many records the whole query matched when this page was read.
   *
   * @return the total
   */
  public long totalItems() {
    return totalItems;
  }

  /**
   * Every record of {@code query}, from its page on, read lazily a page at a time through {@code list}: only
   * one page is held at a time, and each {@link Iterable#iterator()} starts again from the query's page.
   * Iteration stops after a page that is short, or that reaches {@code totalItems}. Paging is over the live
   * result set: a record that changes while the pages are read can move between pages, be seen twice or not
   * at all; order by {@link OrderBy#MODIFIED_DATE} and poll again from the last seen instant to catch it.
   *
   * @param query the first page to read
   * @param list reads one page
   * @param <T> the record type
   * @param <Q> the query type
   * @return a lazy iterable; its iterator throws what {@code list} throws
   */
  public static <T, Q extends SynergyQuery<Q>> Iterable<T> iterate(Q query, Function<Q, Page<T>> list) {
    Objects.requireNonNull(query, "query == null");
    Objects.requireNonNull(list, "list == null");
    return () -> new PageIterator<>(query, list);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Page
        && ((Page<?>) other).totalItems == totalItems
        && ((Page<?>) other).items.equals(items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, totalItems);
  }

  @Override
  public String toString() {
    return "Page{items=" + items + ", totalItems=" + totalItems + "}";
  }

  private static final class PageIterator<T, Q extends SynergyQuery<Q>> implements Iterator<T> {
    private final Function<Q, Page<T>> list;
    private Q next;
    private Iterator<T> current = List.<T>of().iterator();

    PageIterator(Q first, Function<Q, Page<T>> list) {
      this.next = first;
      this.list = list;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && next != null) {
        Q query = next;
        Page<T> page = list.apply(query);
        List<T> items = new ArrayList<>(page.items());
        boolean last = items.size() < query.pageSize()
            || (long) query.page() * query.pageSize() >= page.totalItems();
        next = last ? null : query.withPage(query.page() + 1);
        current = items.iterator();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
