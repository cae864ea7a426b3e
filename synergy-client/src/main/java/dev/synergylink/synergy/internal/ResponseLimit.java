package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.SynergyResponseTooLargeException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps what one answer's body may hold, while it streams in: a declared length past the cap fails at once, and a
 * body that runs on (endless chunks, a lying length) fails as soon as it passes the cap, so that a hostile or
 * broken server cannot run the host out of memory. An application interceptor, so the cap counts the bytes after
 * gzip is undone.
 */
final class ResponseLimit implements Interceptor {
  private final long maxBytes;

  ResponseLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    if (body.contentLength() > maxBytes) {
      response.close();
      throw tooLarge(request, response, "declares " + body.contentLength() + " bytes");
    }
    return response.newBuilder().body(new LimitedBody(body, request, response)).build();
  }

  // no request id: this runs before the client scrubs what the server sent, and a server may echo a credential there
  private SynergyResponseTooLargeException tooLarge(Request request, Response response, String what) {
    return new SynergyResponseTooLargeException("Synergy's answer " + what + ", more than the " + maxBytes
        + " bytes this client reads (maxResponseBytes); not read further", response.code(), null, request.method(),
        request.url().encodedPath(), maxBytes);
  }

  /** The body, failing once more than the cap has been read. */
  private final class LimitedBody extends ResponseBody {
    private final ResponseBody body;
    private final BufferedSource source;

    LimitedBody(ResponseBody body, Request request, Response response) {
      this.body = body;
      this.source = Okio.buffer(new ForwardingSource(body.source()) {
        private long read;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          // never take in more than one byte past the cap, however much the caller asks for
          long count = super.read(sink, Math.min(byteCount, maxBytes - read + 1));
          if (count > 0) {
            read += count;
            if (read > maxBytes) {
              throw tooLarge(request, response, "runs past its limit");
            }
          }
          return count;
        }
      });
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      body.close();
    }
  }
}
