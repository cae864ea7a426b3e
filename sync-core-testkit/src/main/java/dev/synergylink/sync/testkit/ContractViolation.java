package dev.synergylink.sync.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request a fake refused because it broke the API contract: an invalid or malformed body, a wrong
 * {@code Content-Type}, a read-only or unknown member, a value the contract does not allow, a method or path the
 * contract does not have, a missing credential header. Read them with {@code fake.contractViolations()}; assert
 * there are none with {@link ContractViolations#assertNone(SynergyFake, TinyPlusFake)}.
 *
 * <p>Refusals the caller could not have avoided by following the contract are not violations: a record deleted
 * meanwhile (404), an expired token (401), a duplicate project type (409), rate limits (429), and every fault that
 * {@link Faults} injects.
 *
 * <p>Immutable.
 */
public final class ContractViolation {
  private final Instant at;
  private final String method;
  private final String path;
  private final int status;
  private final String message;
  private final Map<String, List<String>> fieldErrors;

  ContractViolation(Instant at, String method, String path, int status, String message,
      Map<String, List<String>> fieldErrors) {
    this.at = Objects.requireNonNull(at, "at == null");
    this.method = Objects.requireNonNull(method, "method == null");
    this.path = Objects.requireNonNull(path, "path == null");
    this.status = status;
    this.message = Objects.requireNonNull(message, "message == null");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fieldErrors.forEach((field, problems) -> copy.put(field, List.copyOf(problems)));
    this.fieldErrors = Collections.unmodifiableMap(copy);
  }

  /**
   * When the request was refused, by the fake's clock.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * The request's HTTP method.
   *
   * @return e.g. {@code PATCH}
   */
  public String method() {
    return method;
  }

  /**
   * The request's path as the contract writes it, below the API's base URL and without the query: the same for the
   * in-process fake and the HTTP fake server.
   *
   * @return e.g. {@code /Organisation/test-org/Projects/5001} or {@code /team_members/7}
   */
  public String path() {
    return path;
  }

  /**
   * The status the fake answered.
   *
   * @return 400 for an invalid request, 405 for a method the path does not allow, 404 for a path the contract does
   *     not have, 401 for a missing credential header
   */
  public int status() {
    return status;
  }

  /**
   * The rule the request broke, in one line: the field errors as {@code field: problem} joined by {@code "; "},
   * or the refusal's message when it names no field.
   *
   * @return e.g. {@code email: The email of an active team member cannot be changed.}
   */
  public String rule() {
    if (fieldErrors.isEmpty()) {
      return message;
    }
    List<String> parts = new ArrayList<>();
    fieldErrors.forEach((field, problems) -> problems.forEach(p -> parts.add(field + ": " + p)));
    return String.join("; ", parts);
  }

  /**
   * The field errors of a 400, as its body's {@code errors} member names them.
   *
   * @return field name to problems, unmodifiable, in the order the fake found them; empty when the refusal names no
   *     field
   */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  /**
   * The refusal in one line, e.g. {@code PATCH /team_members/7 -> 400 email: The email of an active team member
   * cannot be changed.}
   *
   * @return the line
   */
  @Override
  public String toString() {
    return method + " " + path + " -> " + status + " " + rule();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContractViolation)) {
      return false;
    }
    ContractViolation other = (ContractViolation) o;
    return at.equals(other.at) && method.equals(other.method) && path.equals(other.path) && status == other.status
        && message.equals(other.message) && fieldErrors.equals(other.fieldErrors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(at, method, path, status, message, fieldErrors);
  }
}
