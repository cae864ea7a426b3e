package dev.synergylink.sync.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a {@link TinyPlusFake} over the tiny+ API contract on a loopback port, so that the real
 * {@code TinyPlusClient} runs against it end to end: the {@code /v2} paths, the raw token in the
 * {@code Authorization} header (no scheme; anything else is a 401), the {@code {total, start, limit, records}}
 * envelope, local-time {@code YYYY-MM-DD hh:mm:ss} dates in the account's zone, filters with {@code >} and
 * {@code <}, error bodies, {@code Retry-After} and {@code X-Request-Id}, and the implicit-flow authorize page.
 *
 * <p>The server and the fake share state: what the client writes shows in {@code fake.webApp()}, call counts and
 * fault rules are the fake's.
 *
 * <p>The server answers without waiting for the client's delayed ACK: the JDK has no per-server setting for
 * that, so starting the first server sets the system property {@code sun.net.httpserver.nodelay} to {@code true}
 * unless it is already set.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
 * TinyPlusFake fake = TinyPlusFake.builder(clock).build();
 * try (TinyPlusHttpFakeServer server = TinyPlusHttpFakeServer.start(fake);
 *     TinyPlusClient client = TinyPlusClient.builder()
 *         .baseUrl(server.baseUrl())
 *         .tokenProvider(TokenProvider.of(server.token()))
 *         .clock(clock)
 *         .build()) {
 *   client.companies().list(CompanyQuery.builder().build());
 * }
 * }</pre>
 *
 * <p>Faults over the wire: a status fault is that status with the contract's error body; a timeout or an ambiguous
 * create is a response whose body breaks off (the connection drops), which the client reports as a transport
 * failure; a malformed body is a success status with a truncated JSON body.
 *
 * <p>Thread-safe. Close it to free the port.
 */
public final class TinyPlusHttpFakeServer implements AutoCloseable {
  /** The path of the API's base URL, which the contract's paths are written below. */
  private static final String API_ROOT = "/v2";

  private static final Pattern PATH = Pattern.compile(
      "/v2/(account|me|projects|companies|contacts|team_members|project_phases|project_types)(?:/([^/]+))?/?");

  private final TinyPlusBackend backend;
  private final String token;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private final FakeHttp http;

  private TinyPlusHttpFakeServer(TinyPlusBackend backend) {
    this.backend = backend;
    this.token = issueToken();
    this.http = new FakeHttp("tp", this::handle);
  }

  /**
   * Starts a server for {@code fake} on a free loopback port.
   *
   * @param fake the fake to serve
   * @return the running server
   */
  public static TinyPlusHttpFakeServer start(TinyPlusFake fake) {
    Objects.requireNonNull(fake, "fake == null");
    return new TinyPlusHttpFakeServer(fake.backend());
  }

  static TinyPlusHttpFakeServer start(TinyPlusBackend backend) {
    return new TinyPlusHttpFakeServer(backend);
  }

  /**
   * The API base URL to give the client: {@code http://127.0.0.1:<port>/v2/}.
   *
   * @return the URL, with a trailing slash
   */
  public String baseUrl() {
    return http.origin() + "/v2/";
  }

  /**
   * The base URL of the implicit-flow authorize page, {@code http://127.0.0.1:<port>/oauth/authorize}, which
   * approves every request at once and redirects with a new token in the fragment.
   *
   * @return the URL
   */
  public String authorizeUrl() {
    return http.origin() + "/oauth/authorize";
  }

  /**
   * A long-life token the server accepts until it is closed, acting as the fake's current team member.
   *
   * @return the token; send it in the {@code Authorization} header with no scheme
   */
  public String token() {
    return token;
  }

