package dev.synergylink.synergy.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends the access token; after a 401, refreshes once and tries again with the new token, and tells the token
 * source how each token fared so that a token refused right after its refresh is not refreshed again.
 */
final class AuthInterceptor implements Interceptor {
  private final AccessTokens tokens;

  AuthInterceptor(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String token = tokens.current();
    Response response = chain.proceed(withToken(chain.request(), token));
    if (response.code() != 401) {
      tokens.accepted(token);
      return response;
    }
    if (!tokens.refreshable()) {
      return response;
    }
    response.close(); // before the refresh, which may throw
    String renewed = tokens.afterRejection(token);
    Response retried = chain.proceed(withToken(chain.request(), renewed));
    if (retried.code() == 401) {
      tokens.refusedAgain(renewed); // no further refresh would help: later calls fail at once
    } else {
      tokens.accepted(renewed);
    }
    return retried;
  }

  private static Request withToken(Request request, String token) {
    return request.newBuilder().header(SynergyContract.ACCESS_TOKEN_HEADER, token).build();
  }
}
