package dev.synergylink.sync.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a {@link SynergyFake} over the Synergy API contract on a loopback port, so that the real
 * {@code SynergyClient} runs against it end to end: the {@code /api/v2} paths, the {@code access-token} header (401
 * for a missing, unknown or expired token), the {@code {items, totalItems}} envelope, error bodies with
 * {@code requestId}, {@code Retry-After}, {@code X-RateLimit-*} and {@code X-Request-Id} on every response, and the
 * OAuth endpoints (code exchange; refresh with rotation, where a used refresh token keeps working for 60 s).
 *
 * <p>The server and the fake share state: what the client writes shows in {@code fake.webApp()}, call counts and
 * fault rules are the fake's, and the fake's clock drives token expiry.
 *
 * <p>The server answers without waiting for the client's delayed ACK: the JDK has no per-server setting for
 * that, so starting the first server sets the system property {@code sun.net.httpserver.nodelay} to {@code true}
 * unless it is already set.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
 * SynergyFake fake = SynergyFake.builder(clock).build();
 * try (SynergyHttpFakeServer server = SynergyHttpFakeServer.start(fake);
 *     SynergyClient client = SynergyClient.builder()
 *         .baseUrl(server.baseUrl())
 *         .organisation(fake.organisation())
 *         .apiKey(server.apiKey())
 *         .clock(clock)
 *         .build()) {
 *   client.projects().list(ProjectQuery.builder().build());
 * }
 * }</pre>
 *
 * <p>Faults over the wire: a status fault is that status with the contract's error body; a timeout or an ambiguous
 * create is a response whose body breaks off (the connection drops), which the client reports as a transport
 * failure; a malformed body is a success status with a truncated JSON body.
 *
 * <p>Thread-safe. Close it to free the port.
 */
public final class SynergyHttpFakeServer implements AutoCloseable {
  /** The default OAuth application key. */
  public static final String DEFAULT_APPLICATION_KEY = "fake-application-key";
  /** The default OAuth application secret. */
  public static final String DEFAULT_APPLICATION_SECRET = "fake-application-secret";

  /** The path of the API's base URL, which the contract's paths are written below. */
  private static final String API_ROOT = "/api/v2";

  private static final Pattern ORG_PATH =
      Pattern.compile("/api/v2/Organisation/([^/]+)/(CurrentUser|ProjectStatuses|Projects|Contacts|Personnel|Staff)"
          + "(?:/([^/]+))?/?");

  private final SynergyBackend backend;
  private final String applicationKey;
  private final String applicationSecret;
  private final SynergyGrants grants;
  private final String apiKey;
  private final FakeHttp http;

  private SynergyHttpFakeServer(SynergyBackend backend, String applicationKey, String applicationSecret) {
    this.backend = backend;
    this.applicationKey = applicationKey;
    this.applicationSecret = applicationSecret;
    this.grants = new SynergyGrants(backend, applicationKey, applicationSecret);
    this.apiKey = grants.issueApiKey();
    this.http = new FakeHttp("syn", this::handle);
  }

  /**
   * Starts a server for {@code fake} on a free loopback port, with the default OAuth application credentials.
   *
   * @param fake the fake to serve
   * @return the running server
   */
  public static SynergyHttpFakeServer start(SynergyFake fake) {
    return builder(fake).start();
  }

  /**
   * A builder, to choose the OAuth application credentials.
   *
   * @param fake the fake to serve
   * @return a new builder
   */
  public static Builder builder(SynergyFake fake) {
    Objects.requireNonNull(fake, "fake == null");
    return new Builder(fake.backend());
  }

  static SynergyHttpFakeServer start(SynergyBackend backend) {
    return new Builder(backend).start();
  }

  /** Chooses the server's OAuth application credentials. Not thread-safe. */
  public static final class Builder {
    private final SynergyBackend backend;
    private String applicationKey = DEFAULT_APPLICATION_KEY;
    private String applicationSecret = DEFAULT_APPLICATION_SECRET;

