package dev.synergylink.admin;

import dev.synergylink.sync.ImmutableSyncSettings;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyOAuth;
import dev.synergylink.synergy.TokenStore;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;
import java.util.function.UnaryOperator;

/**
 * The one connection this page manages (one tiny+ account and one Synergy organisation): the OAuth application, the
 * tokens, both clients, the state store, the settings and the engine built from them. The engine is rebuilt when the
 * settings change; it reads and writes only through the SDK's public API. Thread-safe (its methods are
 * synchronized; engine runs themselves are serialised by the engine's lease).
 */
final class Connection implements AutoCloseable {
  static final String CONNECTION_ID = "harbour-vale";

  private final FakeWorld world;
  private final OAuthApplication application;
  private final SynergyOAuth oauth;
  // the host's token store: a real host keeps the tokens in its database
  private final TokenStore synergyTokens;
  private final StateStore store = InMemoryStateStore.create();

  private SynergyClient synergy;
  private CurrentUser synergyUser;
  private TinyPlusClient tinyPlus;
  private TeamMember tinyPlusUser;
  private SyncSettings settings;
  private SyncEngine engine;

  Connection(FakeWorld world, String redirectUri, TokenStore synergyTokens) {
    this.world = world;
    this.synergyTokens = synergyTokens;
    this.application = OAuthApplication.of(world.synergyServer().applicationKey(),
        world.synergyServer().applicationSecret(), redirectUri);
    this.oauth = SynergyOAuth.builder()
        .application(application)
        .baseUrl(world.synergyServer().baseUrl())      // production: leave out
        .webAppUrl(world.synergyServer().webAppUrl())  // production: leave out
        .build();
  }

  /** The Synergy authorize page for a sign-in whose state the caller keeps in the user's session. */
  String authorizeUrl(String state) {
    return oauth.authorizeUrl(state);
  }

  /** Exchanges the redirect's code for tokens (kept in the token store, never shown) and connects the client. */
  synchronized void connectSynergy(String code) {
    synergyTokens.save(oauth.exchangeCode(code));
    SynergyClient client = SynergyClient.builder()
        .baseUrl(world.synergyServer().baseUrl())
        .webAppUrl(world.synergyServer().webAppUrl())
        .organisation(FakeWorld.ORGANISATION)
        .oauth(application, synergyTokens)
        .build();
    try {
      synergyUser = client.currentUser();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    closeSynergy();
    synergy = client;
    rebuild();
  }

  /** Connects tiny+ with an account admin's long-life token; checks it with one call. */
  synchronized void connectTinyPlus(String token) {
    TinyPlusClient client = TinyPlusClient.builder()
        .baseUrl(world.tinyPlusServer().baseUrl())   // production: leave out
        .tokenProvider(TokenProvider.of(token))
        // the client keeps to tiny+'s 300 requests a minute; the fake server enforces no limit, so a person
        // clicking through the screens need not wait
        .requestsPerMinute(30_000)
        .build();
    try {
      tinyPlusUser = client.me();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    if (tinyPlus != null) {
      tinyPlus.close();
    }
    tinyPlus = client;
    rebuild();
  }

  /** Create Sync: the connection's first settings, master switch off, nothing enabled. */
  synchronized void createSync() {
    requireClients();
    if (settings == null) {
      settings = SyncSettings.builder()
          .connectionId(CONNECTION_ID)
          .synergyOrganisation(FakeWorld.ORGANISATION)
          .synergyWebAddress(world.synergyServer().webAppUrl().replaceAll("/$", ""))
          // projects default to the user who activated the integration when their manager is not linked
          .activatingUser(tinyPlusUser.id())
          .build();
    }
    rebuild();
  }

  /**
   * Changes the settings and rebuilds the engine.
   *
   * @throws dev.synergylink.sync.SyncSettingsException listing every problem; the settings stay as they were
   */
  synchronized SyncSettings changeSettings(UnaryOperator<ImmutableSyncSettings.Builder> change) {
    requireEngine();
    settings = change.apply(SyncSettings.builder().from(settings)).build();
    rebuild();
    return settings;
  }

  /** Settings with a record type switched on, built but not kept: for the reasons a switch cannot be turned on. */
  synchronized SyncSettings withType(RecordType type) {
    requireEngine();
    return SyncSettings.builder().from(settings).addEnabledTypes(type).build();
  }

  private void rebuild() {
    if (synergy == null || tinyPlus == null || settings == null) {
      engine = null;
      return;
    }
    engine = SyncEngine.builder()
        .synergy(synergy)
        .tinyPlus(tinyPlus)
        .stateStore(store)
        .settings(settings)
        .holder("admin-page")
        .build();
  }

  synchronized boolean synergyConnected() {
    return synergy != null;
  }

  synchronized boolean tinyPlusConnected() {
    return tinyPlus != null;
  }

  synchronized CurrentUser synergyUser() {
    return synergyUser;
  }

  synchronized TeamMember tinyPlusUser() {
    return tinyPlusUser;
  }

  /** The engine, or null before Create Sync. */
  synchronized SyncEngine engineOrNull() {
    return engine;
  }

  /** The engine; throws {@link NotConnectedException} before Create Sync. */
  synchronized SyncEngine engine() {
    requireEngine();
    return engine;
  }

  synchronized SyncSettings settings() {
    requireEngine();
    return settings;
  }

  synchronized SynergyClient synergy() {
    requireClients();
    return synergy;
  }

  synchronized TinyPlusClient tinyPlus() {
    requireClients();
    return tinyPlus;
  }

  /** The host's state store, read for the links (a public SPI). */
  StateStore store() {
    return store;
  }

  /** Makes a token on the fake tiny+ server, as an account admin does in the tiny+ app; for the demo only. */
  String issueFakeTinyPlusToken() {
    return world.tinyPlusServer().issueToken();
  }

  private void requireClients() {
    if (synergy == null || tinyPlus == null) {
      throw new NotConnectedException();
    }
  }

  private void requireEngine() {
    requireClients();
    if (engine == null) {
      throw new NotConnectedException();
    }
  }

  private void closeSynergy() {
    if (synergy != null) {
      synergy.close();
    }
  }

  @Override
  public synchronized void close() {
    closeSynergy();
    if (tinyPlus != null) {
      tinyPlus.close();
    }
  }

  /** Thrown by a screen that needs both systems connected and the sync created; the page sends the user to Connect. */
  static final class NotConnectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotConnectedException() {
      super("Connect Synergy and tiny+ and create the sync first");
    }
  }
}
