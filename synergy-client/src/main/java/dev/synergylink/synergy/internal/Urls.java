package dev.synergylink.synergy.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import okhttp3.HttpUrl;

/** Checks the URLs a client is given. */
public final class Urls {
  private Urls() {}

  /**
   * Parses {@code url} and refuses anything but https, except on a loopback host (a local fake server).
   *
   * @param name the setting's name, for the message
   * @param url the URL
   * @return the parsed URL, with a trailing slash
   */
  public static HttpUrl secure(String name, String url) {
    Objects.requireNonNull(url, name + " == null");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(name + " must be an absolute http or https URL such as"
          + " https://api.totalsynergy.com/api/v2");
    }
    if (!parsed.isHttps() && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException(name + " must use https (plain http is allowed only for a loopback host"
          + " such as localhost), was " + parsed.scheme() + "://" + parsed.host());
    }
    if (parsed.querySize() > 0 || parsed.fragment() != null || !parsed.username().isEmpty()) {
      throw new IllegalArgumentException(name + " must have no query, fragment or user info (credentials go"
          + " to the builder, not into the URL)");
    }
    String path = parsed.encodedPath();
    return path.endsWith("/") ? parsed : parsed.newBuilder().encodedPath(path + "/").build();
  }

  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false; // a name other than localhost: never resolved here
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