    private Builder(SynergyBackend backend) {
      this.backend = backend;
    }

    /**
     * The application key the OAuth endpoints accept. Default {@value #DEFAULT_APPLICATION_KEY}.
     *
     * @param applicationKey the key
     * @return this builder
     */
    public Builder applicationKey(String applicationKey) {
      this.applicationKey = Objects.requireNonNull(applicationKey, "applicationKey == null");
      return this;
    }

    /**
     * The application secret the OAuth endpoints accept. Default {@value #DEFAULT_APPLICATION_SECRET}.
     *
     * @param applicationSecret the secret
     * @return this builder
     */
    public Builder applicationSecret(String applicationSecret) {
      this.applicationSecret = Objects.requireNonNull(applicationSecret, "applicationSecret == null");
      return this;
    }

    /**
     * Binds a free loopback port and starts serving.
     *
     * @return the running server
     */
    public SynergyHttpFakeServer start() {
      return new SynergyHttpFakeServer(backend, applicationKey, applicationSecret);
    }
  }

  /**
   * The API base URL to give the client: {@code http://127.0.0.1:<port>/api/v2/}.
   *
   * @return the URL, with a trailing slash
   */
  public String baseUrl() {
    return http.origin() + "/api/v2/";
  }

  /**
   * The web app's base URL, where {@code OAuth2/Authorize} approves every request at once:
   * {@code http://127.0.0.1:<port>/}.
   *
   * @return the URL, with a trailing slash
   */
  public String webAppUrl() {
    return http.origin() + "/";
  }

  /**
   * A static API key that the server accepts until it is closed, acting as the fake's current user.
   *
   * @return the key; send it in the {@code access-token} header
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The application key the OAuth endpoints accept.
   *
   * @return the key
   */
  public String applicationKey() {
    return applicationKey;
  }

  /**
   * The application secret the OAuth endpoints accept.
   *
   * @return the secret
   */
  public String applicationSecret() {
    return applicationSecret;
  }

  /**
   * Acts as the user who signs in and approves the application: issues an authorization code for
   * {@code redirectUri}, valid for one exchange within 10 minutes.
   *
   * @param redirectUri the redirect URI the exchange must repeat
   * @return the code
   */
  public String approve(String redirectUri) {
    Objects.requireNonNull(redirectUri, "redirectUri == null");
    return grants.approve(redirectUri);
  }

  /** Stops the server and frees its port. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "SynergyHttpFakeServer[" + http.origin() + "]";
  }

  // ---------------------------------------------------------------- dispatch

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = http.nextRequestId();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Request-Id", requestId);
    // every answer carries the quota, errors included; a served call updates it below
    headers.putAll(backend.rateLimitHeaders());
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    // the violations record paths as the contract writes them, below the base URL
    String contractPath = path.startsWith(API_ROOT) ? path.substring(API_ROOT.length()) : path;
    try {
      if (path.equals("/OAuth2/Authorize") && method.equals("GET")) {
        authorize(exchange, headers);
        return;
      }
      if (path.equals("/api/v2/OAuth2/GetAccessToken") || path.equals("/api/v2/OAuth2/RefreshAccessToken")) {
        oauth(exchange, path.endsWith("GetAccessToken"), contractPath, headers);
        return;
      }
      Matcher m = ORG_PATH.matcher(path);
      List<String> allowed = m.matches() ? allowedMethods(m.group(2), m.group(3) != null) : List.of();
      if (allowed.isEmpty()) {
        refuse(exchange, headers, FakeError.misuse(404, "No such endpoint: " + method + " " + path), requestId,
            method, contractPath);
        return;
      }
      SynergyOperation op = operation(method, m.group(2), m.group(3) != null);
      if (op == null) {
        refuse(exchange, headers, FakeError.methodNotAllowed(method, path, allowed), requestId, method,
            contractPath);
        return;
      }
      String token = exchange.getRequestHeaders().getFirst("access-token");
      if (!grants.validToken(token)) {
        backend.calls.record(op);
        refuse(exchange, headers, token == null ? FakeError.misuse(401, "The access-token header is missing.")
            : FakeError.http(401, "The access token is unknown or expired."), requestId, method, contractPath);
        return;
      }
      if (!m.group(1).equals(backend.organisation())) {
        backend.calls.record(op);
        sendError(exchange, headers, FakeError.http(403, "The token has no access to organisation "
            + m.group(1) + "."), requestId);
        return;
      }
      Long id = null;
      if (m.group(3) != null) {
        try {
          id = Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
          backend.calls.record(op);
          refuse(exchange, headers, FakeError.misuse(404, "No record with id " + m.group(3)
              + ": an id is an integer."), requestId, method, contractPath);
          return;
        }
      }
      serveApi(exchange, op, m.group(2), id, token, contractPath, headers, requestId);
    } catch (RuntimeException e) {
      sendError(exchange, headers, FakeError.http(500, "The fake failed: " + e), requestId);
    }
  }

  /** The methods the contract has for a resource's path, in a fixed order; empty for a path it does not have. */
  private static List<String> allowedMethods(String resource, boolean byId) {
    List<String> allowed = new ArrayList<>();
    for (String method : List.of("GET", "POST", "PATCH", "DELETE")) {
      if (operation(method, resource, byId) != null) {
        allowed.add(method);
      }
    }
    return allowed;
  }

