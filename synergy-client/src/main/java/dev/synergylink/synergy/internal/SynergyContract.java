package dev.synergylink.synergy.internal;

import dev.failsafe.RateLimiter;
import dev.synergylink.synergy.OAuthApplication;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;

/**
 * Every assumption about the Synergy API that is ours, not the vendor's: the vendor publishes hosts, the
 * {@code access-token} header, the OAuth endpoints, org-scoped paths, the {@code {items, totalItems}} envelope,
 * {@code criteria.*} parameters and a daily quota, and no more. Everything below fills the gaps the way
 * {@code synergy-api.yaml} does; when a real schema arrives, this is the one place to change. The JSON member
 * names are the other half of the contract: they are the field names of the wire types in {@link Wire} (answers),
 * the names that the create and patch builders put into {@code members()} (requests) and the address lines in
 * {@link MemberJson}.
 *
 * <p>Reading: a list page is read record by record; a record with a member that cannot be read (wrong JSON type,
 * a date that is not ISO-8601, a fee with more than {@value #MAX_INTEGER_DIGITS} digits before the point or
 * {@value #MAX_FRACTION_DIGITS} after, NaN, number text longer than {@value #MAX_NUMBER_LENGTH} characters) is
 * set aside as {@link dev.synergylink.synergy.UndecodableRecord} and the rest of the page is read. A single
 * record, or a page without {@code items} or {@code totalItems}, fails the call as an unreadable response.
 */
public final class SynergyContract {
  /** The header that carries the access token or API key. */
  public static final String ACCESS_TOKEN_HEADER = "access-token";
  /** The header with the server's request id. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  /** The daily quota headers. */
  public static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";
  /** Calls left today. */
  public static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
  /** Epoch seconds of the next reset. */
  public static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";
  /** Seconds to wait, on 429 and 503 (an HTTP date is also accepted). */
  public static final String RETRY_AFTER = "Retry-After";

  /** The most digits a fee may have before the decimal point: 999 trillion and change. */
  public static final int MAX_INTEGER_DIGITS = 15;
  /** The most digits a fee may have after the decimal point. */
  public static final int MAX_FRACTION_DIGITS = 15;
  /** The longest number text that is parsed at all. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** POST bodies. */
  public static final MediaType JSON = MediaType.get("application/json");
  /** PATCH bodies: merge-patch, absent = unchanged, null = clear. */
  public static final MediaType MERGE_PATCH_JSON = MediaType.get("application/merge-patch+json");

  /** The authorize page, relative to the web app root. */
  static final String AUTHORIZE_PATH = "OAuth2/Authorize";
  /** The code exchange, relative to the API root. */
  static final String GET_ACCESS_TOKEN_PATH = "OAuth2/GetAccessToken";
  /** The refresh, relative to the API root. */
  static final String REFRESH_ACCESS_TOKEN_PATH = "OAuth2/RefreshAccessToken";
  /** The OAuth error code of a dead code or refresh token. */
  static final String INVALID_GRANT = "invalid_grant";
  /** The OAuth error code of a refused application key or secret. */
  static final String INVALID_CLIENT = "invalid_client";

  /** Resource path segments under {@code Organisation/{org}/}. */
  static final String PROJECTS = "Projects";
  static final String CONTACTS = "Contacts";
  static final String PERSONNEL = "Personnel";
  static final String STAFF = "Staff";

  /** Query parameter names. */
  static final String MODIFIED_SINCE = "criteria.modifiedSince";
  static final String EXTERNAL_REFERENCE = "criteria.externalReference";
  static final String INCLUDE_INACTIVE = "criteria.includeInactive";
  static final String CONTACT_TYPE = "criteria.contactType";
  static final String PARENT_CONTACT_ID = "criteria.parentContactId";
  static final String PROJECT_NUMBER = "criteria.projectNumber";
  static final String ORDER_BY = "orderBy";
  static final String PAGE = "page";
  static final String PAGE_SIZE = "pageSize";

  /** Timestamps: UTC, millisecond precision, {@code Z}. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Timeouts of the default OkHttp client. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  /** The deadline of one attempt, from connecting to the last byte of the answer. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  /** The longest a call waits for a permit of the default throttle. */
  static final Duration THROTTLE_MAX_WAIT = Duration.ofMinutes(1);

  private SynergyContract() {}

  /**
   * The OkHttp client used when the host gives none.
   *
   * @return a new client with this contract's timeouts and call deadline
   */
  public static OkHttpClient defaultOkHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(CONNECT_TIMEOUT)
        .readTimeout(READ_TIMEOUT)
        .writeTimeout(READ_TIMEOUT)
        .callTimeout(CALL_TIMEOUT)
        .build();
  }

  /**
   * The default throttle: smooth, {@code perSecond} permits a second.
   *
   * @param perSecond the permits per second
   * @return a new limiter
   */
  public static RateLimiter<Object> defaultRateLimiter(int perSecond) {
    return RateLimiter.smoothBuilder(perSecond, Duration.ofSeconds(1)).withMaxWaitTime(THROTTLE_MAX_WAIT).build();
  }

  /**
   * The authorize page URL, parameters in the order the vendor documents them.
   *
   * @param webAppUrl the web app root
   * @param application the integration
   * @param state the state to get back
   * @return the URL
   */
  public static String authorizeUrl(HttpUrl webAppUrl, OAuthApplication application, String state) {
    return webAppUrl.newBuilder()
        .addPathSegments(AUTHORIZE_PATH)
        .addQueryParameter("ApplicationKey", application.applicationKey())
        .addQueryParameter("RedirectUri", application.redirectUri())
        .addQueryParameter("state", state)
        .addQueryParameter("tenant", "")
        .build()
        .toString();
  }

  /**
   * Whether a decimal is one either system can hold as a fee: at most {@value #MAX_INTEGER_DIGITS} digits before
   * the point and {@value #MAX_FRACTION_DIGITS} after. Checks the exponent only, never expands the number (so
   * {@code 1e999999999} is refused at once, before anything calls {@code toPlainString()} on it).
   *
   * @param number the number
   * @return true when it fits
   */
  public static boolean isHoldable(BigDecimal number) {
    return number.scale() <= MAX_FRACTION_DIGITS && (long) number.precision() - number.scale() <= MAX_INTEGER_DIGITS;
  }

  /**
   * An instant as query parameters carry it; a finer instant is rounded down, which keeps an inclusive lower
   * bound inclusive.
   *
   * @param instant the instant
   * @return the text, such as {@code 2026-11-28T01:02:03.456Z}
   */
  static String format(Instant instant) {
    return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
