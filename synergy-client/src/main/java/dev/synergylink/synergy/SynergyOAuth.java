package dev.synergylink.synergy;

import dev.synergylink.synergy.internal.OAuthEndpoint;
import dev.synergylink.synergy.internal.HttpTransport;
import dev.synergylink.synergy.internal.SynergyContract;
import dev.synergylink.synergy.internal.Urls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Connects a Synergy user through OAuth2: the authorize page URL, the state check, and the code exchange.
 * Thread-safe.
 *
 * <pre>{@code
 * SynergyOAuth oauth = SynergyOAuth.builder().application(application).build();
 * String state = SynergyOAuth.newState();              // keep it in the user's session
 * browser.redirect(oauth.authorizeUrl(state));
 * // ... the browser comes back to the redirect URI with ?code=...&state=...
 * SynergyOAuth.checkState(sessionState, request.getParameter("state"));
 * tokenStore.save(oauth.exchangeCode(request.getParameter("code")));
 * SynergyClient synergy = SynergyClient.builder().organisation(org).oauth(application, tokenStore).build();
 * }</pre>
 */
public final class SynergyOAuth {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OAuthEndpoint endpoint;
  private final HttpUrl webAppUrl;
  private final OAuthApplication application;

  private SynergyOAuth(Builder builder) {
    this.application = builder.application;
    this.webAppUrl = builder.webAppUrl;
    this.endpoint = OAuthEndpoint.standalone(builder.baseUrl, builder.application,
        new HttpTransport(null, null, null, SynergyClientBuilder.DEFAULT_MAX_RESPONSE_BYTES)
            .client(builder.okHttpClient),
        builder.clock);
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new unguessable {@code state} value (32 random bytes, URL-safe): keep it in the user's session and compare
   * it with {@link #checkState} when the browser comes back.
   *
   * @return the state
   */
  public static String newState() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Checks that the {@code state} the browser came back with is the one the session started with, in constant
   * time.
   *
   * @param expected the state kept in the session
   * @param returned the {@code state} query parameter of the redirect, possibly {@code null}
   * @throws SynergyAuthenticationException when they differ: the redirect was not started by this session
   */
  public static void checkState(String expected, @Nullable String returned) {
    Objects.requireNonNull(expected, "expected == null");
    if (returned == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        returned.getBytes(StandardCharsets.UTF_8))) {
      throw new SynergyAuthenticationException("The OAuth state that came back does not match the one this session"
          + " started with; the redirect was not started here. Start the connection again", 0, null, "GET",
          "/OAuth2/Authorize", null);
    }
  }

  /**
   * The URL of the Synergy page where the user signs in and approves the integration.
   *
   * @param state the value to get back unchanged, see {@link #newState()}
   * @return the absolute URL on the web app host
   */
  public String authorizeUrl(String state) {
    Objects.requireNonNull(state, "state == null");
    if (state.isEmpty()) {
      throw new IllegalArgumentException("state is empty: pass SynergyOAuth.newState() and keep it in the session");
    }
    return SynergyContract.authorizeUrl(webAppUrl, application, state);
  }

  /**
   * Exchanges the {@code code} of the redirect for tokens; save them in the connection's {@link TokenStore}.
   * The code is single-use: the call is not resent after an ambiguous failure.
   *
   * @param code the {@code code} query parameter of the redirect
   * @return the tokens
   * @throws SynergyAuthenticationException when the code or the application is refused
   */
  public OAuthTokens exchangeCode(String code) {
    Objects.requireNonNull(code, "code == null");
    return endpoint.exchangeCode(code);
  }

  /**
   * Exchanges a refresh token for new tokens. A {@link SynergyClient} does this by itself; this is for hosts
   * that manage tokens outside a client.
   *
   * @param refreshToken the current refresh token; it stops working 60 seconds after this call
   * @return the new tokens, with a new refresh token
   * @throws SynergyAuthenticationException when the refresh token is refused: reconnect
   */
  public OAuthTokens refresh(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken == null");
    return endpoint.refresh(refreshToken);
  }

  @Override
  public String toString() {
    return "SynergyOAuth{" + application + "}";
  }

  /** Builds a {@link SynergyOAuth}; not thread-safe. */
  public static final class Builder {
    private HttpUrl baseUrl = Urls.secure("baseUrl", SynergyClientBuilder.DEFAULT_BASE_URL);
    private HttpUrl webAppUrl = Urls.secure("webAppUrl", RecordLinks.DEFAULT_WEB_APP_URL);
    private OAuthApplication application;
    private OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The integration's registration; required.
     *
     * @param application key, secret and redirect URI
     * @return this builder
     */
    public Builder application(OAuthApplication application) {
      this.application = Objects.requireNonNull(application, "application == null");
      return this;
    }

    /**
     * The API root, where the token endpoints are; default {@value SynergyClientBuilder#DEFAULT_BASE_URL}.
     *
     * @param baseUrl https, or http on a loopback host
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Urls.secure("baseUrl", baseUrl);
      return this;
    }

    /**
     * The web app root, where the authorize page is; default {@value RecordLinks#DEFAULT_WEB_APP_URL}.
     *
     * @param webAppUrl https, or http on a loopback host
     * @return this builder
     */
    public Builder webAppUrl(String webAppUrl) {
      this.webAppUrl = Urls.secure("webAppUrl", webAppUrl);
      return this;
    }

    /**
     * The OkHttp client to share; default a new one. As with {@link SynergyClientBuilder#okHttpClient}, a client
     * without a call deadline gets {@link SynergyClientBuilder#DEFAULT_CALL_TIMEOUT}, OkHttp's own resends are
     * off (a code is good for one exchange) and an answer's body is limited to
     * {@value SynergyClientBuilder#DEFAULT_MAX_RESPONSE_BYTES} bytes; the given client is not changed.
     *
     * @param okHttpClient the client to derive from
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * The clock that dates token expiry; default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The OAuth helper.
     *
     * @return a new thread-safe helper
     * @throws IllegalStateException when the application is missing
     */
    public SynergyOAuth build() {
      if (application == null) {
        throw new IllegalStateException("application is required: call application(OAuthApplication.of(key,"
            + " secret, redirectUri))");
      }
      return new SynergyOAuth(this);
    }
  }
}
