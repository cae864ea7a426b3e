package dev.synergylink.synergy.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Sends the access token; after a 401, refreshes once and tries again with the new token. */
final class AuthInterceptor implements Interceptor {
  private final AccessTokens tokens;

  AuthInterceptor(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String token = tokens.current();
    Response response = chain.proceed(withToken(chain.request(), token));
    if (response.code() != 401 || !tokens.refreshable()) {
      return response;
    }
    response.close(); // before the refresh, which may throw
    return chain.proceed(withToken(chain.request(), tokens.afterRejection(token)));
  }

  private static Request withToken(Request request, String token) {
    return request.newBuilder().header(SynergyContract.ACCESS_TOKEN_HEADER, token).build();
  }
}
