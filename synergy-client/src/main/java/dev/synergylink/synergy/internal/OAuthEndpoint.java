package dev.synergylink.synergy.internal;

import com.squareup.moshi.JsonDataException;
import dev.failsafe.RetryPolicy;
import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.OAuthTokens;
import dev.synergylink.synergy.Sleeper;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyAuthenticationException;
import dev.synergylink.synergy.SynergyCallListener;
import dev.synergylink.synergy.SynergyRetryPolicies;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import retrofit2.Retrofit;

/**
 * The OAuth token endpoints on the API host. A refresh may be retried like a read: the old refresh token keeps
 * working for 60 seconds after use, so a lost answer can be asked for again. A code exchange is not resent
 * after an ambiguous failure: the code is single-use. Token calls are not throttled: they are rare, and a refresh
 * runs inside an API call that holds a permit already.
 */
public final class OAuthEndpoint {
  private final OAuthService service;
  private final OAuthApplication application;
  private final CallRunner runner;
  private final RetryPolicy<Object> refreshPolicy;
  private final RetryPolicy<Object> exchangePolicy;
  private final BodyReader<OAuthTokens> tokens;
  private final Redaction redaction;

  OAuthEndpoint(HttpUrl baseUrl, OAuthApplication application, OkHttpClient hardened, Clock clock,
      CallRunner runner, RetryPolicy<Object> refreshPolicy, RetryPolicy<Object> exchangePolicy,
      Redaction redaction) {
    this.redaction = redaction;
    this.service = new Retrofit.Builder().baseUrl(baseUrl).client(hardened).build().create(OAuthService.class);
    this.application = application;
    this.runner = runner;
    this.refreshPolicy = refreshPolicy;
    this.exchangePolicy = exchangePolicy;
    BodyReader<OAuthTokens> read = Wire.tokens(clock);
    // A token answer that does not parse must not echo its content (it may hold a token) into a message.
    this.tokens = body -> {
      try {
        return read.read(body);
      } catch (IOException | RuntimeException e) {
        throw new JsonDataException("the token answer does not have the contract's shape");
      }
    };
  }

  /**
   * An endpoint with the default policies and throttle, for {@code SynergyOAuth}.
   *
   * @param baseUrl the API root
   * @param application the integration
   * @param http the OkHttp client to derive from
   * @param clock dates expiry
   * @return the endpoint
   */
  public static OAuthEndpoint standalone(HttpUrl baseUrl, OAuthApplication application, OkHttpClient http,
      Clock clock) {
    Redaction redaction = Redaction.none().and(application.applicationSecret());
    CallRunner runner = new CallRunner(null, Sleeper.system(), clock, redaction);
    return new OAuthEndpoint(baseUrl, application, SameHostGuard.harden(http, baseUrl,
        new ExchangeObserver(clock, SynergyCallListener.none())), clock, runner,
        SynergyRetryPolicies.idempotent(), SynergyRetryPolicies.creates(), redaction);
  }

  /**
   * Exchanges an authorization code for tokens.
   *
   * @param code the code of the redirect
   * @return the tokens
   */
  public OAuthTokens exchangeCode(String code) {
    Map<String, String> fields = credentials();
    fields.put("code", code);
    fields.put("redirectUri", application.redirectUri());
    fields.put("grant_type", "authorization_code");
    FormBody.Builder form = new FormBody.Builder();
    fields.forEach(form::add);
    RequestBody body = new OneShotBody(form.build());
    return runner.run(exchangePolicy, () -> service.getAccessToken(body), "token response", tokens,
        answer -> refused(answer, code, "The authorization code was refused (it is single-use and short-lived):"
            + " start the connection again from the authorize URL"));
  }

  /**
   * Exchanges a refresh token for new tokens.
   *
   * @param refreshToken the refresh token
   * @return the new tokens
   */
  public OAuthTokens refresh(String refreshToken) {
    Map<String, String> fields = credentials();
    fields.put("refresh_token", refreshToken);
    fields.put("grant_type", "refresh_token");
    return runner.run(refreshPolicy, () -> service.refreshAccessToken(fields), "token response", tokens,
        answer -> refused(answer, refreshToken, "The Synergy connection has expired or was revoked (the refresh"
            + " token was refused): reconnect to Synergy by signing in through the authorize URL again"));
  }

  private Map<String, String> credentials() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("applicationKey", application.applicationKey());
    fields.put("applicationSecret", application.applicationSecret());
    return fields;
  }

  private SynergyApiException refused(ErrorTranslator.ErrorAnswer answer, String grant, String deadGrant) {
    Redaction clean = redaction.and(grant, application.applicationSecret());
    if (answer.status() != 400) {
      return new ApiErrors("Check the application key and secret", clean).translate(scrubbed(answer, clean));
    }
    Wire.WireOAuthError error = null;
    try {
      error = answer.body().isBlank() ? null : Wire.OAUTH_ERROR.fromJson(answer.body());
    } catch (IOException | RuntimeException ignored) {
      // not the contract's shape: handled as an unspecified refusal below
    }
    // a server may put the refused grant into any member, error included
    String code = error == null || error.error == null ? "unknown" : clean.text(error.error);
    String detail = error == null || error.error_description == null ? ""
        : " (" + clean.text(error.error_description) + ")";
    String reason;
    if (SynergyContract.INVALID_GRANT.equals(code)) {
      reason = deadGrant + "; Synergy said " + code + detail;
    } else if (SynergyContract.INVALID_CLIENT.equals(code)) {
      reason = "The application key or secret was refused (" + code + ")" + detail
          + ": check the OAuthApplication registered with Synergy";
    } else {
      reason = "The token request was refused (" + code + ")" + detail;
    }
    return new SynergyAuthenticationException(reason, 400, clean.text(answer.requestId()), answer.method(),
        answer.path(), null);
  }

  private static ErrorTranslator.ErrorAnswer scrubbed(ErrorTranslator.ErrorAnswer answer, Redaction clean) {
    return new ErrorTranslator.ErrorAnswer(answer.status(), clean.text(answer.body()),
        clean.text(answer.requestId()), answer.method(), answer.path(), answer.retryAfter());
  }
}
