package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.TokenStore;
import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.OAuthTokens;
import dev.synergylink.synergy.SynergyOAuth;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;
import java.time.Clock;

/**
 * The README's quick start, compiled: connect both clients, build the engine, run the manual controls once and then
 * a cycle on your schedule. {@link #main} runs it against the fake servers; the README shows {@link #sync} between
 * its {@code [quick-start]} markers, and a test checks that the two match.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * The quick start.
   *
   * @param synergyApi the Synergy API root ({@code https://api.totalsynergy.com/api/v2} in production)
   * @param tinyPlusApi the tiny+ API root ({@code https://api.tiny.plus/v2} in production)
   * @param application the integration's Synergy key, secret and redirect URI
   * @param tokens where you keep the Synergy tokens, after the OAuth code exchange
   * @param tinyPlusToken a tiny+ token of an account admin
   * @param store where you keep the sync's state
   * @return the report of the cycle
   */
  static SyncReport sync(String synergyApi, String tinyPlusApi, OAuthApplication application, TokenStore tokens,
      String tinyPlusToken, StateStore store) {
    // [quick-start]
    SynergyClient synergy = SynergyClient.builder()
        .baseUrl(synergyApi)
        .organisation("harbour-vale")
        .oauth(application, tokens)            // refreshes and rotates tokens through your TokenStore
        .build();
    TinyPlusClient tinyPlus = TinyPlusClient.builder()
        .baseUrl(tinyPlusApi)
        .tokenProvider(TokenProvider.of(tinyPlusToken))
        .build();
    SyncEngine engine = SyncEngine.builder()
        .synergy(synergy)
        .tinyPlus(tinyPlus)
        .stateStore(store)                     // yours: links, cursors, failures, the run lease
        .settings(SyncSettings.builder()
            .connectionId("harbour-vale")
            .synergyOrganisation("harbour-vale")
            .masterSwitch(true)
            .addEnabledTypes(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT)
            .build())
        .build();
    engine.syncOnce();                         // starts the cursors
    engine.downloadAll(RecordType.COMPANY, ProgressListener.none());   // the manual sync controls, once
    engine.uploadAll(RecordType.COMPANY, ProgressListener.none());
    SyncReport report = engine.syncOnce();     // then every minute or so, on your scheduler
    // [quick-start]
    synergy.close();                           // when done with the connection: frees the clients' threads
    tinyPlus.close();                          // and connections
    return report;
  }

  /**
   * Runs the quick start against the fake servers.
   *
   * @param args none
   */
  public static void main(String[] args) {
    SynergyFake synergyFake = SynergyFake.builder(Clock.systemUTC()).organisation("harbour-vale").build();
    TinyPlusFake tinyPlusFake = TinyPlusFake.builder(Clock.systemUTC()).build();
    try (SynergyHttpFakeServer synergyServer = SynergyHttpFakeServer.start(synergyFake);
        TinyPlusHttpFakeServer tinyPlusServer = TinyPlusHttpFakeServer.start(tinyPlusFake)) {
      OAuthApplication application = OAuthApplication.of(synergyServer.applicationKey(),
          synergyServer.applicationSecret(), "https://example.com/callback");
      OAuthTokens tokens = SynergyOAuth.builder().application(application).baseUrl(synergyServer.baseUrl())
          .webAppUrl(synergyServer.webAppUrl()).build()
          .exchangeCode(synergyServer.approve(application.redirectUri()));
      SyncReport report = sync(synergyServer.baseUrl(), tinyPlusServer.baseUrl(), application,
          TokenStore.inMemory(tokens), tinyPlusServer.issueToken(), InMemoryStateStore.create());
      new ReportPrinter(System.out).print(report);
    }
  }
}
