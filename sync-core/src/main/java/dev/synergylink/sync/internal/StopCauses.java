package dev.synergylink.sync.internal;

import dev.synergylink.sync.CallBudgetSpentException;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.StopCause.Kind;
import dev.synergylink.sync.SyncSettingsException;
import dev.synergylink.sync.SyncStoppedException;
import dev.synergylink.sync.spi.LeaseLostException;
import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyAuthenticationException;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyPermissionException;
import dev.synergylink.synergy.SynergyRateLimitedException;
import dev.synergylink.synergy.SynergyServerException;
import dev.synergylink.synergy.SynergyTransportException;
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusAuthenticationException;
import dev.synergylink.tinyplus.TinyPlusPermissionException;
import dev.synergylink.tinyplus.TinyPlusRateLimitedException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import dev.synergylink.tinyplus.TinyPlusTransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns what stopped a run into a typed {@link StopCause}: the clients' typed exceptions (as they are or sorted into a
 * {@link RemoteFailure}), a lost lease, or the projects sync refused by its settings.
 */
public final class StopCauses {
  private final SynergyClient synergy;
  private final Clock clock;

  /**
   * Sorts failures of one engine.
   *
   * @param synergy the Synergy client, whose last quota tells a spent quota from a rate limit
   * @param clock the clock, to turn a {@code Retry-After} into an instant
   */
  public StopCauses(SynergyClient synergy, Clock clock) {
    this.synergy = synergy;
    this.clock = clock;
  }

  /**
   * The stop cause of a run's failure.
   *
   * @param e a {@link RemoteFailure}, a client's exception, a {@link LeaseLostException} or a
   *     {@link SyncSettingsException}
   * @param what what stopped, for the sentence ("run", "operation")
   * @return the cause
   */
  public StopCause of(RuntimeException e, String what) {
    if (e instanceof RemoteFailure) {
      RemoteFailure failure = (RemoteFailure) e;
      String system = failure.side() == Side.SYNERGY ? "Synergy" : "tiny+";
      return client(failure.side(), (RuntimeException) failure.getCause(),
          system + " stopped the " + what + ": " + failure.getMessage());
    }
    if (e instanceof SynergyApiException) {
      return client(Side.SYNERGY, e, "the " + what + " stopped: " + e.getMessage());
    }
    if (e instanceof TinyPlusApiException) {
      return client(Side.TINYPLUS, e, "the " + what + " stopped: " + e.getMessage());
    }
    if (e instanceof LeaseLostException) {
      return StopCause.builder().kind(Kind.LEASE_LOST).exception(e)
          .message("another worker took the connection over, so the " + what + " stopped without changing anything"
              + " more: " + e.getMessage())
          .build();
    }
    if (e instanceof CallBudgetSpentException) {
      return StopCause.builder().kind(Kind.QUOTA_SPENT).side(Side.SYNERGY).exception(e)
          .retryAt(((CallBudgetSpentException) e).resetAt())
          .message("the " + what + " stopped: " + e.getMessage()).build();
    }
    if (e instanceof SyncSettingsException) {
      return StopCause.builder().kind(Kind.SETTINGS).exception(e).message(e.getMessage()).build();
    }
    return StopCause.builder().kind(Kind.UNEXPECTED).exception(e).message("the " + what + " stopped: " + e).build();
  }

  /**
   * The exception an operation without a report throws for a failure.
   *
   * @param e a {@link RemoteFailure} or a client's exception
   * @return the exception to throw
   */
  public SyncStoppedException stopped(RuntimeException e) {
    return new SyncStoppedException(of(e, "operation"));
  }

  private StopCause client(Side side, RuntimeException e, String message) {
    Kind kind = Kind.UNEXPECTED;
    Instant retryAt = null;
    if (e instanceof SynergyAuthenticationException || e instanceof TinyPlusAuthenticationException) {
      kind = Kind.AUTHENTICATION;
    } else if (e instanceof SynergyPermissionException || e instanceof TinyPlusPermissionException) {
      kind = Kind.AUTHORISATION;
    } else if (e instanceof SynergyRateLimitedException) {
      // Synergy answers 429 both to a spent daily quota and to too many calls a second: the quota headers tell
      Optional<Quota> quota = synergy.lastQuota().filter(q -> q.remaining() <= 0);
      kind = quota.isPresent() ? Kind.QUOTA_SPENT : Kind.RATE_LIMITED;
      retryAt = quota.map(Quota::resetAt).orElseGet(() -> after(((SynergyRateLimitedException) e).retryAfter()));
    } else if (e instanceof TinyPlusRateLimitedException) {
      kind = Kind.RATE_LIMITED;
      retryAt = after(((TinyPlusRateLimitedException) e).retryAfter());
    } else if (e instanceof SynergyServerException) {
      kind = Kind.SERVICE_UNAVAILABLE;
      retryAt = after(((SynergyServerException) e).retryAfter());
    } else if (e instanceof TinyPlusServerException || e instanceof SynergyTransportException
        || e instanceof TinyPlusTransportException) {
      kind = Kind.SERVICE_UNAVAILABLE;
    }
    return StopCause.builder().kind(kind).side(side).message(message).retryAt(retryAt).exception(e).build();
  }

  private Instant after(Duration wait) {
    return wait == null || wait.isZero() || wait.isNegative() ? null : clock.instant().plus(wait);
  }
}
