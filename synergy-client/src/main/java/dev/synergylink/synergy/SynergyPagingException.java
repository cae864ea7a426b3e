package dev.synergylink.synergy;

/**
 * A listing that made no progress was stopped: a page repeated the ids of the page before it, or the pages ran
 * past the cap derived from the first page's {@code totalItems} (see
 * {@link SynergyReadResource#listPages(SynergyQuery)}). Synergy is answering wrongly (a {@code totalItems} that
 * keeps growing, a {@code page} parameter it ignores); paging on would spend the daily quota for nothing. Not
 * retried: report it to Synergy support with the message.
 */
public class SynergyPagingException extends SynergyUnreadableResponseException {
  /**
   * A listing stopped.
   *
   * @param reason what the server did
   * @param path the list's path, or a description of the listing when the path is not known
   */
  public SynergyPagingException(String reason, String path) {
    super(reason, 200, null, "GET", path, null);
  }
}