  /**
   * Makes another valid token, as an account admin does in the app.
   *
   * @return the new token
   */
  public String issueToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String t = "tp-" + HexFormat.of().formatHex(bytes);
    tokens.add(t);
    return t;
  }

  /**
   * Revokes a token: calls with it answer 401 from now on.
   *
   * @param token the token
   */
  public void revoke(String token) {
    tokens.remove(Objects.requireNonNull(token, "token == null"));
  }

  /** Stops the server and frees its port. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "TinyPlusHttpFakeServer[" + http.origin() + "]";
  }

  // ---------------------------------------------------------------- dispatch

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = http.nextRequestId();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Request-Id", requestId);
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    // the violations record paths as the contract writes them, below the base URL
    String contractPath = path.startsWith(API_ROOT) ? path.substring(API_ROOT.length()) : path;
    try {
      if (path.equals("/oauth/authorize") && method.equals("GET")) {
        authorize(exchange, headers);
        return;
      }
      Matcher m = PATH.matcher(path);
      List<String> allowed = m.matches() ? allowedMethods(m.group(1), m.group(2) != null) : List.of();
      if (allowed.isEmpty()) {
        refuse(exchange, headers, FakeError.misuse(404, "No such endpoint: " + method + " " + path), method,
            contractPath);
        return;
      }
      TinyPlusOperation op = operation(method, m.group(1), m.group(2) != null);
      if (op == null) {
        refuse(exchange, headers, FakeError.methodNotAllowed(method, path, allowed), method, contractPath);
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !tokens.contains(auth)) {
        backend.calls.record(op);
        refuse(exchange, headers, unauthorised(auth), method, contractPath);
        return;
      }
      Long id = null;
      if (m.group(2) != null) {
        try {
          id = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
          backend.calls.record(op);
          refuse(exchange, headers, FakeError.misuse(404, "No record with id " + m.group(2)
              + ": an id is an integer."), method, contractPath);
          return;
        }
      }
      serveApi(exchange, op, m.group(1), id, auth, contractPath, headers);
    } catch (RuntimeException e) {
      sendError(exchange, headers, FakeError.http(500, "The fake failed: " + e));
    }
  }

  /** A missing header, or a known token behind a scheme, breaks the contract; an unknown token does not. */
  private FakeError unauthorised(String auth) {
    if (auth == null) {
      return FakeError.misuse(401, "The Authorization header is missing.");
    }
    int space = auth.indexOf(' ');
    String message = "The token is invalid. Send the token itself, with no scheme.";
    return space > 0 && tokens.contains(auth.substring(space + 1).trim()) ? FakeError.misuse(401, message)
        : FakeError.http(401, message);
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
  private void refuse(HttpExchange exchange, Map<String, String> headers, FakeError e, String method,
      String contractPath) throws IOException {
    backend.violations.record(method, contractPath, e);
    sendError(exchange, headers, e);
  }

  private static TinyPlusOperation operation(String method, String resource, boolean byId) {
    for (TinyPlusOperation op : TinyPlusOperation.values()) {
      String template = "/" + resource + (byId ? "/{id}" : "");
      if (op.method().equals(method) && op.pathTemplate().equals(template)) {
        return op;
      }
    }
    return null;
  }

  private void serveApi(HttpExchange exchange, TinyPlusOperation op, String resourceName, Long id, String auth,
      String contractPath, Map<String, String> headers) throws IOException {
    boolean hasBody = op.isWrite() && !op.method().equals("DELETE");
    Map<String, Object> members = hasBody ? FakeHttp.jsonObject(FakeHttp.bodyText(exchange)) : Map.of();
    Map<String, String> query = FakeHttp.query(exchange);
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    int successStatus = op.method().equals("POST") ? 201 : 200;
    Object result;
    try {
      result = backend.serve(op, contractPath, auth, () -> {
        if (hasBody) {
          // every tiny+ request body is plain JSON, PATCH included
          FakeHttp.requireContentType(contentType, FakeHttp.JSON);
        }
        if (members == null) {
          throw FakeError.http(400, "The body must be a JSON object.");
        }
        switch (op) {
          case GET_ACCOUNT:
            return backend.account();
          case GET_ME:
            return backend.me();
          case LIST_PROJECT_PHASES:
            return envelope(backend.phases(query));
          case LIST_PROJECT_TYPES:
            return envelope(backend.projectTypes(query));
          case CREATE_PROJECT_TYPE:
            return backend.createProjectType(members, FakeWrite.Source.API);
          default:
            break;
        }
        TinyPlusBackend.Resource resource = TinyPlusBackend.Resource.valueOf(resourceName.toUpperCase());
        switch (op.method()) {
          case "POST":
            return backend.create(resource, members, FakeWrite.Source.API);
          case "PATCH":
            return backend.patch(resource, id, members, FakeWrite.Source.API);
          case "DELETE":
            return backend.delete(resource, id, FakeWrite.Source.API);
          default:
            return id == null ? envelope(backend.list(resource, query))
                : backend.get(resource, id, withRelated(query));
        }
      });
    } catch (FakeError e) {
      FakeHttp.sendFailure(exchange, e, successStatus, headers, null);
      return;
    }
    FakeHttp.send(exchange, successStatus, headers, result);
  }

  /** {@code with_related} of a GET by id: 1 (the default) or 0, as for lists. */
  private static boolean withRelated(Map<String, String> query) {
    String value = query.getOrDefault("with_related", "1");
    if (!value.equals("0") && !value.equals("1")) {
      throw FakeError.validation("with_related", "must be 0 or 1.");
    }
    return value.equals("1");
  }

  private static Map<String, Object> envelope(TinyPlusBackend.Listing listing) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", listing.total());
    body.put("start", listing.start());
    body.put("limit", listing.limit());
    body.put("records", listing.records());
    return body;
  }

  private static void sendError(HttpExchange exchange, Map<String, String> headers, FakeError e) throws IOException {
    FakeHttp.sendFailure(exchange, e, 200, headers, null);
  }


  private void authorize(HttpExchange exchange, Map<String, String> headers) throws IOException {
    Map<String, String> q = FakeHttp.query(exchange);
    String redirectUri = q.get("redirect_uri");
    if (!"token".equals(q.get("response_type")) || redirectUri == null || q.get("client_id") == null) {
      FakeHttp.send(exchange, 400, headers,
          Map.of("message", "response_type=token, client_id and redirect_uri are required."));
      return;
    }
    String location = redirectUri + "#token_type=Bearer&expires_in=" + (14 * 24 * 3600)
        + "&access_token=" + URLEncoder.encode(issueToken(), StandardCharsets.UTF_8)
        + (q.containsKey("state") ? "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8) : "");
    headers.put("Location", location);
    FakeHttp.send(exchange, 302, headers, null);
  }
}
