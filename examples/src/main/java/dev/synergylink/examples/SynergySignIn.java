package dev.synergylink.examples;

import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.OAuthTokens;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyOAuth;
import dev.synergylink.synergy.TokenStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's Synergy connection step: the OAuth authorization code flow against the fake server, with the demo
 * playing the user's browser, and a client on the tokens it gave. Counts the TokenStore's saves; never prints a
 * token. Not thread-safe.
 */
final class SynergySignIn {
  private static final String REDIRECT_URI = "https://crm.tiny.plus/integrations/synergy/callback";

  private final ManualClock clock;
  private final PrintStream out;
  private final AtomicInteger tokenSaves;

  SynergySignIn(ManualClock clock, PrintStream out, AtomicInteger tokenSaves) {
    this.clock = clock;
    this.out = out;
    this.tokenSaves = tokenSaves;
  }

  SynergyClient connect(SynergyHttpFakeServer server) {
    OAuthApplication application = OAuthApplication.of(server.applicationKey(), server.applicationSecret(),
        REDIRECT_URI);
    SynergyOAuth oauth = SynergyOAuth.builder()
        .application(application)
        .baseUrl(server.baseUrl())
        .webAppUrl(server.webAppUrl())
        .clock(clock)
        .build();
    String state = SynergyOAuth.newState();
    Map<String, String> redirect = signInAndApprove(oauth.authorizeUrl(state));
    SynergyOAuth.checkState(state, redirect.get("state"));
    TokenStore tokens = countingTokenStore();
    tokens.save(oauth.exchangeCode(redirect.get("code")));
    out.println("  Synergy: the user signed in on the authorize page; the code came back with the right state and"
        + " was exchanged for tokens, kept in the host's TokenStore");
    SynergyClient synergy = SynergyClient.builder()
        .baseUrl(server.baseUrl())
        .webAppUrl(server.webAppUrl())
        .organisation(FirmData.ORGANISATION)
        .oauth(application, tokens)
        .clock(clock)
        .build();
    CurrentUser user = synergy.currentUser();
    out.println("  Synergy: connected to organisation '" + synergy.organisation() + "' as " + user.firstName() + " "
        + user.lastName() + " (" + user.securityLevel() + ")");
    return synergy;
  }

  /** Plays the browser: opens the authorize page, where the user approves, and reads the redirect's query. */
  private static Map<String, String> signInAndApprove(String authorizeUrl) {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    try {
      HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
          HttpResponse.BodyHandlers.discarding());
      String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
          "the authorize page answered " + response.statusCode() + " without a redirect"));
      Map<String, String> query = new HashMap<>();
      for (String pair : URI.create(location).getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return query;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signing in", e);
    }
  }

  private TokenStore countingTokenStore() {
    TokenStore memory = TokenStore.inMemory(null);
    return new TokenStore() {
      @Override
      public OAuthTokens load() {
        return memory.load();
      }

      @Override
      public void save(OAuthTokens tokens) {
        memory.save(tokens);
        tokenSaves.incrementAndGet();
      }
    };
  }

}
