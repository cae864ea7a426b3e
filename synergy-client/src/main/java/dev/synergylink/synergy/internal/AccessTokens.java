package dev.synergylink.synergy.internal;

/** Where the {@code access-token} header's value comes from. */
interface AccessTokens {
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
