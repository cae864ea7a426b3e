package dev.synergylink.synergy;

import java.util.List;
import java.util.Optional;

/**
 * A client of one Synergy organisation. {@link #builder()} makes the HTTP client; a host may also implement
 * this interface in-process (the testkit's fakes do). Implementations are thread-safe.
 *
 * <pre>{@code
 * try (SynergyClient synergy = SynergyClient.builder()
 *     .organisation("acme")
 *     .oauth(OAuthApplication.of(key, secret, redirectUri), tokenStore)
 *     .build()) {
 *   for (Project project : synergy.projects().listAll(ProjectQuery.builder().modifiedSince(cursor).build())) {
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Every call throws a {@link SynergyApiException} subclass when it fails. The HTTP client's defaults (body
 * limit, timeouts, call deadline, retries) are listed on {@link SynergyClientBuilder}. Close a client when done
 * with it ({@link #close()}); one client serves many threads and many calls, so build one per connection, not
 * one per call.
 * <p>Every call throws a {@link SynergyApiException} subclass when it fails.
 *
 * <p><b>Bad data.</b> A list page is read record by record: a record the client cannot read (a member of the wrong
 * type, a date that is not ISO-8601, a fee outside 15 digits before the point and 15 after, NaN) is reported in
 * {@link Page#undecodable()} with its id, the member at fault and the reason, and the rest of the page is
 * returned; only a page whose envelope is unreadable fails the call. A single-record call with such a member fails
 * with {@link SynergyUnreadableResponseException}. {@link #projectStatuses()} fails when any status is unreadable.
 *
 * <p><b>Page cap.</b> {@code listAll} and {@code listPages} stop with {@link SynergyPagingException} when a page
 * repeats the ids of the page before, or after the pages the first page's {@code totalItems} promised plus a tenth
 * and at least 10 more (see {@link Page#pages(SynergyQuery, java.util.function.Function)}).
 *
 * <p><b>Credentials.</b> The HTTP client removes every credential it holds (API key, access and refresh tokens,
 * application secret) from every message, cause and request id it builds, whatever the server echoes back.
 */
public interface SynergyClient extends AutoCloseable {
  /**
   * A builder of the HTTP client.
   *
   * @return a new builder
   */
  static SynergyClientBuilder builder() {
    return new SynergyClientBuilder();
  }

  /**
   * The organisation this client works on.
   *
   * @return the organisation's slug, as in its web app links
   */
  String organisation();

  /**
   * The staff member the credentials act for.
   *
   * @return the current user
   */
  CurrentUser currentUser();

  /**
   * All project statuses of the organisation: the six types and the firm's own statuses under them, including
   * retired ones.
   *
   * @return the statuses in the server's order
   */
  List<ProjectStatus> projectStatuses();

  /**
   * The projects.
   *
   * @return the projects resource
   */
  SynergyProjects projects();

  /**
   * The contacts of type Company or Individual.
   *
   * @return the contacts resource
   */
  SynergyContacts contacts();

  /**
   * The personnel: people who belong to Company contacts.
   *
   * @return the personnel resource
   */
  SynergyPersonnel personnel();

  /**
   * The staff, read-only.
   *
   * @return the staff resource
   */
  SynergyStaff staff();

  /**
   * The web app links of this organisation's records.
   *
   * @return the links
   */
  RecordLinks recordLinks();

  /**
   * The daily call quota as the last answer reported it.
   *
   * @return the quota, or empty before the first answer (or when the implementation has none)
   */
  Optional<Quota> lastQuota();

  /**
   * The HTTP requests this client has sent on the calling thread since it was built: every attempt of every call (a
   * retry after a 429, a 503 or a dropped connection, the 401 before a token refresh, a redirect), which is what
   * Synergy's daily quota counts, while a call that its retries made good looks like one call to its caller. Read it
   * before and after a call to learn what the call cost: the sync engine does, so that its daily call budget counts
   * the client's retries. An attempt that could not connect sent nothing and is not counted. Only the calling thread's
   * requests count, so calls made meanwhile on other threads do not blur the difference.
   *
   * <pre>{@code
   * long before = synergy.requestsSentOnThisThread();
   * synergy.contacts().get(id);
   * long spent = synergy.requestsSentOnThisThread() - before;   // 2 after a 503 and its retry
   * }</pre>
   *
   * <p>The default, for in-process implementations that send no HTTP request (the testkit's fakes), is always 0: a
   * caller then counts each call as one.
   *
   * @return the requests sent on this thread so far
   */
  default long requestsSentOnThisThread() {
    return 0;
  }

  /**
   * Ends this client. The HTTP client refuses every later call with {@link SynergyClientClosedException}; when
   * its builder made the OkHttp client, its dispatcher's threads and its idle connections are released (calls
   * under way finish first). An OkHttp client the host handed to
   * {@link SynergyClientBuilder#okHttpClient(okhttp3.OkHttpClient)} is left open: the host closes it. Calling
   * this again does nothing. The default does nothing, for in-process implementations that hold nothing.
   */
  @Override
  default void close() {}
}