  /** Answers a request that broke the contract before it reached the fake, and records it. */
  private void refuse(HttpExchange exchange, Map<String, String> headers, FakeError e, String requestId,
      String method, String contractPath) throws IOException {
    backend.violations.record(method, contractPath, e);
    sendError(exchange, headers, e, requestId);
  }

  private static SynergyOperation operation(String method, String resource, boolean byId) {
    switch (resource + (byId ? "/{id} " : " ") + method) {
      case "CurrentUser GET":
        return SynergyOperation.GET_CURRENT_USER;
      case "ProjectStatuses GET":
        return SynergyOperation.LIST_PROJECT_STATUSES;
      case "Projects GET":
        return SynergyOperation.LIST_PROJECTS;
      case "Projects POST":
        return SynergyOperation.CREATE_PROJECT;
      case "Projects/{id} GET":
        return SynergyOperation.GET_PROJECT;
      case "Projects/{id} PATCH":
        return SynergyOperation.PATCH_PROJECT;
      case "Contacts GET":
        return SynergyOperation.LIST_CONTACTS;
      case "Contacts POST":
        return SynergyOperation.CREATE_CONTACT;
      case "Contacts/{id} GET":
        return SynergyOperation.GET_CONTACT;
      case "Contacts/{id} PATCH":
        return SynergyOperation.PATCH_CONTACT;
      case "Personnel GET":
        return SynergyOperation.LIST_PERSONNEL;
      case "Personnel POST":
        return SynergyOperation.CREATE_PERSONNEL;
      case "Personnel/{id} GET":
        return SynergyOperation.GET_PERSONNEL;
      case "Personnel/{id} PATCH":
        return SynergyOperation.PATCH_PERSONNEL;
      case "Staff GET":
        return SynergyOperation.LIST_STAFF;
      case "Staff/{id} GET":
        return SynergyOperation.GET_STAFF;
      default:
        return null;
    }
  }

