package dev.synergylink.tinyplus;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The implicit OAuth flow of tiny+: send the user to {@link #authorizeUrl(String)}; tiny+ returns to the
 * redirect URI with the token in the fragment ({@code #token_type=Bearer&expires_in=...&access_token=...&state=...});
 * {@link #tokenFromRedirect(URI, String)} checks the {@code state} and reads the token. There is no refresh token:
 * when it expires the user authorizes again. Immutable and thread-safe.
 *
 * <pre>{@code
 * ImplicitFlow flow = ImplicitFlow.of("my-client-id", URI.create("https://app.example/tiny/callback"));
 * String state = ImplicitFlow.newState();          // keep it in the user's session
 * URI go = flow.authorizeUrl(state);               // redirect the browser here
 * ImplicitToken token = flow.tokenFromRedirect(returnedUri, state);
 * TokenProvider tokens = TokenProvider.of(token, Clock.systemUTC());
 * }</pre>
 */
public final class ImplicitFlow {
  /** Where tiny+ authorizes by default. */
  public static final URI DEFAULT_AUTHORIZE_ENDPOINT = URI.create("https://api.tiny.plus/oauth/authorize");

  /** The longest {@code expires_in} accepted: longer is no lifetime a server means, and cannot be dated. */
  public static final Duration MAX_EXPIRES_IN = Duration.ofDays(3660);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String clientId;
  private final URI redirectUri;
  private final URI authorizeEndpoint;
  private final Clock clock;

  private ImplicitFlow(String clientId, URI redirectUri, URI authorizeEndpoint, Clock clock) {
    this.clientId = clientId;
    this.redirectUri = redirectUri;
    this.authorizeEndpoint = authorizeEndpoint;
    this.clock = clock;
  }

  /**
   * The flow for a registered client.
   *
   * @param clientId the OAuth client id
   * @param redirectUri where tiny+ returns the user; must be absolute
   * @return the flow, against {@link #DEFAULT_AUTHORIZE_ENDPOINT} and the system UTC clock
   */
  public static ImplicitFlow of(String clientId, URI redirectUri) {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(redirectUri, "redirectUri == null");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId is blank: pass the OAuth client id tiny+ issued");
    }
    if (!redirectUri.isAbsolute()) {
      throw new IllegalArgumentException("redirectUri must be absolute, was " + redirectUri);
    }
    return new ImplicitFlow(clientId, redirectUri, DEFAULT_AUTHORIZE_ENDPOINT, Clock.systemUTC());
  }

  /**
   * This flow against another authorize endpoint (a test server).
   *
   * @param authorizeEndpoint the absolute endpoint URI
   * @return a copy
   */
  public ImplicitFlow withAuthorizeEndpoint(URI authorizeEndpoint) {
    Objects.requireNonNull(authorizeEndpoint, "authorizeEndpoint == null");
    if (!authorizeEndpoint.isAbsolute()) {
      throw new IllegalArgumentException("authorizeEndpoint must be absolute, was " + authorizeEndpoint);
    }
    return new ImplicitFlow(clientId, redirectUri, authorizeEndpoint, clock);
  }

  /**
   * This flow with another clock, which turns {@code expires_in} into an instant.
   *
   * @param clock the clock
   * @return a copy
   */
  public ImplicitFlow withClock(Clock clock) {
    return new ImplicitFlow(clientId, redirectUri, authorizeEndpoint, Objects.requireNonNull(clock, "clock == null"));
  }

  /**
   * A new unguessable {@code state} value (256 random bits, URL-safe). Keep it with the user's session and pass it
   * to {@link #tokenFromRedirect(URI, String)}.
   *
   * @return the state
   */
  public static String newState() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The URL to send the user to:
   * {@code ...?response_type=token&client_id=...&redirect_uri=...&scope=readwrite&state=...}.
   *
   * @param state the value that {@link #tokenFromRedirect(URI, String)} will check, e.g. {@link #newState()}
   * @return the URL
   */
  public URI authorizeUrl(String state) {
    Objects.requireNonNull(state, "state == null");
    if (state.isBlank()) {
      throw new IllegalArgumentException("state is blank: use ImplicitFlow.newState()");
    }
    String query = "response_type=token"
        + "&client_id=" + encode(clientId)
        + "&redirect_uri=" + encode(redirectUri.toString())
        + "&scope=readwrite"
        + "&state=" + encode(state);
    String base = authorizeEndpoint.toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + query);
  }

  /**
   * Reads the token from the URI tiny+ returned the user to.
   *
   * @param redirect the full URI, fragment included
   * @param expectedState the state that was passed to {@link #authorizeUrl(String)}
   * @return the token
   * @throws TinyPlusAuthenticationException when the user refused, the state does not match (a forged or replayed
   *     redirect), the fragment is not validly percent-encoded, holds no token, or an {@code expires_in} that is
   *     not a number of seconds from 0 to {@link #MAX_EXPIRES_IN}
   */
  public ImplicitToken tokenFromRedirect(URI redirect, String expectedState) {
    Objects.requireNonNull(redirect, "redirect == null");
    Objects.requireNonNull(expectedState, "expectedState == null");
    Map<String, String> params;
    try {
      params = parse(redirect.getRawFragment());
    } catch (IllegalArgumentException e) {
      // URLDecoder's own message quotes the bad text, which may hold the token: it is not passed on
      throw refused("the redirect's fragment is not validly percent-encoded (a % not followed by two hex digits):"
          + " pass the URI exactly as tiny+ returned it, or start the authorization again");
    }
    String state = params.get("state");
    if (state == null || !MessageDigest.isEqual(
        state.getBytes(StandardCharsets.UTF_8), expectedState.getBytes(StandardCharsets.UTF_8))) {
      throw refused("the redirect's state does not match the one sent: start the authorization again");
    }
    String token = params.get("access_token");
    if (params.containsKey("error")) {
      throw refused("tiny+ authorization failed: " + scrub(params.get("error"), token)
          + (params.containsKey("error_description")
              ? " (" + scrub(params.get("error_description"), token) + ")" : ""));
    }
    if (token == null || token.isBlank()) {
      throw refused("the redirect carries no access_token: start the authorization again");
    }
    String expiresIn = params.get("expires_in");
    return new ImplicitToken(token, expiresIn == null ? null : clock.instant().plus(lifetime(expiresIn)));
  }

  private static Duration lifetime(String expiresIn) {
    long seconds;
    try {
      seconds = Long.parseLong(expiresIn.trim());
    } catch (NumberFormatException e) {
      throw refused("the redirect's expires_in is not a whole number of seconds: start the authorization again");
    }
    if (seconds < 0 || seconds > MAX_EXPIRES_IN.getSeconds()) {
      throw refused("the redirect's expires_in is " + seconds + " seconds, outside 0 to "
          + MAX_EXPIRES_IN.getSeconds() + " (ten years): it cannot be a token lifetime; start the authorization"
          + " again, and report it to tiny+ if it recurs");
    }
    return Duration.ofSeconds(seconds);
  }

  private static String scrub(String text, String token) {
    return token == null || token.isEmpty() ? text : text.replace(token, "[redacted]");
  }

  private static TinyPlusAuthenticationException refused(String detail) {
    return new TinyPlusAuthenticationException(detail, 0, null, null, null, null, null);
  }

  private static Map<String, String> parse(String fragment) {
    Map<String, String> params = new HashMap<>();
    if (fragment != null) {
      for (String pair : fragment.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return params;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ImplicitFlow{clientId=" + clientId + ", redirectUri=" + redirectUri + "}";
  }
}
