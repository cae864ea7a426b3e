package dev.synergylink.tinyplus;

import java.time.Clock;
import java.util.Objects;

/**
 * Supplies the access token that goes, raw and without a scheme prefix, into the {@code Authorization} header of
 * every call. tiny+ has no refresh token: a long-life token (made by an account admin in the tiny+ app, acting as
 * that user) lasts until revoked; an implicit-flow token ({@link ImplicitFlow}) lasts until it expires, after which
 * the user must authorize again.
 *
 * <p>Implementations must be thread-safe and must never put the token in {@code toString()}, a message or a log.
 */
@FunctionalInterface
public interface TokenProvider {
  /**
   * The current token, read before every call.
   *
   * @return the raw token
   * @throws TinyPlusAuthenticationException when no valid token is available (e.g. an implicit-flow token expired)
   */
  String token();

  /**
   * A long-life token.
   *
   * @param token the raw token
   * @return a provider that always returns it
   */
  static TokenProvider of(String token) {
    Objects.requireNonNull(token, "token == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank: pass the tiny+ access token");
    }
    return new TokenProvider() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public String toString() {
        return "TokenProvider{long-life, token=<redacted>}";
      }
    };
  }

  /**
   * A token from the implicit OAuth flow, refused once it has expired.
   *
   * @param token the token from {@link ImplicitFlow#tokenFromRedirect(java.net.URI, String)}
   * @param clock the clock that tells expiry
   * @return a provider that returns the token until it expires and then throws
   *     {@link TinyPlusAuthenticationException} asking for a new authorization
   */
  static TokenProvider of(ImplicitToken token, Clock clock) {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(clock, "clock == null");
    return new TokenProvider() {
      @Override
      public String token() {
        if (token.isExpired(clock.instant())) {
          throw new TinyPlusAuthenticationException(
              "the tiny+ implicit-flow token expired at " + token.expiresAt()
                  + "; there is no refresh: send the user through ImplicitFlow.authorizeUrl(state) again",
              0, null, null, null, null, null);
        }
        return token.accessToken();
      }

      @Override
      public String toString() {
        return "TokenProvider{implicit, " + token + "}";
      }
    };
  }
}
