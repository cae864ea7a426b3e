package dev.synergylink.synergy.internal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A create's body, marked one-shot so that OkHttp never transmits it again on its own: without this, OkHttp
 * silently resends a request whose pooled connection dropped, and a POST that the server may have acted on would
 * be sent twice. Our own resends (after a 429 or a refused connection) write it again on purpose.
 */
final class OneShotBody extends RequestBody {
  private final RequestBody delegate;

  OneShotBody(RequestBody delegate) {
    this.delegate = delegate;
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() throws IOException {
    return delegate.contentLength();
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    delegate.writeTo(sink);
  }
}
