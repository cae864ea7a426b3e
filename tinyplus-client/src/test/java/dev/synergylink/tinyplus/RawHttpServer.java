package dev.synergylink.tinyplus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP/1.1 server on a loopback dynamic port for answers WireMock cannot give (a body that drips or never
 * ends): it reads each request's head and body, then hands the socket to the test's {@link Answer}. Requests on a
 * kept-alive connection are read one after another.
 */
final class RawHttpServer implements AutoCloseable {
  /** Writes the answer to one request. */
  @FunctionalInterface
  interface Answer {
    /**
     * @param requestLine such as {@code GET /api/v2/x HTTP/1.1}
     * @param out the socket's output
     * @return whether the connection stays open for another request
     */
    boolean write(String requestLine, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final Answer answer;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.Semaphore closedByClient = new java.util.concurrent.Semaphore(0);

  RawHttpServer(Answer answer) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.answer = answer;
    Thread acceptor = new Thread(this::accept, "raw-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The request lines received, in order. */
  List<String> requests() {
    return requests;
  }

  /**
   * Waits until the client has closed a connection (end of stream where the next request would start).
   *
   * @return {@code false} when none was closed within 10 s (a guard against hanging, not a measured time)
   */
  boolean awaitConnectionClosedByClient() throws InterruptedException {
    return closedByClient.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        Thread worker = new Thread(() -> serve(socket), "raw-http-serve");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          closedByClient.release();
          return;
        }
        skipBody(in, head);
        String line = head.substring(0, head.indexOf("\r\n"));
        requests.add(line);
        if (!answer.write(line, out)) {
          return;
        }
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the client went away mid-answer: what these tests provoke
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void skipBody(InputStream in, String head) throws IOException {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        long length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        in.readNBytes((int) length);
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
