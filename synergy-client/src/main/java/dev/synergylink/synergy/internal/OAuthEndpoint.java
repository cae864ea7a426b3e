package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.OAuthTokens;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The OAuth token endpoints on the API host. */
public final class OAuthEndpoint {
  private OAuthEndpoint() {}

  /**
   * An endpoint with default policies.
   *
   * @param baseUrl the API root
   * @param application the integration
   * @param http the OkHttp client to derive from
   * @param clock dates expiry
   * @return the endpoint
   */
  public static OAuthEndpoint standalone(HttpUrl baseUrl, OAuthApplication application, OkHttpClient http,
      Clock clock) {
    throw new UnsupportedOperationException("the OAuth endpoint lands in the next commit");
  }

  /**
   * Exchanges a code.
   *
   * @param code the code
   * @return the tokens
   */
  public OAuthTokens exchangeCode(String code) {
    throw new UnsupportedOperationException("the OAuth endpoint lands in the next commit");
  }

  /**
   * Refreshes.
   *
   * @param refreshToken the refresh token
   * @return the tokens
   */
  public OAuthTokens refresh(String refreshToken) {
    throw new UnsupportedOperationException("the OAuth endpoint lands in the next commit");
  }
}
