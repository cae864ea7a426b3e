package dev.synergylink.sync;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * Why a run (or an operation that returns no report) stopped early, typed so that a host can act on it: ask the
 * user to connect again, wait for the quota's reset, try again later. Cursors were not moved past unprocessed
 * records; the next run goes on from there.
 *
 * <pre>{@code
 * SyncReport report = engine.syncOnce();
 * if (report.aborted()) {
 *   switch (report.stopCause().kind()) {
 *     case AUTHENTICATION: askTheUserToReconnect(report.stopCause().side()); break;
 *     case QUOTA_SPENT: case RATE_LIMITED: runAgainAt(report.stopCause().retryAt()); break;
 *     default: log.warn(report.abortedBecause());
 *   }
 * }
 * }</pre>
 */
@SyncStyle
@Value.Immutable
public interface StopCause {
  /** What stopped the run, by what the host does next. */
  enum Kind {
    /**
     * A system refused the credentials, or the OAuth connection is dead (its refresh token expired or was revoked):
     * the user connects that system again (re-authorises); runs fail until then.
     */
    AUTHENTICATION,
    /**
     * The signed-in user may not do what the run needed (403): connect with a user who may (a Synergy
     * Administrator, a tiny+ account admin), or grant the permission.
     */
    AUTHORISATION,
    /**
     * Synergy's daily call quota, or the connection's daily Synergy call budget
     * ({@link dev.synergylink.sync.CallBudgetSpentException}), is spent: run again after {@link #retryAt()}, the
     * reset when known.
     */
    QUOTA_SPENT,
    /** Too many calls for now (429): run again after {@link #retryAt()} when the system said how long to wait. */
    RATE_LIMITED,
    /**
     * A system failed or could not be reached (5xx, a timeout, a refused connection): run again later, after
     * {@link #retryAt()} when the system said.
     */
    SERVICE_UNAVAILABLE,
    /**
     * This run outlived its lease and another worker took the connection over: the run stopped without changing
     * anything more; the other worker goes on, nothing to do.
     */
    LEASE_LOST,
    /**
     * The settings or the setup steps do not allow the run (for example the projects sync with a status left
     * unmapped, or before the companies were synced): nothing moved; fix what the message says. The exception is
     * a {@link SyncSettingsException} listing every problem.
     */
    SETTINGS,
    /** A system's answer fits none of the above (an unexpected status, an answer that cannot be read). */
    UNEXPECTED
  }

  /**
   * What stopped the run.
   *
   * @return the kind
   */
  Kind kind();

  /**
   * The system that stopped the run.
   *
   * @return the side, or null when no system did ({@link Kind#LEASE_LOST}, {@link Kind#SETTINGS})
   */
  @Nullable
  Side side();

  /**
   * One sentence for a person: what happened and what to do.
   *
   * @return the sentence
   */
  String message();

  /**
   * When to run again, when the system said: the quota's reset, or now plus the {@code Retry-After} it sent.
   *
   * @return the instant, or null when unknown
   */
  @Nullable
  Instant retryAt();

  /**
   * The underlying exception: the client's typed exception (such as
   * {@link dev.synergylink.synergy.SynergyAuthenticationException}), the state store's
   * {@link dev.synergylink.sync.spi.LeaseLostException}, or a {@link SyncSettingsException}.
   *
   * @return the exception
   */
  RuntimeException exception();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableStopCause.Builder builder() {
    return ImmutableStopCause.builder();
  }
}
