package dev.synergylink.tinyplus.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from resending a request itself. OkHttp sends a request again at once when the answer is 503 with
 * {@code Retry-After: 0}, and fails with a raw {@code NumberFormatException} when the value does not fit an
 * {@code int}. Every resend must be the retry policy's (which knows that a create is never resent), so this
 * network interceptor, which sees each answer before OkHttp's follow-up logic does, drops a zero
 * {@code Retry-After} of a 503 (zero and absent mean the same to the client: back off) and cuts a longer one to
 * {@value RetryAfter#MAX_SECONDS} seconds.
 */
final class NoTransportResend implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() != 503 && response.code() != 408) {
      return response;
    }
    String value = response.header(RetryAfter.HEADER);
    if (value == null || !RetryAfter.isDigits(value.trim())) {
      return response;
    }
    long seconds = RetryAfter.seconds(value.trim());
    if (seconds == 0) {
      return response.newBuilder().removeHeader(RetryAfter.HEADER).build();
    }
    return seconds < RetryAfter.MAX_SECONDS ? response
        : response.newBuilder().header(RetryAfter.HEADER, String.valueOf(RetryAfter.MAX_SECONDS)).build();
  }
}
