package dev.synergylink.tinyplus;

/**
 * A listing that made no progress was stopped: a page repeated the ids of the page before it, or the pages ran
 * past the cap derived from the first page's {@code total} (see {@link PagedResource#listPages(PagedQuery)}). The
 * server is answering wrongly (e.g. a {@code total} that keeps growing, or a {@code start} it ignores); paging on
 * would never end. Not retried: report it to tiny+ with the message.
 */
public class TinyPlusPagingException extends TinyPlusUnreadableResponseException {
  /**
   * A listing stopped.
   *
   * @param detail what the server did
   * @param method the HTTP method of the list call, or null
   * @param path the list's path without query, e.g. {@code /projects}, or null
   */
  public TinyPlusPagingException(String detail, @Nullable String method, @Nullable String path) {
    super(detail, 200, null, method, path, null, null);
  }
}
