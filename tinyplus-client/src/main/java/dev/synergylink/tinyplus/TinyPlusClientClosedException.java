package dev.synergylink.tinyplus;

/**
 * A call on a {@link TinyPlusClient} after its {@link TinyPlusClient#close()}: nothing was sent. A closed client
 * stays closed; build a new one.
 */
public class TinyPlusClientClosedException extends TinyPlusApiException {
  /**
   * A call on a closed client.
   *
   * @param method the HTTP method the call would have used
   * @param path the path the call would have used, without query
   */
  public TinyPlusClientClosedException(String method, String path) {
    super("this TinyPlusClient was closed; build a new client for more calls", 0, null, method, path, null, null);
  }
}
