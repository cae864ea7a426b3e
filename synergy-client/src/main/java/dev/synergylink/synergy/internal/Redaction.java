package dev.synergylink.synergy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Removes the credentials a client holds (access token, refresh token, application secret, API key) from text and
 * failures that came from elsewhere, such as a server that echoes the request's {@code access-token} header into
 * its error body, before they go into a message, a cause or a {@code toString()}.
 */
final class Redaction {
  static final String MARK = "[redacted]";

  private final Supplier<? extends Collection<String>> secrets;

  /**
   * @param secrets every credential the client holds now; asked again each time, since tokens rotate
   */
  Redaction(Supplier<? extends Collection<String>> secrets) {
    this.secrets = secrets;
  }

  static Redaction none() {
    return new Redaction(List::of);
  }

  /** This redaction and some more secrets, such as the grant of a token request in flight. */
  Redaction and(String... more) {
    return new Redaction(() -> {
      List<String> all = new ArrayList<>(secrets.get());
      all.addAll(java.util.Arrays.asList(more));
      return all;
    });
  }

  static String scrub(String text, String... secrets) {
    return scrub(text, java.util.Arrays.asList(secrets));
  }

  private static String scrub(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, MARK);
      }
    }
    return result;
  }

  String text(String text) {
    return scrub(text, secrets.get());
  }

  Map<String, List<String>> fieldErrors(Map<String, List<String>> fieldErrors) {
    Collection<String> all = secrets.get();
    Map<String, List<String>> clean = new LinkedHashMap<>();
    fieldErrors.forEach((field, messages) -> {
      List<String> cleanMessages = new ArrayList<>();
      if (messages != null) {
        messages.forEach(m -> cleanMessages.add(scrub(m, all)));
      }
      clean.put(scrub(field, all), cleanMessages);
    });
    return clean;
  }

  /**
   * The failure itself when no message in its chain holds a secret; otherwise a stand-in with the same class
   * name, scrubbed message and stack trace, over a likewise scrubbed cause.
   */
  Throwable cause(Throwable failure) {
    Collection<String> all = secrets.get();
    return holds(failure, all) ? new RedactedFailure(failure, all) : failure;
  }

  private static boolean holds(Throwable failure, Collection<String> secrets) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !scrub(message, secrets).equals(message)) {
        return true;
      }
    }
    return false;
  }

  /** A failure whose message held a credential, as it reads once the credential is removed. */
  static final class RedactedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedFailure(Throwable original, Collection<String> secrets) {
      super(original.getClass().getName() + ": " + scrub(original.getMessage(), secrets),
          original.getCause() == null || original.getCause() == original || !holds(original.getCause(), secrets)
              ? original.getCause() : new RedactedFailure(original.getCause(), secrets));
      setStackTrace(original.getStackTrace());
    }
  }
}
