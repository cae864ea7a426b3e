package dev.synergylink.synergy.internal;

/** Removes secrets from text that came from elsewhere before it goes into a message. */
final class Redaction {
  private Redaction() {}

  static String scrub(String text, String... secrets) {
    String result = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, "[redacted]");
      }
    }
    return result;
  }
}
