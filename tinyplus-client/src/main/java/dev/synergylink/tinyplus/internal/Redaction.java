package dev.synergylink.tinyplus.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes the client's credential from text and failures that came from elsewhere (a server that echoes the
 * request's {@code Authorization} header into its error body, a status line, a member name) before they go into
 * a message, a cause or a {@code toString()}.
 */
final class Redaction {
  static final String MARK = "[redacted]";

  private Redaction() {}

  static String scrub(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, MARK);
  }

  static Map<String, List<String>> scrub(Map<String, List<String>> fieldErrors, String secret) {
    if (fieldErrors == null) {
      return null;
    }
    Map<String, List<String>> clean = new LinkedHashMap<>();
    fieldErrors.forEach((field, messages) -> {
      List<String> cleanMessages = new ArrayList<>(messages.size());
      messages.forEach(m -> cleanMessages.add(scrub(m, secret)));
      clean.put(scrub(field, secret), cleanMessages);
    });
    return clean;
  }

  /**
   * The failure itself when no message in its chain holds the secret; otherwise a stand-in with the same class
   * name, scrubbed message and stack trace, over a likewise scrubbed cause.
   */
  static Throwable scrub(Throwable failure, String secret) {
    if (failure == null || secret == null || secret.isEmpty() || !holds(failure, secret)) {
      return failure;
    }
    return new RedactedFailure(failure, secret);
  }

  private static boolean holds(Throwable failure, String secret) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(secret)) {
        return true;
      }
    }
    return false;
  }

  /** A failure whose message held a credential, as it reads once the credential is removed. */
  static final class RedactedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedFailure(Throwable original, String secret) {
      super(original.getClass().getName() + ": " + scrub(original.getMessage(), secret),
          original.getCause() == original ? null : scrub(original.getCause(), secret));
      setStackTrace(original.getStackTrace());
    }
  }
}
