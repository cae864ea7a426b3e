package dev.synergylink.tinyplus;

import java.time.ZoneId;

/**
 * The tiny+ API v2 of one account, as one token sees it. {@link #builder()} makes the HTTP implementation; the
 * tiny+ backend (or a test fake) may implement this interface in-process over its own services instead. An
 * in-process implementation keeps the contract's semantics: local-time dates in {@link #zone()}, strict
 * {@code >}/{@code <} filters to the second, soft deletes hidden from lists unless asked for, absent vs null in
 * writes ({@link WriteRequest#members()}), and the same exceptions.
 *
 * <p>What the sync engine uses: {@link #zone()}, {@link #me()} (setup: is the user an account admin),
 * {@code list}/{@code listAll}/{@code get}/{@code create}/{@code patch} of {@link #projects()},
 * {@link #companies()}, {@link #contacts()}, and {@code list}/{@code listAll}/{@code get}/
 * {@link TinyPlusTeamMembers#createGhost(TeamMemberCreate) createGhost}/{@code patch} of {@link #teamMembers()},
 * {@link #projectPhases()} (status mapping) and {@link #projectTypes()} (list, create). It never deletes.
 * {@link #account()} is used by {@link #zone()}'s default.
 *
 * <p>Implementations are thread-safe. The HTTP client's defaults (body limit, timeouts, call deadline, retries) are
 * listed on {@link TinyPlusClientBuilder}. Close a client when done with it ({@link #close()}); one client serves
 * many threads and many calls, so build one per connection, not one per call.
 * <p><b>Bad data.</b> A list page is read record by record: a record the client cannot read (a member of the wrong
 * type, a date in another format, a fee outside 15 digits before the point and 15 after, NaN) is reported in
 * {@link Page#undecodable()} with its id, the member at fault and the reason, and the rest of the page is
 * returned; only a page whose envelope is unreadable fails the call. A single-record call ({@code get},
 * {@code create}, ...) with such a member fails with {@link TinyPlusUnreadableResponseException}.
 *
 * <p><b>Page cap.</b> {@code listAll} and {@code listPages} stop with {@link TinyPlusPagingException} when a page
 * repeats the ids of the page before, or after the pages the first page's {@code total} promised plus a tenth and
 * at least 10 more (see {@link PagedResource#listPages(PagedQuery)}).
 *
 * <p><b>Credentials.</b> The HTTP client removes its token from every message, cause and request id it builds,
 * whatever the server echoes back.
 *
 * <p>Implementations are thread-safe.
 *
 * <pre>{@code
 * try (TinyPlusClient tiny = TinyPlusClient.builder()
 *     .tokenProvider(TokenProvider.of(System.getenv("TINYPLUS_TOKEN")))
 *     .build()) {
 *   Project p = tiny.projects().create(ProjectCreate.builder().name("Harbour Bridge").build());
 * }
 * }</pre>
 */
public interface TinyPlusClient extends AutoCloseable {
  /**
   * A builder for the HTTP implementation.
   *
   * @return a new builder
   */
  static TinyPlusClientBuilder builder() {
    return new TinyPlusClientBuilder();
  }

  /**
   * {@code GET /account}: the account the token belongs to, with its time zone.
   *
   * @return the account
   */
  Account account();

  /**
   * The account's time zone, in which every {@code created_date}, {@code modified_date} and date filter is written.
   * The HTTP client fetches {@code /account} once, on first need, unless the zone was preset on the builder.
   *
   * @return the zone
   */
  default ZoneId zone() {
    return account().timezone();
  }

  /**
   * {@code GET /me}: the team member the token acts for.
   *
   * @return the member; {@link TeamMember#accountAdmin()} tells whether it may set up a sync
   */
  TeamMember me();

  /**
   * The projects.
   *
   * @return the resource view
   */
  TinyPlusProjects projects();

  /**
   * The companies.
   *
   * @return the resource view
   */
  TinyPlusCompanies companies();

  /**
   * The contacts.
   *
   * @return the resource view
   */
  TinyPlusContacts contacts();

  /**
   * The team members.
   *
   * @return the resource view
   */
  TinyPlusTeamMembers teamMembers();

  /**
   * The project pipeline phases.
   *
   * @return the resource view
   */
  TinyPlusProjectPhases projectPhases();

  /**
   * The project types.
   *
   * @return the resource view
   */
  TinyPlusProjectTypes projectTypes();

  /**
   * Ends this client. The HTTP client refuses every later call with {@link TinyPlusClientClosedException}; when its
   * builder made the OkHttp client, its dispatcher's threads and its idle connections are released (calls under way
   * finish first). An OkHttp client the host handed to
   * {@link TinyPlusClientBuilder#okHttpClient(okhttp3.OkHttpClient)} is left open: the host closes it. Calling this
   * again does nothing. The default does nothing, for in-process implementations that hold nothing.
   */
  @Override
  default void close() {}
}
