package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.OAuthTokens;
import dev.synergylink.synergy.SynergyAuthenticationException;
import dev.synergylink.synergy.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth access token of one client: loaded from the host's store, refreshed shortly before expiry and after
 * a 401. One refresh at a time: a thread whose token was refused while another refreshed just takes the new
 * token. A new pair is saved to the store before the new access token is handed out. A refresh token the server
 * refused is not sent again: every later call fails at once the same way until the host saves new tokens. Nor
 * is a refresh repeated when the access token it gave was refused at once (401 before any call succeeded with
 * it): the server does not accept what it issues, so every later call fails at once, asking to re-authorise,
 * until the host saves new tokens; without this, a server answering 401 to everything would cost one refresh
 * per call.
 */
final class OAuthTokenSource implements AccessTokens {
  private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenSource.class);

  private final OAuthEndpoint endpoint;
  private final TokenStore store;
  private final Clock clock;
  private final Duration margin;
  private final Object lock = new Object();
  private volatile OAuthTokens tokens;
  /** The pair before the last refresh, kept only to scrub it from what a server echoes. */
  private volatile OAuthTokens previous;
  /** The access token of the last refresh while no answer but 401 has come to it. */
  private volatile String unproven;
  /** An access token refused at once after its refresh; not used or refreshed until the store holds another. */
  private volatile String refusedAfterRefresh;
  /** The refresh token the server refused, and how; not tried again until the store holds another one. */
  private volatile String deadRefreshToken;
  private SynergyAuthenticationException deadBecause;

  OAuthTokenSource(OAuthEndpoint endpoint, TokenStore store, Clock clock, Duration margin) {
    this.endpoint = endpoint;
    this.store = store;
    this.clock = clock;
    this.margin = margin;
  }

  @Override
  public Collection<String> secrets() {
    List<String> secrets = new ArrayList<>(5);
    for (OAuthTokens pair : new OAuthTokens[] {tokens, previous}) {
      if (pair != null) {
        secrets.add(pair.accessToken());
        secrets.add(pair.refreshToken());
      }
    }
    if (deadRefreshToken != null) {
      secrets.add(deadRefreshToken);
    }
    return secrets;
  }

  @Override
  public String current() {
    OAuthTokens now = tokens;
    if (now != null && usable(now)) {
      return now.accessToken();
    }
    return refresh(now == null ? null : now.accessToken(), false);
  }

  @Override
  public void accepted(String token) {
    if (token.equals(unproven)) {
      unproven = null;
    }
  }

  @Override
  public void refusedAgain(String token) {
    synchronized (lock) {
      if (token.equals(unproven)) {
        refusedAfterRefresh = token;
      }
    }
  }

  @Override
  public boolean refreshable() {
    return true;
  }

  @Override
  public String afterRejection(String rejected) {
    return refresh(rejected, true);
  }

  @Override
  public String unauthorizedHint() {
    return "The access token was refused even after a refresh: reconnect to Synergy through the authorize URL";
  }

  private boolean fresh(OAuthTokens candidate) {
    return clock.instant().plus(margin).isBefore(candidate.expiresAt());
  }

  private boolean usable(OAuthTokens candidate) {
    return fresh(candidate) && !candidate.accessToken().equals(refusedAfterRefresh);
  }

  private static SynergyAuthenticationException refusedAfterRefresh() {
    return new SynergyAuthenticationException("Synergy refused the access token it had just issued by a refresh,"
        + " so refreshing again would not help: ask the user to re-authorise through SynergyOAuth.authorizeUrl(...)"
        + " and save the exchanged tokens in the TokenStore; until then every call fails at once", 401, null,
        "POST", "/" + SynergyContract.REFRESH_ACCESS_TOKEN_PATH, null);
  }

  private String refresh(String stale, boolean rejected) {
    synchronized (lock) {
      if (rejected && stale != null && stale.equals(unproven)) {
        refusedAfterRefresh = stale; // refused at once after its refresh: another refresh would not help
      }
      OAuthTokens held = tokens;
      if (held != null && !held.accessToken().equals(stale) && usable(held)) {
        return held.accessToken(); // another thread refreshed while this one waited
      }
      // The host may have reconnected (saved new tokens) since they were loaded.
      OAuthTokens stored = store.load();
      if (stored == null) {
        throw new SynergyAuthenticationException("Not connected to Synergy: the token store holds no tokens."
            + " Connect through SynergyOAuth.authorizeUrl(...) and save the exchanged tokens first", 0, null,
            "POST", "/" + SynergyContract.REFRESH_ACCESS_TOKEN_PATH, null);
      }
      if (!stored.equals(held)) {
        tokens = stored;
        if (!stored.accessToken().equals(stale) && usable(stored)) {
          return stored.accessToken();
        }
      }
      if (stored.accessToken().equals(refusedAfterRefresh)) {
        throw refusedAfterRefresh();
      }
      if (stored.refreshToken().equals(deadRefreshToken)) {
        throw new SynergyAuthenticationException(deadBecause.reason(), deadBecause.status(), deadBecause.requestId(),
            deadBecause.method(), deadBecause.path(), null);
      }
      LOG.debug("Refreshing the Synergy access token ({})", rejected ? "refused with 401" : "about to expire");
      OAuthTokens next;
      try {
        next = endpoint.refresh(stored.refreshToken());
      } catch (SynergyAuthenticationException e) {
        deadRefreshToken = stored.refreshToken();
        deadBecause = e;
        throw e;
      }
      store.save(Objects.requireNonNull(next, "tokens"));
      previous = stored;
      tokens = next;
      unproven = next.accessToken();
      return next.accessToken();
    }
  }

  @Override
  public String toString() {
    return "OAuthTokenSource{store=" + store + "}";
  }
}
