package dev.synergylink.tinyplus;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token from the implicit OAuth flow and when it expires. Immutable; {@code toString()} never shows the
 * token.
 */
public final class ImplicitToken {
  private final String accessToken;
  private final Instant expiresAt;

  /**
   * A token.
   *
   * @param accessToken the raw token
   * @param expiresAt when it expires, or null when the server did not say
   */
  public ImplicitToken(String accessToken, @Nullable Instant expiresAt) {
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken == null");
    if (accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken is blank");
    }
    this.expiresAt = expiresAt;
  }

  /**
   * The raw token. Keep it out of logs.
   *
   * @return the token
   */
  public String accessToken() {
    return accessToken;
  }

  /**
   * When the token expires.
   *
   * @return the instant, or null when unknown
   */
  @Nullable
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Whether the token has expired at a given instant.
   *
   * @param now the instant to test
   * @return true at or after {@link #expiresAt()}; false when the expiry is unknown
   */
  public boolean isExpired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImplicitToken
        && ((ImplicitToken) o).accessToken.equals(accessToken)
        && Objects.equals(((ImplicitToken) o).expiresAt, expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessToken, expiresAt);
  }

  @Override
  public String toString() {
    return "ImplicitToken{accessToken=<redacted>, expiresAt=" + expiresAt + "}";
  }
}
