package dev.synergylink.sync.testkit;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import okio.Buffer;

/**
 * The plumbing both HTTP fake servers share: a loopback {@link HttpServer} on a free port, JSON in and out with
 * Moshi's streaming API (numbers kept exact as {@link BigDecimal}), query and form parsing, request ids, and the
 * ways a fault shows on the wire. Thread-safe.
 */
final class FakeHttp implements AutoCloseable {
  static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final ExecutorService executor;
  private final String requestIdPrefix;
  private final AtomicLong requestIds = new AtomicLong();

  /** The media type of POST bodies, and of tiny+ PATCH bodies. */
  static final String JSON = "application/json";
  /** The media type of Synergy PATCH bodies: a JSON merge patch. */
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";
  /** The media type of the OAuth token requests. */
  static final String FORM = "application/x-www-form-urlencoded";

  /** The JDK server's switch for TCP_NODELAY on the connections it accepts. */
  static final String NODELAY = "sun.net.httpserver.nodelay";

  /**
   * Without TCP_NODELAY the JDK's HTTP server sends each small response after the client's delayed ACK (some
   * 40 ms a call on Linux), which turns a run of a few thousand calls into minutes. The JDK offers no per-server
   * setting: {@code sun.net.httpserver.nodelay} is a system property read once, when the first server in the JVM
   * starts. So it is set here, before the server is created, unless the host has set it itself.
   */
  private static void answerWithoutDelayedAck() {
    System.getProperties().putIfAbsent(NODELAY, "true");
  }

  FakeHttp(String requestIdPrefix, HttpHandler handler) {
    this.requestIdPrefix = requestIdPrefix;
    answerWithoutDelayedAck();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port for the HTTP fake server", e);
    }
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, requestIdPrefix + "-http-fake");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
  }

  /** {@code http://127.0.0.1:port}, without a trailing slash. */
  String origin() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  String nextRequestId() {
    return requestIdPrefix + "-" + String.format("%06d", requestIds.incrementAndGet());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- requests

  static Map<String, String> query(HttpExchange exchange) {
    return decodeForm(exchange.getRequestURI().getRawQuery());
  }

  static Map<String, String> decodeForm(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  /** A {@code Content-Type} header's media type, lower case and without parameters; null without a header. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** A 400 unless the request's {@code Content-Type} is {@code wanted} (a charset parameter is fine). */
  static void requireContentType(String contentType, String wanted) {
    if (!wanted.equals(mediaType(contentType))) {
      throw FakeError.http(400, "The Content-Type must be " + wanted + ", was "
          + (contentType == null ? "missing" : contentType) + ".");
    }
  }

  static String bodyText(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Reads a JSON object body; null when the body is not a JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> jsonObject(String body) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      Object value = readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT || !(value instanceof Map)) {
        return null;
      }
      return (Map<String, Object>) value;
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }

  private static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          object.put(name, readValue(reader));
        }
        reader.endObject();
        return object;
      case BEGIN_ARRAY:
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(readValue(reader));
        }
        reader.endArray();
        return array;
      case STRING:
        return reader.nextString();
      case NUMBER:
        BigDecimal number = new BigDecimal(reader.nextString());
        return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
            ? (Object) number.longValueExact()
            : number;
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonEncodingException("unexpected " + reader.peek());
    }
  }

  // ---------------------------------------------------------------- responses

  static byte[] json(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writeValue(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  private static void writeValue(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        writer.name((String) e.getKey());
        writeValue(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object item : (List<?>) value) {
        writeValue(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else if (value instanceof BigDecimal) {
      writer.value(new BigDecimal(((BigDecimal) value).toPlainString()));
    } else if (value instanceof Number) {
      writer.value((Number) value);
    } else if (value instanceof Instant) {
      writer.value(UTC_MILLIS.format((Instant) value));
    } else if (value instanceof LocalDateTime) {
      writer.value(TinyPlusBackend.LOCAL.format((LocalDateTime) value));
    } else {
      writer.value(value.toString());
    }
  }

  static void send(HttpExchange exchange, int status, Map<String, String> headers, Object body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : json(body);
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (body != null) {
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  /**
   * Answers a failed call: a timeout or an ambiguous write breaks the response, a malformed body is sent as such,
   * anything else as its status with {@code Retry-After} when it has one and the contract's error body.
   */
  static void sendFailure(HttpExchange exchange, FakeError e, int successStatus, Map<String, String> headers,
      String requestId) throws IOException {
    switch (e.kind) {
      case TIMEOUT:
        sendDropped(exchange, successStatus);
        return;
      case MALFORMED:
        sendMalformed(exchange, successStatus, headers);
        return;
      default:
        if (!e.allow.isEmpty()) {
          headers.put("Allow", String.join(", ", e.allow));
        }
        if (e.retryAfter != null) {
          headers.put("Retry-After", Long.toString(Math.max(0, (e.retryAfter.toMillis() + 999) / 1000)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        if (!e.errors.isEmpty()) {
          body.put("errors", e.errors);
        }
        if (requestId != null) {
          body.put("requestId", requestId);
        }
        send(exchange, e.status, headers, body);
    }
  }

  /** A malformed-body fault: the status line says success, the body is cut off mid-JSON. */
  static void sendMalformed(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
    byte[] bytes = "{\"id\": 12, \"name\": \"trunc".getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    exchange.close();
  }

  /**
   * A timeout or an ambiguous write: the status line arrives, then the body breaks (its chunk framing is garbage),
   * so the caller cannot tell what happened and an HTTP client cannot silently resend the request. (Closing the
   * connection before any response byte would let OkHttp retry a POST on a fresh connection; the JDK server cannot
   * cut a connection mid-body.)
   */
  static void sendDropped(HttpExchange exchange, int status) throws IOException {
    byte[] garbage = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Transfer-Encoding", "chunked");
    exchange.sendResponseHeaders(status, garbage.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(garbage);
    }
    exchange.close();
  }


}