  private void serveApi(HttpExchange exchange, SynergyOperation op, String resourceName, Long id, String token,
      String contractPath, Map<String, String> headers, String requestId) throws IOException {
    Map<String, Object> body = null;
    if (op.isWrite()) {
      body = FakeHttp.jsonObject(FakeHttp.bodyText(exchange));
    }
    Map<String, String> query = FakeHttp.query(exchange);
    Map<String, Object> members = body;
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    int successStatus = op.method().equals("POST") ? 201 : 200;
    Object result;
    try {
      result = backend.serve(op, contractPath, token, () -> {
        if (op.isWrite()) {
          // PATCH is a JSON merge patch (RFC 7396), POST plain JSON, as the contract's request bodies say
          FakeHttp.requireContentType(contentType,
              op.method().equals("PATCH") ? FakeHttp.MERGE_PATCH_JSON : FakeHttp.JSON);
        }
        if (op.isWrite() && members == null) {
          throw FakeError.http(400, "The body must be a JSON object.");
        }
        switch (op) {
          case GET_CURRENT_USER:
            return backend.currentUser();
          case LIST_PROJECT_STATUSES:
            return envelope(backend.projectStatuses());
          default:
            break;
        }
        SynergyBackend.Resource resource = SynergyBackend.Resource.valueOf(resourceName.toUpperCase());
        switch (op.method()) {
          case "POST":
            return backend.create(resource, members, FakeWrite.Source.API);
          case "PATCH":
            return backend.patch(resource, id, members, FakeWrite.Source.API);
          default:
            return id == null ? envelope(backend.list(resource, query)) : backend.get(resource, id);
        }
      });
    } catch (FakeError e) {
      headers.putAll(backend.rateLimitHeaders());
      FakeHttp.sendFailure(exchange, e, successStatus, headers, requestId);
      return;
    }
    headers.putAll(backend.rateLimitHeaders());
    FakeHttp.send(exchange, successStatus, headers, result);
  }

  private static Map<String, Object> envelope(SynergyBackend.Listing listing) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", listing.items());
    body.put("totalItems", listing.totalItems());
    return body;
  }

  private static void sendError(HttpExchange exchange, Map<String, String> headers, FakeError e, String requestId)
      throws IOException {
    FakeHttp.sendFailure(exchange, e, 200, headers, requestId);
  }


  // ---------------------------------------------------------------- OAuth

  private void authorize(HttpExchange exchange, Map<String, String> headers) throws IOException {
    Map<String, String> q = FakeHttp.query(exchange);
    String redirectUri = q.get("RedirectUri");
    if (!applicationKey.equals(q.get("ApplicationKey")) || redirectUri == null) {
      FakeHttp.send(exchange, 400, headers, Map.of("message", "Unknown ApplicationKey or missing RedirectUri."));
      return;
    }
    String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code="
        + URLEncoder.encode(approve(redirectUri), StandardCharsets.UTF_8)
        + (q.containsKey("state") ? "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8) : "");
    headers.put("Location", location);
    FakeHttp.send(exchange, 302, headers, null);
  }

  private void oauth(HttpExchange exchange, boolean codeExchange, String contractPath, Map<String, String> headers)
      throws IOException {
    SynergyOperation op = codeExchange ? SynergyOperation.GET_ACCESS_TOKEN : SynergyOperation.REFRESH_ACCESS_TOKEN;
    String method = exchange.getRequestMethod();
    if (!method.equals("POST")) {
      backend.violations.record(method, contractPath,
          FakeError.methodNotAllowed(method, contractPath, List.of("POST")));
      headers.put("Allow", "POST");
      FakeHttp.send(exchange, 405, headers, oauthError("invalid_request", "Use POST."));
      return;
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, String> form = FakeHttp.decodeForm(FakeHttp.bodyText(exchange));
    Object answer;
    try {
      answer = backend.serve(op, contractPath, "oauth", () -> {
        if (!FakeHttp.FORM.equals(FakeHttp.mediaType(contentType))) {
          throw SynergyGrants.error("invalid_request", "The body must be " + FakeHttp.FORM + ", not " + contentType + ".");
        }
        return codeExchange ? grants.exchangeCode(form) : grants.refresh(form);
      });
    } catch (FakeError e) {
      if (e.status != 400 || e.errors.isEmpty()) {
        FakeHttp.sendFailure(exchange, e, 200, headers, null);
        return;
      }
      Map.Entry<String, List<String>> error = e.errors.entrySet().iterator().next();
      FakeHttp.send(exchange, 400, headers, oauthError(error.getKey(), error.getValue().get(0)));
      return;
    }
    FakeHttp.send(exchange, 200, headers, answer);
  }

  private static Map<String, Object> oauthError(String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return body;
  }
}
