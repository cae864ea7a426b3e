package dev.synergylink.sync.internal;

import dev.synergylink.synergy.SynergyPagingException;
import dev.synergylink.synergy.SynergyUnreadableResponseException;
import dev.synergylink.tinyplus.TinyPlusPagingException;
import dev.synergylink.tinyplus.TinyPlusUnreadableResponseException;
import java.util.function.Supplier;

/**
 * Reads one list page, asking again when its answer could not be read: a page cut short on the way (a proxy, a
 * dropped connection) reads fine the next time, while a page that cannot be read three times in a row stops its
 * record type. A listing that made no progress is not asked again: the server answers it the same way each time.
 */
final class PageReads {
  /** Tries of one page whose answer could not be read: the first and two more. */
  static final int TRIES = 3;

  private PageReads() {}

  static <X> X read(Supplier<X> page) {
    for (int tried = 1; ; tried++) {
      try {
        return page.get();
      } catch (RemoteFailure e) {
        if (tried >= TRIES || !unreadablePage(e.getCause())) {
          throw e;
        }
      }
    }
  }

  private static boolean unreadablePage(Throwable e) {
    return e instanceof SynergyUnreadableResponseException && !(e instanceof SynergyPagingException)
        || e instanceof TinyPlusUnreadableResponseException && !(e instanceof TinyPlusPagingException);
  }
}
