package dev.synergylink.synergy;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * The tokens of an OAuth connection to Synergy. The host persists them through its {@link TokenStore};
 * Its {@code toString()} never shows a token.
 */
@SynergyStyle
@Value.Immutable
public interface OAuthTokens {
  /**
   * The access token sent in the {@code access-token} header; it lives an hour.
   *
   * @return the token; a secret
   */
  @Value.Redacted
  String accessToken();

  /**
   * The refresh token; it lives 30 days and rotates on every refresh.
   *
   * @return the token; a secret
   */
  @Value.Redacted
  String refreshToken();

  /**
   * When the access token expires, by the client's clock when it was received.
   *
   * @return the instant
   */
  Instant expiresAt();

  /**
   * The organisation the user approved, when the server said.
   *
   * @return the organisation's slug, or {@code null}
   */
  @Nullable String organisation();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableOAuthTokens.Builder builder() {
    return ImmutableOAuthTokens.builder();
  }
}
