package dev.synergylink.tinyplus.internal;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.synergylink.tinyplus.TinyPlusApiException;
import dev.synergylink.tinyplus.TinyPlusRateLimitedException;
import dev.synergylink.tinyplus.TinyPlusServerException;
import dev.synergylink.tinyplus.TinyPlusTransportException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every assumption about the tiny+ API that is ours, not the vendor's, in one place. The contract
 * ({@code tinyplus-api.yaml}) fixes the rest; where it is silent, this class decides:
 *
 * <ul>
 *   <li><b>Local time.</b> {@code created_date} / {@code modified_date} are {@code uuuu-MM-dd HH:mm:ss} in the
 *       account zone. A local time inside a daylight-saving <i>overlap</i> (it happens twice, e.g. 02:30 on the
 *       first Sunday of April in Sydney) is read as the <b>earlier</b> instant (the first pass, summer time).
 *       Why: reading early can make a record look up to one shift older than it is, so a cursor built from it
 *       never runs ahead of real time (at worst a record is read again); reading late could push a cursor past
 *       records not yet seen. It is also {@code java.time}'s own default, so every implementation agrees. A
 *       local time inside a <i>gap</i> (it never happens, e.g. 02:30 on the first Sunday of October in Sydney)
 *       cannot come from a correct server; if it does, it is shifted <b>forward</b> by the gap's length (02:30
 *       becomes 03:30 summer time), again {@code java.time}'s default.</li>
 *   <li><b>Filters.</b> An {@code Instant} filter is written as the local time of that instant in the account
 *       zone, truncated to the second. The server compares local wall-clock times, so in an overlap {@code >}
 *       is ambiguous: after a cursor in the first pass, records changed in the second pass at an earlier local
 *       time are not returned. An incremental poll must look back at least the zone's largest shift (one hour
 *       in Sydney) when its window crosses an overlap; gaps cost nothing.</li>
 *   <li><b>One {@code modified_date} filter</b> per request (the contract has one parameter).</li>
 *   <li><b>Lists</b> ask {@code limit=100} (the maximum) unless the query says otherwise, and always send
 *       {@code with_related=0} unless the query asks for related records; {@code get} by id sends
 *       {@code with_related=0} too, since the model does not carry related records.</li>
 *   <li><b>Retries.</b> 429 (after its {@code Retry-After}; one longer than the cap is not waited for but
 *       thrown at once), 502, 503, 504 and I/O failures (timeouts included) are retried for GET, PATCH and DELETE
 *       (PATCH and DELETE are idempotent in this API: same members, same result). A POST is retried only when
 *       nothing can have been written: a 429, or a refused connection. Never retried: 400, 401, 403, 404, 409, 500
 *       (a bug, not a hiccup), unreadable responses and responses past the body limit. OkHttp itself never sends a
 *       request again (no retry on connection failure, no resend of a 503 with {@code Retry-After: 0}).</li>
 *   <li><b>Rate limit.</b> 300 requests per minute per token, bursty (the server counts per minute).</li>
 *   <li><b>Reading.</b> Unknown members (such as {@code related}) are ignored; an unknown enum value reads as
 *       {@code UNKNOWN}; a boolean sent as 0/1 and a decimal sent as a string are accepted; {@code is_synced} and
 *       {@code account_admin} default to false and {@code locked_fields} to empty when absent. A missing required
 *       member or a bad date fails a single-record call as an unreadable response naming the member; in a list it
 *       makes that record {@linkplain dev.synergylink.tinyplus.Page#undecodable() undecodable} and the rest of
 *       the page is read. A decimal ({@code value}) must have at most {@value #MAX_INTEGER_DIGITS} digits before
 *       the point and {@value #MAX_FRACTION_DIGITS} after (what a fee can be in either system); NaN, infinities
 *       and number text longer than 100 characters are refused the same way.</li>
 *   <li><b>Errors.</b> 422 is treated like 400; an error body that is not the contract's JSON still maps by status.
 *       {@code Retry-After} is whole seconds (of any size); an HTTP date is read too; anything else is no
 *       {@code Retry-After} (the backoff applies). A 503's {@code Retry-After} is not used.</li>
 *   <li><b>Security.</b> {@code https} only, except {@code http} to a loopback host for test servers; redirects
 *       are never followed (the API has none; following one could send the token to another host).</li>
 * </ul>
 */
public final class TinyPlusContract {
  /** The local date-time format of {@code created_date}, {@code modified_date} and date filters. */
  public static final DateTimeFormatter LOCAL_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  /** The most digits a decimal member may have before the decimal point: 999 trillion and change. */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** The most digits a decimal member may have after the decimal point. */
  public static final int MAX_FRACTION_DIGITS = 15;

  /** Statuses retried for every method but POST. */
  static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);

  private TinyPlusContract() {}

  /**
   * Reads an account-local date-time.
   *
   * @param local e.g. {@code 2026-04-05 02:30:00}
   * @param zone the account zone
   * @return the instant (earlier offset in an overlap, shifted forward in a gap)
   * @throws DateTimeException when the text is not in the format
   */
  public static Instant toInstant(String local, ZoneId zone) {
    LocalDateTime dateTime = LocalDateTime.parse(local, LOCAL_DATE_TIME);
    return ZonedDateTime.ofLocal(dateTime, zone, null).withEarlierOffsetAtOverlap().toInstant();
  }

  /**
   * Whether a decimal is one either system can hold: at most {@value #MAX_INTEGER_DIGITS} digits before the point
   * and {@value #MAX_FRACTION_DIGITS} after. Checks the exponent only, never expands the number.
   *
   * @param number the number
   * @return true when it fits
   */
  public static boolean isHoldable(BigDecimal number) {
    return number.scale() <= MAX_FRACTION_DIGITS && (long) number.precision() - number.scale() <= MAX_INTEGER_DIGITS;
  }

  /**
   * Writes an instant as an account-local date-time, truncated to the second.
   *
   * @param instant the instant
   * @param zone the account zone
   * @return e.g. {@code 2026-04-05 02:30:00}
   */
  public static String toLocal(Instant instant, ZoneId zone) {
    return LOCAL_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toLocalDateTime());
  }

  /**
   * Checks a base URL: absolute http(s), https unless the host is loopback, no query or fragment.
   *
   * @param baseUrl the URL
   * @return it as a URI, with no trailing slash
   */
  public static URI checkBaseUrl(String baseUrl) {
    URI uri;
    try {
      uri = URI.create(baseUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("baseUrl must be an absolute https URL such as https://api.tiny.plus/v2, was "
          + baseUrl);
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException("baseUrl must use https (http is allowed only for a loopback host such as"
          + " 127.0.0.1), was " + baseUrl);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must have no query or fragment, was " + baseUrl);
    }
    String text = uri.toString();
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.contains(":") && !h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return false;  // a name other than localhost: never resolved here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The default rate limiter.
   *
   * @param requestsPerMinute permits per minute
   * @return a bursty limiter waiting up to a minute
   */
  public static RateLimiter<Object> rateLimiter(int requestsPerMinute) {
    return RateLimiter.burstyBuilder(requestsPerMinute, Duration.ofMinutes(1))
        .withMaxWaitTime(Duration.ofMinutes(1))
        .build();
  }

  /**
   * The default retry policy. The delay function computes every delay itself, so that jitter never shortens a
   * server's {@code Retry-After}: a 429 waits what the server asked plus up to 10 % more, so that clients
   * sharing a token do not return in step; a 429 asking for more than {@code maxRetryAfter} is not retried (the
   * caller gets it at once, with the wait); any other retryable failure waits {@code initialBackoff} doubling per
   * attempt up to {@code maxBackoff}, jittered by 25 % either way.
   *
   * @param initialBackoff the first backoff
   * @param maxBackoff the longest backoff
   * @param maxRetryAfter the longest {@code Retry-After} waited for
   * @return the policy builder
   */
  public static RetryPolicyBuilder<Object> retryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    return RetryPolicy.builder()
        .handleIf((result, failure) -> failure != null && isRetryable(failure)
            && !asksForLongerThan(failure, maxRetryAfter))
        .withMaxRetries(4)
        .withMaxDuration(Duration.ofMinutes(3))
        .withDelayFn(ctx -> delay(ctx.getLastException(), ctx.getAttemptCount(), initialBackoff, maxBackoff,
            maxRetryAfter, ThreadLocalRandom.current().nextDouble()));
  }

  /**
   * The delay before the next attempt.
   *
   * @param failure the last failure
   * @param attempts the attempts made so far (1 after the first)
   * @param random a number in [0, 1)
   */
  static Duration delay(
      Throwable failure, int attempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
      double random) {
    if (failure instanceof TinyPlusRateLimitedException && ((TinyPlusRateLimitedException) failure).retryAfter() != null) {
      Duration asked = ((TinyPlusRateLimitedException) failure).retryAfter();
      Duration wait = asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
      return wait.plusNanos((long) (wait.toNanos() * 0.10 * random));
    }
    double backoff = initialBackoff.toNanos() * Math.pow(2, Math.max(0, attempts - 1));
    double capped = Math.min(backoff, maxBackoff.toNanos());
    return Duration.ofNanos((long) (capped * (0.75 + 0.5 * random)));
  }

  /** Whether the server asked to wait longer than the cap: such a failure reaches the caller at once. */
  static boolean asksForLongerThan(Throwable failure, Duration maxRetryAfter) {
    return failure instanceof TinyPlusRateLimitedException
        && ((TinyPlusRateLimitedException) failure).retryAfter() != null
        && ((TinyPlusRateLimitedException) failure).retryAfter().compareTo(maxRetryAfter) > 0;
  }

  /** Whether a failure of a GET, PATCH or DELETE is worth another attempt. */
  static boolean isRetryable(Throwable failure) {
    if (failure instanceof TinyPlusRateLimitedException || failure instanceof TinyPlusTransportException) {
      return true;
    }
    return failure instanceof TinyPlusServerException
        && RETRIED_STATUSES.contains(((TinyPlusServerException) failure).status());
  }

  /** Whether a POST failed in a way that may have created the record: such a POST is never resent. */
  static boolean isAmbiguousForPost(Throwable failure) {
    if (failure instanceof TinyPlusRateLimitedException) {
      return false;
    }
    if (failure instanceof TinyPlusTransportException) {
      return !(failure.getCause() instanceof ConnectException);
    }
    return failure instanceof TinyPlusApiException;
  }

  /**
   * Reads {@code Retry-After} (RFC 9110, section 10.2.3): whole seconds, as the contract says, of any size (more
   * than 2^31 - 1 is read as that, about 68 years), or an HTTP date in any of the three formats RFC 9110 makes
   * recipients accept (IMF-fixdate, RFC 850, asctime). A date in the past means no wait. Never throws.
   *
   * @param header the header value, or null
   * @param now the current instant, to turn a date into a wait
   * @return the duration, or null when absent or neither a number nor a date
   */
  static Duration parseRetryAfter(String header, Instant now) {
    return RetryAfter.parse(header, now);
  }
}
