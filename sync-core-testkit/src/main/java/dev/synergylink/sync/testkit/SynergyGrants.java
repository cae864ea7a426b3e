package dev.synergylink.sync.testkit;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OAuth side of a {@link SynergyHttpFakeServer}: authorization codes, access tokens and rotating refresh
 * tokens, with the contract's lifetimes. Thread-safe: every method locks the instance.
 */
final class SynergyGrants {
  static final Duration ACCESS_TOKEN_LIFE = Duration.ofSeconds(3600);
  static final Duration REFRESH_TOKEN_LIFE = Duration.ofDays(30);
  /** How long a used refresh token keeps working, so that a lost response can be retried. */
  static final Duration REFRESH_GRACE = Duration.ofSeconds(60);
  static final Duration CODE_LIFE = Duration.ofMinutes(10);

  private static final class RefreshToken {
    final Instant expiresAt;
    Instant usedAt;

    RefreshToken(Instant expiresAt) {
      this.expiresAt = expiresAt;
    }
  }

  private record Code(String redirectUri, Instant expiresAt) {}

  private final SynergyBackend backend;
  private final String applicationKey;
  private final String applicationSecret;
  private final SecureRandom random = new SecureRandom();
  /** Access token to the instant it expires. */
  private final Map<String, Instant> accessTokens = new HashMap<>();
  private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
  private final Map<String, Code> codes = new HashMap<>();

  SynergyGrants(SynergyBackend backend, String applicationKey, String applicationSecret) {
    this.backend = backend;
    this.applicationKey = applicationKey;
    this.applicationSecret = applicationSecret;
  }

  /** A static API key: it lives for years, so it outlives any test. */
  synchronized String issueApiKey() {
    String key = "key-" + randomHex();
    accessTokens.put(key, Instant.MAX);
    return key;
  }

  synchronized String approve(String redirectUri) {
    String code = "code-" + randomHex();
    codes.put(code, new Code(redirectUri, backend.clock().instant().plus(CODE_LIFE)));
    return code;
  }

  synchronized boolean validToken(String token) {
    if (token == null) {
      return false;
    }
    Instant expiresAt = accessTokens.get(token);
    return expiresAt != null && backend.clock().instant().isBefore(expiresAt);
  }

  /** A malformed request breaks the contract; an unknown, used or expired grant or a wrong secret does not. */
  static FakeError error(String error, String description) {
    return error.equals("invalid_request") ? FakeError.validation(Map.of(error, List.of(description)))
        : FakeError.refusedGrant(error, description);
  }

  synchronized Map<String, Object> exchangeCode(Map<String, String> form) {
    for (String p : List.of("applicationKey", "applicationSecret", "code", "redirectUri", "grant_type")) {
      if (!form.containsKey(p)) {
        throw error("invalid_request", p + " is missing.");
      }
    }
    if (!form.get("grant_type").equals("authorization_code")) {
      throw error("invalid_request", "grant_type must be authorization_code.");
    }
    checkClient(form);
    Code code = codes.remove(form.get("code"));
    if (code == null || !backend.clock().instant().isBefore(code.expiresAt())) {
      throw error("invalid_grant", "The code is unknown, used or expired.");
    }
    if (!code.redirectUri().equals(form.get("redirectUri"))) {
      throw error("invalid_grant", "redirectUri does not match the one the code was issued for.");
    }
    return issueTokens();
  }

  synchronized Map<String, Object> refresh(Map<String, String> form) {
    for (String p : List.of("applicationKey", "applicationSecret", "refresh_token", "grant_type")) {
      if (!form.containsKey(p)) {
        throw error("invalid_request", p + " is missing.");
      }
    }
    if (!form.get("grant_type").equals("refresh_token")) {
      throw error("invalid_request", "grant_type must be refresh_token.");
    }
    checkClient(form);
    Instant now = backend.clock().instant();
    RefreshToken token = refreshTokens.get(form.get("refresh_token"));
    if (token == null || !now.isBefore(token.expiresAt)) {
      throw error("invalid_grant", "The refresh token is unknown or expired.");
    }
    if (token.usedAt == null) {
      token.usedAt = now;
    } else if (now.isAfter(token.usedAt.plus(REFRESH_GRACE))) {
      throw error("invalid_grant", "The refresh token was already used and has been replaced.");
    }
    return issueTokens();
  }

  private void checkClient(Map<String, String> form) {
    if (!applicationKey.equals(form.get("applicationKey")) || !applicationSecret.equals(form.get("applicationSecret"))) {
      throw error("invalid_client", "The application key or secret is wrong.");
    }
  }

  private Map<String, Object> issueTokens() {
    Instant now = backend.clock().instant();
    String access = "at-" + randomHex();
    String refresh = "rt-" + randomHex();
    accessTokens.put(access, now.plus(ACCESS_TOKEN_LIFE));
    refreshTokens.put(refresh, new RefreshToken(now.plus(REFRESH_TOKEN_LIFE)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", access);
    body.put("refresh_token", refresh);
    body.put("expires_in", ACCESS_TOKEN_LIFE.toSeconds());
    body.put("token_type", "access-token");
    body.put("organisation", backend.organisation());
    return body;
  }

  private String randomHex() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
