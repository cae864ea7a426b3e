package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.SynergyApiException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Translates the contract's {@code Error} answers: {@code {message, errors, requestId}}. */
final class ApiErrors implements ErrorTranslator {
  private final String unauthorizedHint;
  private final Redaction redaction;

  /**
   * @param unauthorizedHint what to do after a 401, added to its message
   * @param redaction removes the client's credentials from what the server sent
   */
  ApiErrors(String unauthorizedHint, Redaction redaction) {
    this.unauthorizedHint = unauthorizedHint;
    this.redaction = redaction;
  }

  @Override
  public SynergyApiException translate(ErrorAnswer answer) {
    Wire.WireError error = parse(answer.body());
    // parsed text is scrubbed again: JSON escapes (a token with "/" sent as "\/") hide it from the raw body's scrub
    String message = error != null && error.message != null && !error.message.isBlank()
        ? redaction.text(error.message) : defaultMessage(answer.status());
    String requestId = answer.requestId() != null ? answer.requestId()
        : error != null ? redaction.text(error.requestId) : null;
    Map<String, List<String>> fieldErrors = error != null && error.errors != null
        ? redaction.fieldErrors(error.errors) : Map.of();
    String reason = "Synergy answered " + answer.status() + ": " + message;
    if (answer.status() == 401) {
      reason += ". " + unauthorizedHint;
    } else if (answer.status() == 403) {
      reason += ". The connected user's security level does not allow this; connect with an Administrator";
    } else if (answer.status() >= 300 && answer.status() < 400) {
      reason += ". Redirects to another scheme are not followed; check baseUrl";
    }
    return SynergyApiException.forStatus(answer.status(), reason, requestId, answer.method(), answer.path(),
        fieldErrors, answer.retryAfter());
  }

  private static Wire.WireError parse(String body) {
    try {
      return body.isBlank() ? null : Wire.ERROR.fromJson(body);
    } catch (IOException | RuntimeException e) {
      return null; // an error body that is not the contract's shape: the status still says what happened
    }
  }

  private static String defaultMessage(int status) {
    switch (status) {
      case 400: return "the request was rejected";
      case 401: return "the credentials were refused";
      case 403: return "forbidden";
      case 404: return "no such record (it never existed or was deleted in Synergy)";
      case 429: return "too many requests";
      default: return status >= 500 ? "server trouble" : "unexpected answer";
    }
  }
}
