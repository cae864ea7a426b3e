package dev.synergylink.synergy;

import org.immutables.value.Value;

/**
 * The integration's registration with Synergy: application key and secret and the redirect URI that the
 * authorize page returns to. Its {@code toString()} never shows the secret.
 */
@SynergyStyle
@Value.Immutable
public interface OAuthApplication {
  /**
   * The application key.
   *
   * @return the key
   */
  String applicationKey();

  /**
   * The application secret.
   *
   * @return the secret
   */
  @Value.Redacted
  String applicationSecret();

  /**
   * Where the browser returns after the user approves, with {@code code} and {@code state}.
   *
   * @return the absolute URI registered with Synergy
   */
  String redirectUri();

  /**
   * An application.
   *
   * @param applicationKey the key
   * @param applicationSecret the secret
   * @param redirectUri the registered redirect URI
   * @return the application
   */
  static OAuthApplication of(String applicationKey, String applicationSecret, String redirectUri) {
    return ImmutableOAuthApplication.builder().applicationKey(applicationKey)
        .applicationSecret(applicationSecret).redirectUri(redirectUri).build();
  }
}
