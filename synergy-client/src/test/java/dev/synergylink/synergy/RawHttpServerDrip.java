package dev.synergylink.synergy;

import java.io.IOException;
import java.io.OutputStream;

/** An answer that drips: its head, then one byte of body every 50 ms, far within any read timeout. */
final class RawHttpServerDrip {
  private RawHttpServerDrip() {}

  static boolean drip(String requestLine, OutputStream out) throws IOException, InterruptedException {
    out.write(RawHttpServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100000\r\n\r\n"));
    out.flush();
    for (int i = 0; i < 100_000; i++) {
      Thread.sleep(50); // the server's pace, not the test's: the test waits for no time
      out.write(' ');
      out.flush();
    }
    return false;
  }
}
