package dev.synergylink.sync.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a fake's core answers a call that fails. The in-process fakes turn it into the client's exception; the HTTP
 * fake servers into a response. Never escapes the package.
 */
final class FakeError extends RuntimeException {
  enum Kind { HTTP, TIMEOUT, MALFORMED }

  final Kind kind;
  final int status;
  final Map<String, List<String>> errors;
  final Duration retryAfter;
  /**
   * Whether the caller broke the contract (a malformed or invalid request, a method or path the contract does not
   * have), as opposed to a refusal the caller could not foresee (a record gone, a token expired, a limit, a fault).
   * Only these go to the fake's record of contract violations.
   */
  final boolean breaksContract;
  /** The methods the path allows, for a 405's {@code Allow} header; empty otherwise. */
  final List<String> allow;

  private FakeError(Kind kind, int status, String message, Map<String, List<String>> errors, Duration retryAfter,
      boolean breaksContract, List<String> allow) {
    super(message, null, false, false);
    this.kind = kind;
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
    this.breaksContract = breaksContract;
    this.allow = allow;
  }

  private static FakeError of(Kind kind, int status, String message, Duration retryAfter) {
    return new FakeError(kind, status, message, Map.of(), retryAfter, false, List.of());
  }

  /** A refusal by status alone: a 400 says the request broke the contract; a 404, a 401 or a 5xx does not. */
  static FakeError http(int status, String message) {
    return new FakeError(Kind.HTTP, status, message, Map.of(), null, status == 400, List.of());
  }

  /**
   * A request outside the contract answered with a status that does not say so by itself: a path the contract
   * does not have (404), a missing credential header (401).
   */
  static FakeError misuse(int status, String message) {
    return new FakeError(Kind.HTTP, status, message, Map.of(), null, true, List.of());
  }

  /** 405, with the methods the path allows for the {@code Allow} header. */
  static FakeError methodNotAllowed(String method, String path, List<String> allowed) {
    return new FakeError(Kind.HTTP, 405, method + " is not allowed on " + path + "; allowed: "
        + String.join(", ", allowed) + ".", Map.of(), null, true, List.copyOf(allowed));
  }

  static FakeError validation(String field, String problem) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    errors.put(field, List.of(problem));
    return validation(errors);
  }

  static FakeError validation(Map<String, List<String>> errors) {
    return validation(errors, true);
  }

  /**
   * A 400 naming the fields at fault. {@code breaksContract} is false when every error is a reference to a record
   * that is gone or no longer usable (deleted, deactivated): the caller's view was stale, which a person can cause
   * between its read and its write.
   */
  static FakeError validation(Map<String, List<String>> errors, boolean breaksContract) {
    return new FakeError(Kind.HTTP, 400, "The request is invalid.", Map.copyOf(errors), null, breaksContract,
        List.of());
  }

  /** A 400 for a state the caller could not see, such as a used or expired OAuth grant: no contract broken. */
  static FakeError refusedGrant(String error, String description) {
    return new FakeError(Kind.HTTP, 400, description, Map.of(error, List.of(description)), null, false, List.of());
  }

  static FakeError notFound(String what, long id) {
    return http(404, what + " not found.");
  }

  static FakeError conflict(String field, String problem) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    errors.put(field, List.of(problem));
    return new FakeError(Kind.HTTP, 409, problem, errors, null, false, List.of());
  }

  static FakeError rateLimited(String message, Duration retryAfter) {
    return of(Kind.HTTP, 429, message, retryAfter);
  }

  static FakeError of(Fault fault) {
    switch (fault.kind()) {
      case RATE_LIMITED:
        return rateLimited("Too many requests.", fault.retryAfter());
      case SERVER_ERROR:
        return of(Kind.HTTP, fault.status(), "An error occurred on the server.", null);
      case UNAVAILABLE:
        return of(Kind.HTTP, 503, "The service is unavailable.", fault.retryAfter());
      case UNAUTHORIZED:
        return of(Kind.HTTP, 401, "The access token is not valid.", null);
      case FORBIDDEN:
        return of(Kind.HTTP, 403, "You do not have permission to do this.", null);
      case MALFORMED_BODY:
        return of(Kind.MALFORMED, 200, "malformed response body", null);
      case TIMEOUT:
      case AMBIGUOUS_WRITE:
      default:
        return of(Kind.TIMEOUT, 0, "timeout", null);
    }
  }
}
