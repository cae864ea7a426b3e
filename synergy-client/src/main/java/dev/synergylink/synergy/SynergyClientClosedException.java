package dev.synergylink.synergy;

import java.util.Map;

/**
 * A call on a {@link SynergyClient} after its {@link SynergyClient#close()}: nothing was sent. A closed client
 * stays closed; build a new one.
 */
public class SynergyClientClosedException extends SynergyApiException {
  /**
   * A call on a closed client.
   *
   * @param method the HTTP method the call would have used
   * @param path the request path the call would have used
   */
  public SynergyClientClosedException(String method, String path) {
    super("This SynergyClient was closed; build a new client for more calls", 0, null, method, path, Map.of(),
        null);
  }
}
