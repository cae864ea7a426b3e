package dev.synergylink.tinyplus;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

/** Lazy walks over the pages of a list and over their records, holding one page at a time. Not thread-safe. */
final class PageWalk {
  private PageWalk() {}

  /** Every page from the query's start on, each checked by a {@link PagingGuard}. */
  static <T, Q extends PagedQuery<Q>> Iterator<Page<T>> pages(Q first, Function<Q, Page<T>> fetch) {
    PagingGuard guard = new PagingGuard(PagingGuard.name(first));
    return new Iterator<>() {
      private Q next = first;

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
        Page<T> page = fetch.apply(query);
        guard.check(page, query.limit());
        next = page.hasMore() ? query.withStart(page.nextStart()) : null;
        return page;
      }
    };
  }

  /** The records of the pages, handing every unreadable record to {@code onUndecodable} as its page arrives. */
  static <T> Iterator<T> records(Iterator<Page<T>> pages, Consumer<? super UndecodableRecord> onUndecodable) {
    return new Iterator<>() {
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          Page<T> page = pages.next();
          page.undecodable().forEach(onUndecodable);
          current = page.records().iterator();
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
    };
  }
}
