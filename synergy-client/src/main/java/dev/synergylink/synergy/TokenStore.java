package dev.synergylink.synergy;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the host keeps a connection's OAuth tokens. The client loads them once when it first needs a token and
 * saves every new pair before it uses the new access token: refresh tokens rotate, and the old one stops
 * working 60 seconds after use, so a pair that was not saved would end the connection. Implementations must be
 * thread-safe; {@link #save} is never called by two threads of one client at once.
 *
 * <p><b>One client per connection.</b> Build one {@link SynergyClient} per store and share it (it is
 * thread-safe). Two clients over one store each refresh on their own: both can send the same rotating refresh
 * token, and the pair one of them saves can be overwritten by the other's. A client picks up tokens the host saved
 * (after a new authorisation) the next time it needs to refresh or after a refused token.
 */
public interface TokenStore {
  /**
   * The tokens saved last.
   *
   * @return the tokens, or {@code null} when the connection was never made (then calls fail with
   *     {@link SynergyAuthenticationException} asking to connect)
   */
  @Nullable OAuthTokens load();

  /**
   * Persists new tokens. When this throws, the client does not use the new tokens and the call fails with
   * this exception.
   *
   * @param tokens the new tokens, replacing the old ones
   */
  void save(OAuthTokens tokens);

  /**
   * A store that keeps the tokens in memory only: for tests and short-lived tools.
   *
   * @param initial the tokens to start with, or {@code null}
   * @return a new thread-safe store
   */
  static TokenStore inMemory(@Nullable OAuthTokens initial) {
    AtomicReference<OAuthTokens> tokens = new AtomicReference<>(initial);
    return new TokenStore() {
      @Override
      public @Nullable OAuthTokens load() {
        return tokens.get();
      }

      @Override
      public void save(OAuthTokens newTokens) {
        tokens.set(Objects.requireNonNull(newTokens, "tokens == null"));
      }

      @Override
      public String toString() {
        return "TokenStore.inMemory";
      }
    };
  }
}
