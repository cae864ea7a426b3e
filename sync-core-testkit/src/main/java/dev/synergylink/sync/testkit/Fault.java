package dev.synergylink.sync.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What a faked call answers instead of its normal result. Install one with {@link Faults}.
 *
 * <p>In process, a fault surfaces as the client's own exception type: an HTTP status as the matching
 * {@code ...ApiException} subclass (429 with its {@code retryAfter()}), a timeout as the client's
 * {@code ...TransportException}, a malformed body as its {@code ...UnreadableResponseException}. Through an HTTP
 * fake server the same fault is sent over the wire: the status with the contract's error body and
 * {@code Retry-After}; a timeout or an ambiguous write as a connection closed without a response; a malformed body
 * as a 200 with a truncated JSON body.
 *
 * <p>Which faults change data: a status fault and a {@link #timeout()} are answered before the call is served, so a
 * write does nothing; {@link #ambiguousCreate()} and {@link #malformedBody()} serve the call first (the record is
 * created or changed) and then fail, so the caller cannot know the outcome.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {
  /** The kinds of fault. */
  public enum Kind {
    /** 429 with {@code Retry-After}. */
    RATE_LIMITED,
    /** A 5xx status without {@code Retry-After} (500 unless chosen otherwise). */
    SERVER_ERROR,
    /** 503 with {@code Retry-After}. */
    UNAVAILABLE,
    /** No answer: the call is not served and the caller sees a timeout. */
    TIMEOUT,
    /** The call is served, but the answer cannot be read. */
    MALFORMED_BODY,
    /** The call is served (a create creates its record), then the caller sees a timeout. */
    AMBIGUOUS_WRITE,
    /** 401: the credentials are refused (a revoked token, a dead OAuth connection). */
    UNAUTHORIZED,
    /** 403: the signed-in user may not do this. */
    FORBIDDEN
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;

  private Fault(Kind kind, int status, Duration retryAfter) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /**
   * 429 Too Many Requests with {@code Retry-After: 1}.
   *
   * @return the fault
   */
  public static Fault rateLimited() {
    return rateLimited(Duration.ofSeconds(1));
  }

  /**
   * 429 Too Many Requests with the given {@code Retry-After} (whole seconds, rounded up).
   *
   * @param retryAfter how long the caller is told to wait; zero or more
   * @return the fault
   */
  public static Fault rateLimited(Duration retryAfter) {
    return new Fault(Kind.RATE_LIMITED, 429, checkRetryAfter(retryAfter));
  }

  /**
   * 500 Internal Server Error.
   *
   * @return the fault
   */
  public static Fault serverError() {
    return serverError(500);
  }

  /**
   * A server error with a chosen 5xx status, such as 502 or 504, without {@code Retry-After}.
   *
   * @param status 500 to 599
   * @return the fault
   * @throws IllegalArgumentException when {@code status} is not a 5xx status
   */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 500 to 599, was " + status);
    }
    return new Fault(Kind.SERVER_ERROR, status, null);
  }

  /**
   * 503 Service Unavailable with {@code Retry-After: 1}.
   *
   * @return the fault
   */
  public static Fault unavailable() {
    return unavailable(Duration.ofSeconds(1));
  }

  /**
   * 503 Service Unavailable with the given {@code Retry-After} (whole seconds, rounded up).
   *
   * @param retryAfter how long the caller is told to wait; zero or more
   * @return the fault
   */
  public static Fault unavailable(Duration retryAfter) {
    return new Fault(Kind.UNAVAILABLE, 503, checkRetryAfter(retryAfter));
  }

  /**
   * A timeout: the call is not served and no answer comes.
   *
   * @return the fault
   */
  public static Fault timeout() {
    return new Fault(Kind.TIMEOUT, 0, null);
  }

  /**
   * A malformed body: the call is served (a write is applied), then the answer cannot be read.
   *
   * @return the fault
   */
  public static Fault malformedBody() {
    return new Fault(Kind.MALFORMED_BODY, 0, null);
  }

  /**
   * An ambiguous create: the record is created (on a PATCH or DELETE, the change is applied), then the caller sees a
   * timeout. On a read it acts as {@link #timeout()}.
   *
   * @return the fault
   */
  public static Fault ambiguousCreate() {
    return new Fault(Kind.AMBIGUOUS_WRITE, 0, null);
  }

  /**
   * 401 Unauthorized: the credentials are refused, as when a token was revoked. The call is not served.
   *
   * @return the fault
   */
  public static Fault unauthorized() {
    return new Fault(Kind.UNAUTHORIZED, 401, null);
  }

  /**
   * 403 Forbidden: the signed-in user may not do this. The call is not served.
   *
   * @return the fault
   */
  public static Fault forbidden() {
    return new Fault(Kind.FORBIDDEN, 403, null);
  }

  /**
   * The kind of fault.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The HTTP status the fault answers with.
   *
   * @return 401, 403, 429 or 5xx, or 0 for a fault without a status (timeout, malformed body, ambiguous write)
   */
  public int status() {
    return status;
  }

  /**
   * The {@code Retry-After} the fault sends.
   *
   * @return the duration, or null when the fault sends none
   */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether the call is served before the fault shows (the write happens). */
  boolean servesCall(boolean write) {
    return kind == Kind.MALFORMED_BODY || (kind == Kind.AMBIGUOUS_WRITE && write);
  }

  private static Duration checkRetryAfter(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    return retryAfter;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fault
        && ((Fault) o).kind == kind
        && ((Fault) o).status == status
        && Objects.equals(((Fault) o).retryAfter, retryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, retryAfter);
  }

  @Override
  public String toString() {
    return "Fault{" + kind + (status != 0 ? " " + status : "")
        + (retryAfter != null ? ", retryAfter=" + retryAfter.toSeconds() + "s" : "") + "}";
  }
}
