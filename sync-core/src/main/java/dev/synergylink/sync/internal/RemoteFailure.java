package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyAuthenticationException;
import dev.synergylink.synergy.SynergyNotFoundException;
import dev.synergylink.synergy.SynergyPermissionException;
import dev.synergylink.synergy.SynergyRateLimitedException;
import dev.synergylink.synergy.SynergyServerException;
import dev.synergylink.synergy.SynergyTransportException;
import dev.synergylink.synergy.SynergyValidationException;
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusAuthenticationException;
import dev.synergylink.tinyplus.TinyPlusNotFoundException;
import dev.synergylink.tinyplus.TinyPlusPermissionException;
import dev.synergylink.tinyplus.TinyPlusRateLimitedException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import dev.synergylink.tinyplus.TinyPlusTransportException;
import dev.synergylink.tinyplus.TinyPlusValidationException;
import java.util.List;
import java.util.Map;

/** A failed API call, sorted by what the engine does next. */
public final class RemoteFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the engine does about a failure. */
  public enum Kind {
    /** The record does not exist (or was deleted): orphan the link, never recreate. */
    NOT_FOUND,
    /** The server refused the values: quarantine with the field and message. */
    INVALID,
    /** The server could not be reached or failed: a write's outcome is unknown; quarantine and retry. */
    TRANSIENT,
    /** The credentials or the quota do not allow going on: stop the run. */
    FATAL
  }

  private final Side side;
  private final Kind kind;
  private final String field;
  private final String serverMessage;

  private RemoteFailure(Side side, Kind kind, String field, String serverMessage, RuntimeException cause) {
    super(cause.getMessage(), cause);
    this.side = side;
    this.kind = kind;
    this.field = field;
    this.serverMessage = serverMessage;
  }

  /**
   * A value a field rule would not send because the system written to would refuse it: a refusal without a request.
   *
   * @param target the system the value was for
   * @param e what the rule said
   * @return the failure
   */
  public static RemoteFailure refused(Side target, dev.synergylink.sync.spi.InvalidValueException e) {
    return new RemoteFailure(target, Kind.INVALID, e.field(), e.getMessage(), e);
  }

  /**
   * Sorts a Synergy failure.
   *
   * @param e the failure
   * @return the sorted failure
   */
  public static RemoteFailure of(SynergyApiException e) {
    Kind kind;
    if (e instanceof SynergyNotFoundException) {
      kind = Kind.NOT_FOUND;
    } else if (e instanceof SynergyValidationException) {
      kind = Kind.INVALID;
    } else if (e instanceof SynergyAuthenticationException || e instanceof SynergyPermissionException
        || e instanceof SynergyRateLimitedException) {
      kind = Kind.FATAL;
    } else if (e instanceof SynergyTransportException || e instanceof SynergyServerException) {
      kind = Kind.TRANSIENT;
    } else {
      kind = e.status() >= 400 && e.status() < 500 ? Kind.INVALID : Kind.TRANSIENT;
    }
    return build(Side.SYNERGY, kind, e.fieldErrors(), e);
  }

  /**
   * Sorts a tiny+ failure.
   *
   * @param e the failure
   * @return the sorted failure
   */
  public static RemoteFailure of(TinyPlusApiException e) {
    Kind kind;
    if (e instanceof TinyPlusNotFoundException) {
      kind = Kind.NOT_FOUND;
    } else if (e instanceof TinyPlusValidationException) {
      kind = Kind.INVALID;
    } else if (e instanceof TinyPlusAuthenticationException || e instanceof TinyPlusPermissionException
        || e instanceof TinyPlusRateLimitedException) {
      kind = Kind.FATAL;
    } else if (e instanceof TinyPlusTransportException || e instanceof TinyPlusServerException) {
      kind = Kind.TRANSIENT;
    } else {
      kind = e.status() >= 400 && e.status() < 500 ? Kind.INVALID : Kind.TRANSIENT;
    }
    return build(Side.TINYPLUS, kind, e.fieldErrors(), e);
  }

  private static RemoteFailure build(Side side, Kind kind, Map<String, List<String>> fieldErrors, RuntimeException e) {
    String field = null;
    String message = e.getMessage();
    for (Map.Entry<String, List<String>> entry : fieldErrors.entrySet()) {
      field = entry.getKey();
      message = entry.getValue().isEmpty() ? e.getMessage() : String.join("; ", entry.getValue());
      break;
    }
    return new RemoteFailure(side, kind, field, message, e);
  }

  /**
   * The system that failed.
   *
   * @return the side
   */
  public Side side() {
    return side;
  }

  /**
   * Whether the failed call, a write, may have landed: its answer was lost after the request may have arrived, or the
   * system answered that it took it in a body that could not be read. Any other failure (a refusal, an error answered,
   * a value a field rule would not send) certainly did not.
   *
   * @return true when it may have landed
   */
  public boolean mayHaveLanded() {
    Throwable cause = getCause();
    return cause instanceof dev.synergylink.synergy.SynergyTransportException
        && ((dev.synergylink.synergy.SynergyTransportException) cause).mayHaveReachedServer()
        || cause instanceof dev.synergylink.tinyplus.TinyPlusTransportException
        && ((dev.synergylink.tinyplus.TinyPlusTransportException) cause).mayHaveReachedServer()
        || cause instanceof dev.synergylink.synergy.SynergyUnreadableResponseException
        || cause instanceof dev.synergylink.tinyplus.TinyPlusUnreadableResponseException;
  }

  /**
   * What to do next.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The first field the server named.
   *
   * @return the field, or null
   */
  public String field() {
    return field;
  }

  /**
   * The server's message for that field, or the whole message.
   *
   * @return the message
   */
  public String serverMessage() {
    return serverMessage;
  }
}
