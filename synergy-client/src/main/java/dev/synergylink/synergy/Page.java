package dev.synergylink.synergy;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One page of a list: its items, the records of the page that could not be read, and the number of records the
 * whole query matches. Immutable.
 *
 * <p>The HTTP client reads a page record by record: a record it cannot read does not fail the call but becomes an
 * entry of {@link #undecodable()}, and the other records are in {@link #items()}. Both count towards the page's
 * size ({@link #received()}).
 *
 * @param <T> the record type
 */
public final class Page<T> {
  private final List<T> items;
  private final List<UndecodableRecord> undecodable;
  private final long totalItems;

  private Page(List<T> items, List<UndecodableRecord> undecodable, long totalItems) {
    this.items = List.copyOf(items);
    this.undecodable = List.copyOf(undecodable);
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
    return of(items, totalItems, List.of());
  }

  /**
   * A page of {@code items}, with records that could not be read, out of {@code totalItems} matching records.
   *
   * @param items the page's readable records, in list order
   * @param totalItems how many records the whole query matches
   * @param undecodable the page's records that could not be read, in list order
   * @param <T> the record type
   * @return the page
   */
  public static <T> Page<T> of(List<T> items, long totalItems, List<UndecodableRecord> undecodable) {
    Objects.requireNonNull(items, "items == null");
    Objects.requireNonNull(undecodable, "undecodable == null");
    if (totalItems < 0) {
      throw new IllegalArgumentException("totalItems must not be negative, was " + totalItems);
    }
    return new Page<>(items, undecodable, totalItems);
  }

  /**
   * The records on this page that could be read.
   *
   * @return an unmodifiable list
   */
  public List<T> items() {
    return items;
  }

  /**
   * The records on this page that could not be read, in list order; they are not in {@link #items()}.
   *
   * @return an unmodifiable list, usually empty
   */
  public List<UndecodableRecord> undecodable() {
    return undecodable;
  }

  /**
   * How many records the server sent on this page, read or not: {@code items().size() + undecodable().size()}.
   * A page is full, and another may follow, when this reaches the query's page size.
   *
   * @return the count
   */
  public int received() {
    return items.size() + undecodable.size();
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
   * Records that cannot be read are skipped; see {@link #pages(SynergyQuery, Function)} for the rest, and for
   * the page cap.
   *
   * @param query the first page to read
   * @param list reads one page
   * @param <T> the record type
   * @param <Q> the query type
   * @return a lazy iterable; its iterator throws what {@code list} throws
   */
  public static <T, Q extends SynergyQuery<Q>> Iterable<T> iterate(Q query, Function<Q, Page<T>> list) {
    return iterate(query, list, undecodable -> { });
  }

  /**
   * Every record of {@code query}, as {@link #iterate(SynergyQuery, Function)}, handing each record that cannot
   * be read to {@code onUndecodable} when its page arrives (before that page's items are iterated).
   *
   * @param query the first page to read
   * @param list reads one page
   * @param onUndecodable receives every unreadable record
   * @param <T> the record type
   * @param <Q> the query type
   * @return a lazy iterable
   */
  public static <T, Q extends SynergyQuery<Q>> Iterable<T> iterate(Q query, Function<Q, Page<T>> list,
      Consumer<? super UndecodableRecord> onUndecodable) {
    Objects.requireNonNull(onUndecodable, "onUndecodable == null");
    Iterable<Page<T>> pages = pages(query, list);
    return () -> new ItemIterator<>(pages.iterator(), onUndecodable);
  }

  /**
   * Every page of {@code query}, from its page on, read lazily through {@code list}; each {@link
   * Iterable#iterator()} starts again from the query's page. The walk stops after a page that is short
   * ({@link #received()} below the page size) or that reaches {@code totalItems}. Paging is over the live result
   * set: a record that changes while the pages are read can move between pages, be seen twice or not at all;
   * order by {@link OrderBy#MODIFIED_DATE} and poll again from the last seen instant to catch it.
   *
   * <p><b>Page cap.</b> A listing that makes no progress is stopped with {@link SynergyPagingException}: when a
   * page holds only ids of the page before it (the server ignores {@code page}), or when the walk reaches more
   * pages than the first page's {@code totalItems} promised, plus a tenth of them and at least 10 more (room for
   * records added while paging). Only the ids of the page before are kept, so memory stays bounded.
   *
   * @param query the first page to read
   * @param list reads one page
   * @param <T> the record type
   * @param <Q> the query type
   * @return a lazy iterable of pages; its iterator throws what {@code list} throws, and
   *     {@link SynergyPagingException}
   */
  public static <T, Q extends SynergyQuery<Q>> Iterable<Page<T>> pages(Q query, Function<Q, Page<T>> list) {
    Objects.requireNonNull(query, "query == null");
    Objects.requireNonNull(list, "list == null");
    return () -> new PageIterator<>(query, list);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Page
        && ((Page<?>) other).totalItems == totalItems
        && ((Page<?>) other).items.equals(items)
        && ((Page<?>) other).undecodable.equals(undecodable);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, undecodable, totalItems);
  }

  @Override
  public String toString() {
    return "Page{items=" + items + (undecodable.isEmpty() ? "" : ", undecodable=" + undecodable)
        + ", totalItems=" + totalItems + "}";
  }

  private static final class PageIterator<T, Q extends SynergyQuery<Q>> implements Iterator<Page<T>> {
    private final Function<Q, Page<T>> list;
    private final PagingGuard guard;
    private Q next;

    PageIterator(Q first, Function<Q, Page<T>> list) {
      this.next = first;
      this.list = list;
      String listing = PagingGuard.name(first);
      this.guard = new PagingGuard(listing, listing);
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Page<T> next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Q query = next;
      next = null; // a failed page ends the walk
      Page<T> page = list.apply(query);
      guard.check(page, query.page(), query.pageSize());
      boolean last = page.received() < query.pageSize()
          || (long) query.page() * query.pageSize() >= page.totalItems();
      next = last ? null : query.withPage(query.page() + 1);
      return page;
    }
  }

  private static final class ItemIterator<T> implements Iterator<T> {
    private final Iterator<Page<T>> pages;
    private final Consumer<? super UndecodableRecord> onUndecodable;
    private Iterator<T> current = List.<T>of().iterator();

    ItemIterator(Iterator<Page<T>> pages, Consumer<? super UndecodableRecord> onUndecodable) {
      this.pages = pages;
      this.onUndecodable = onUndecodable;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && pages.hasNext()) {
        Page<T> page = pages.next();
        page.undecodable().forEach(onUndecodable);
        current = page.items().iterator();
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
