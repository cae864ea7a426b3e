package dev.synergylink.synergy.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.synergylink.synergy.Sleeper;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyClientClosedException;
import dev.synergylink.synergy.SynergyRateLimitedException;
import dev.synergylink.synergy.SynergyRetryPolicies;
import dev.synergylink.synergy.SynergyTransportException;
import dev.synergylink.synergy.SynergyUnreadableResponseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one call under a retry policy and the throttle: waits what the server asked for, turns every failure into
 * a {@code SynergyApiException} and reads the body. Logs method, path, status and timing at DEBUG; never a
 * header or a body.
 */
final class CallRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

  private final RateLimiter<Object> rateLimiter;
  private final Sleeper sleeper;
  private final Clock clock;
  private volatile boolean closed;
  private final Redaction redaction;

  /**
   * @param rateLimiter the throttle of every attempt, or {@code null} for none
   * @param sleeper waits what servers ask for
   * @param clock dates {@code Retry-After} given as an HTTP date
   * @param redaction removes the client's credentials from whatever the server sent back
   */
  CallRunner(RateLimiter<Object> rateLimiter, Sleeper sleeper, Clock clock, Redaction redaction) {
    this.rateLimiter = rateLimiter;
    this.sleeper = sleeper;
    this.clock = clock;
    this.redaction = redaction;
  }

  <T> T run(RetryPolicy<Object> policy, Supplier<Call<ResponseBody>> calls, String expected,
      BodyReader<T> reader, ErrorTranslator errors) {
    Call<ResponseBody> first = calls.get();
    Request request = first.request();
    String method = request.method();
    String path = request.url().encodedPath();
    if (closed) {
      throw new SynergyClientClosedException(method, path);
    }
    try {
      FailsafeExecutor<Object> executor = rateLimiter == null ? Failsafe.with(policy)
          : Failsafe.with(policy, rateLimiter);
      return executor.get(context -> {
        if (!context.isFirstAttempt()) {
          Throwable last = context.getLastException();
          Duration wait = SynergyRetryPolicies.serverRequestedDelay(last);
          LOG.debug("Retrying {} {} (attempt {}) after {}; waiting {} as the server asked", method, path,
              context.getAttemptCount() + 1, describe(last), wait);
          if (!wait.isZero()) {
            sleeper.sleep(wait);
          }
        }
        return attempt(context.isFirstAttempt() ? first : first.clone(), method, path, expected, reader, errors);
      });
    } catch (RateLimitExceededException e) {
      throw new SynergyRateLimitedException("This client's throttle had no permit within its wait time; send"
          + " fewer calls at once or share one rate limiter less widely", 0, null, method, path, null, e);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new SynergyTransportException("Interrupted while waiting to call Synergy", method, path, false,
            e.getCause());
      }
      throw e;
    }
  }

  /** Refuses every later call: the client was closed. */
  void close() {
    closed = true;
  }

  private <T> T attempt(Call<ResponseBody> call, String method, String path, String expected,
      BodyReader<T> reader, ErrorTranslator errors) {
    long started = System.nanoTime();
    Response<ResponseBody> response;
    try {
      response = call.execute();
    } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
      throw new SynergyTransportException("Could not connect to Synergy (" + e.getClass().getSimpleName() + ")",
          method, path, false, redaction.cause(e));
    } catch (InterruptedIOException e) {
      throw new SynergyTransportException("Synergy did not answer in time (" + e.getClass().getSimpleName()
          + "); the outcome of a write is unknown", method, path, true, redaction.cause(e));
    } catch (IOException e) {
      // e.g. a status line the server made up, which may echo the token: the cause is scrubbed
      throw new SynergyTransportException("The connection to Synergy failed (" + e.getClass().getSimpleName()
          + "); the outcome of a write is unknown", method, path, true, redaction.cause(e));
    }
    int status = response.code();
    // whatever the server sends back may echo a credential: every text taken from the answer is scrubbed
    String requestId = redaction.text(response.headers().get(SynergyContract.REQUEST_ID_HEADER));
    LOG.debug("{} {} answered {} in {} ms (request id {})", method, path, status,
        (System.nanoTime() - started) / 1_000_000, requestId);
    if (!response.isSuccessful()) {
      String body = redaction.text(readQuietly(response.errorBody()));
      throw errors.translate(new ErrorTranslator.ErrorAnswer(status, body, requestId, method, path,
          retryAfter(response.headers().get(SynergyContract.RETRY_AFTER))));
    }
    String body;
    try (ResponseBody responseBody = response.body()) {
      body = responseBody == null ? "" : responseBody.string();
    } catch (IOException e) {
      throw new SynergyTransportException("The connection to Synergy failed while reading the answer ("
          + e.getClass().getSimpleName() + "); a write did happen", method, path, true, redaction.cause(e));
    }
    try {
      return reader.read(body);
    } catch (IOException | RuntimeException e) {
      throw new SynergyUnreadableResponseException("Synergy answered " + method + " " + path + " with a body that"
          + " is not a valid " + expected + " (" + redaction.text(e.getMessage()) + ")", status, requestId, method,
          path, redaction.cause(e));
    }
  }

  private static String readQuietly(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      return body.string();
    } catch (IOException e) {
      return "";
    }
  }

  Duration retryAfter(String header) {
    return RetryAfter.parse(header, clock);
  }

  private static String describe(Throwable failure) {
    return failure instanceof SynergyApiException
        ? failure.getClass().getSimpleName() + " status " + ((SynergyApiException) failure).status()
        : String.valueOf(failure);
  }
}
