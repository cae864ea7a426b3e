package dev.synergylink.synergy.internal;


import java.util.Collection;
import java.util.List;

/** Where the {@code access-token} header's value comes from. */
interface AccessTokens {
  /** Every credential held now, to be scrubbed from whatever a server sends back. */
  Collection<String> secrets();

  /** A call sent with {@code token} was answered with something other than 401. */
  default void accepted(String token) {}

  /** {@code token}, handed out by {@link #afterRejection}, was refused (401) at once as well. */
  default void refusedAgain(String token) {}

  /** The token to send now; may refresh first when it is about to expire. */
  String current();

  /** Whether a refused token can be replaced by a refresh (an API key cannot). */
  boolean refreshable();

  /** A token to retry with after {@code rejected} got a 401; only when {@link #refreshable()}. */
  String afterRejection(String rejected);

  /** What to do after a 401 that a refresh did not cure. */
  String unauthorizedHint();

  static AccessTokens apiKey(String key) {
    return new AccessTokens() {
      @Override
      public Collection<String> secrets() {
        return List.of(key);
      }

      @Override
      public String current() {
        return key;
      }

      @Override
      public boolean refreshable() {
        return false;
      }

      @Override
      public String afterRejection(String rejected) {
        throw new IllegalStateException("an API key cannot be refreshed");
      }

      @Override
      public String unauthorizedHint() {
        return "The API key is expired or revoked: create a new key in Synergy and pass it to apiKey(...)";
      }

      @Override
      public String toString() {
        return "AccessTokens.apiKey";
      }
    };
  }
}
