package dev.synergylink.tinyplus;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Walks the pages of a list lazily, holding one page at a time. Not thread-safe. */
final class PageIterator<T, Q extends PagedQuery<Q>> implements Iterator<T> {
  private final Function<Q, Page<T>> fetch;
  private Q next;
  private Iterator<T> current = Collections.emptyIterator();

  PageIterator(Q first, Function<Q, Page<T>> fetch) {
    this.next = first;
    this.fetch = fetch;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && next != null) {
      Page<T> page = fetch.apply(next);
      current = page.records().iterator();
      next = page.hasMore() ? next.withStart(page.start() + page.records().size()) : null;
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
