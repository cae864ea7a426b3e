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

  private FakeError(Kind kind, int status, String message, Map<String, List<String>> errors, Duration retryAfter) {
    super(message, null, false, false);
    this.kind = kind;
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }

  static FakeError http(int status, String message) {
    return new FakeError(Kind.HTTP, status, message, Map.of(), null);
  }

  static FakeError validation(String field, String problem) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    errors.put(field, List.of(problem));
    return new FakeError(Kind.HTTP, 400, "The request is invalid.", errors, null);
  }

  static FakeError validation(Map<String, List<String>> errors) {
    return new FakeError(Kind.HTTP, 400, "The request is invalid.", Map.copyOf(errors), null);
  }

  static FakeError notFound(String what, long id) {
    return http(404, what + " not found.");
  }

  static FakeError conflict(String field, String problem) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    errors.put(field, List.of(problem));
    return new FakeError(Kind.HTTP, 409, problem, errors, null);
  }

  static FakeError rateLimited(String message, Duration retryAfter) {
    return new FakeError(Kind.HTTP, 429, message, Map.of(), retryAfter);
  }

  static FakeError of(Fault fault) {
    switch (fault.kind()) {
      case RATE_LIMITED:
        return rateLimited("Too many requests.", fault.retryAfter());
      case SERVER_ERROR:
        return new FakeError(Kind.HTTP, fault.status(), "An error occurred on the server.", Map.of(), null);
      case UNAVAILABLE:
        return new FakeError(Kind.HTTP, 503, "The service is unavailable.", Map.of(), fault.retryAfter());
      case UNAUTHORIZED:
        return new FakeError(Kind.HTTP, 401, "The access token is not valid.", Map.of(), null);
      case FORBIDDEN:
        return new FakeError(Kind.HTTP, 403, "You do not have permission to do this.", Map.of(), null);
      case MALFORMED_BODY:
        return new FakeError(Kind.MALFORMED, 200, "malformed response body", Map.of(), null);
      case TIMEOUT:
      case AMBIGUOUS_WRITE:
      default:
        return new FakeError(Kind.TIMEOUT, 0, "timeout", Map.of(), null);
    }
  }
}
