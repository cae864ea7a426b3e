package dev.synergylink.sync.scheduler;

/**
 * How a connection's last run ended, as the schedule saw it: the report's stop cause kind, or one of the scheduler's
 * own outcomes.
 */
public enum RunOutcome {
  /** The run finished (or found the master switch off). Next run after the interval. */
  OK,
  /** Credentials refused: the connection is paused as needing re-authorisation. */
  AUTHENTICATION,
  /** Permission refused: the connection is paused as needing re-authorisation. */
  AUTHORISATION,
  /** Synergy's daily quota is spent: next run at the quota's reset. */
  QUOTA_SPENT,
  /** Rate limited: next run after a backoff, no earlier than the system asked. */
  RATE_LIMITED,
  /** A system was down: next run after a backoff. */
  SERVICE_UNAVAILABLE,
  /** The run lost its lease to another worker: skipped quietly, next run after the interval. */
  LEASE_LOST,
  /** Another worker held the lease: skipped quietly, next run after the interval. */
  LEASE_HELD,
  /** The settings refused the run: next run after the interval; the message says what to fix. */
  SETTINGS,
  /** A system's answer was unexpected: next run after a backoff. */
  UNEXPECTED,
  /** The engine factory or the run threw: next run after a backoff; the message names the exception. */
  ERROR
}
