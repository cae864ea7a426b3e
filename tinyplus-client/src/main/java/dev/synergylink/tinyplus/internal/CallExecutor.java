package dev.synergylink.tinyplus.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RetryPolicy;
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusAuthenticationException;
import dev.synergylink.tinyplus.TinyPlusCallListener;
import dev.synergylink.tinyplus.TinyPlusClientClosedException;
import dev.synergylink.tinyplus.TinyPlusConflictException;
import dev.synergylink.tinyplus.TinyPlusNotFoundException;
import dev.synergylink.tinyplus.TinyPlusPermissionException;
import dev.synergylink.tinyplus.TinyPlusRateLimitedException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import dev.synergylink.tinyplus.TinyPlusTransportException;
import dev.synergylink.tinyplus.TinyPlusUnreadableResponseException;
import dev.synergylink.tinyplus.TinyPlusValidationException;
import dev.synergylink.tinyplus.TokenProvider;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one logical call: token, rate limit, attempts with retries, response reading and error mapping. Thread-safe.
 */
final class CallExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(CallExecutor.class);

  private final TokenProvider tokenProvider;
  private final FailsafeExecutor<Object> idempotent;
  private final FailsafeExecutor<Object> post;
  private final Clock clock;
  private final TinyPlusCallListener listener;
  private volatile boolean closed;

  CallExecutor(ClientSettings settings) {
    this.tokenProvider = settings.tokenProvider();
    this.clock = settings.clock();
    this.listener = settings.callListener();
    RetryPolicy<Object> retry = settings.retryPolicy();
    // whatever policy the host configured, a POST that may have written is never resent
    RetryPolicy<Object> postRetry = RetryPolicy.builder(retry.getConfig())
        .abortOn(TinyPlusContract::isAmbiguousForPost)
        .build();
    this.idempotent = Failsafe.with(retry, settings.rateLimiter());
    this.post = Failsafe.with(postRetry, settings.rateLimiter());
  }

  /**
   * Runs a call.
   *
   * @param method the HTTP method, for messages and the retry rule
   * @param path the path without query, for messages
   * @param call makes a fresh call for one attempt, given the token
   * @param reader turns the parsed body into the result; throws {@link WireFormatException} on a contract breach
   */
  <T> T execute(String method, String path, Function<String, Call<ResponseBody>> call, Function<Object, T> reader) {
    if (closed) {
      throw new TinyPlusClientClosedException(method, path);
    }
    FailsafeExecutor<Object> executor = method.equals("POST") ? post : idempotent;
    try {
      @SuppressWarnings("unchecked")
      T result = (T) executor.get(ctx -> attempt(method, path, call, reader, ctx.getAttemptCount() + 1));
      return result;
    } catch (RateLimitExceededException e) {
      throw new TinyPlusRateLimitedException(
          "the client's own rate limit is used up; lower the request rate or raise requestsPerMinute",
          null, method, path, null, e);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new TinyPlusTransportException("the call was interrupted while it waited to be sent", method, path,
          false, cause);
    }
  }

  /** Refuses every later call: the client was closed. */
  void close() {
    closed = true;
  }

  private <T> T attempt(
      String method, String path, Function<String, Call<ResponseBody>> call, Function<Object, T> reader, int attempt) {
    Instant started = clock.instant();
    try {
      return send(method, path, call, reader, started, attempt);
    } catch (TinyPlusApiException e) {
      listener.onFailure(method, path, e, attempt);
      LOG.debug("tiny+ {} {} attempt {} failed: {}", method, path, attempt, e.getMessage());
      throw e;
    }
  }

  private <T> T send(
      String method,
      String path,
      Function<String, Call<ResponseBody>> call,
      Function<Object, T> reader,
      Instant started,
      int attempt) {
    String token = checkedToken(tokenProvider.token());
    Response<ResponseBody> response;
    String body;
    try {
      response = call.apply(token).execute();
      try (ResponseBody raw = response.isSuccessful() ? response.body() : response.errorBody()) {
        body = raw == null ? "" : raw.string();
      }
    } catch (IOException e) {
      boolean reached = !(e instanceof ConnectException || e instanceof UnknownHostException
          || e instanceof NoRouteToHostException);
      throw new TinyPlusTransportException(
          "no response from tiny+ (" + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + Redaction.scrub(e.getMessage(), token))
              + ")" + (method.equals("GET") || !reached ? "" : "; the outcome of the write is unknown"),
          method, path, reached, Redaction.scrub(e, token));
    }
    listener.onResponse(method, path, response.code(), attempt, Duration.between(started, clock.instant()));
    // whatever the server sends back may echo the token: every text taken from the answer is scrubbed
    String requestId = Redaction.scrub(response.headers().get("X-Request-Id"), token);
    if (response.code() >= 300 && response.code() < 400) {
      String location = response.headers().get("Location");
      throw new TinyPlusUnreadableResponseException(
          "tiny+ answered with a redirect" + (location == null ? "" : " to " + Redaction.scrub(hostOf(location), token))
              + "; redirects are not followed: check the base URL",
          response.code(), requestId, method, path, null, null);
    }
    if (!response.isSuccessful()) {
      throw error(method, path, response, requestId, body, clock.instant(), token);
    }
    try {
      return reader.apply(JsonTree.read(body));
    } catch (IOException | WireFormatException | IllegalStateException | IllegalArgumentException e) {
      throw new TinyPlusUnreadableResponseException(
          "the response does not follow the tiny+ contract: " + Redaction.scrub(describe(e), token),
          response.code(), requestId, method, path, null, Redaction.scrub(e, token));
    }
  }

  private static String describe(Exception e) {
    if (e instanceof IOException) {
      String detail = String.valueOf(e.getMessage());
      return "malformed JSON (" + (detail.length() > 200 ? detail.substring(0, 200) + "..." : detail) + ")";
    }
    return e.getMessage();
  }

  private static String hostOf(String location) {
    try {
      String host = java.net.URI.create(location).getHost();
      return host == null ? "the same host" : host;
    } catch (IllegalArgumentException e) {
      return "an unreadable location";
    }
  }

  private static String checkedToken(String token) {
    if (token == null || token.isBlank()) {
      throw new TinyPlusAuthenticationException(
          "the token provider returned no token: give the client a tiny+ access token", 0, null, null, null, null, null);
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new TinyPlusAuthenticationException(
            "the token holds a character that cannot go in an HTTP header (at index " + i
                + "): pass the raw token without spaces or line breaks",
            0, null, null, null, null, null);
      }
    }
    return token;
  }

  private static TinyPlusApiException error(
      String method, String path, Response<ResponseBody> response, String requestId, String body, Instant now,
      String token) {
    int status = response.code();
    String message = null;
    Map<String, List<String>> fieldErrors = null;
    try {
      Object tree = JsonTree.read(body);
      if (tree instanceof Map) {
        Object m = ((Map<?, ?>) tree).get("message");
        message = m instanceof String ? Redaction.scrub((String) m, token) : null;
        fieldErrors = Redaction.scrub(fieldErrors(((Map<?, ?>) tree).get("errors")), token);
      }
    } catch (IOException | RuntimeException e) {
      // an error body that is not the contract's JSON: the status says enough
    }
    String server = message == null || message.isBlank() ? "HTTP " + status : message;
    switch (status) {
      case 400:
      case 422:
        return new TinyPlusValidationException(
            "tiny+ refused the request: " + server, status, requestId, method, path, fieldErrors, null);
      case 401:
        return new TinyPlusAuthenticationException(
            "the tiny+ token is invalid, expired or revoked (" + server + "); get a new token: long-life tokens come"
                + " from an account admin, implicit-flow tokens from a new authorization",
            status, requestId, method, path, fieldErrors, null);
      case 403:
        return new TinyPlusPermissionException(
            "the token's user may not do this (" + server + ")", status, requestId, method, path, fieldErrors, null);
      case 404:
        return new TinyPlusNotFoundException(server, status, requestId, method, path, fieldErrors, null);
      case 409:
        return new TinyPlusConflictException(
            "duplicate: " + server, status, requestId, method, path, fieldErrors, null);
      case 429:
        return new TinyPlusRateLimitedException(
            "tiny+ rate limit reached (" + server + ")", requestId, method, path,
            TinyPlusContract.parseRetryAfter(response.headers().get("Retry-After"), now), null);
      default:
        if (status >= 500) {
          return new TinyPlusServerException(
              "tiny+ failed (" + server + ")", status, requestId, method, path, fieldErrors, null);
        }
        return new TinyPlusApiException(server, status, requestId, method, path, fieldErrors, null);
    }
  }

  private static Map<String, List<String>> fieldErrors(Object errors) {
    if (!(errors instanceof Map)) {
      return null;
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) errors).entrySet()) {
      List<String> messages = new ArrayList<>();
      if (e.getValue() instanceof List) {
        for (Object item : (List<?>) e.getValue()) {
          messages.add(String.valueOf(item));
        }
      } else if (e.getValue() != null) {
        messages.add(String.valueOf(e.getValue()));
      }
      result.put(String.valueOf(e.getKey()), messages);
    }
    return result;
  }
}
