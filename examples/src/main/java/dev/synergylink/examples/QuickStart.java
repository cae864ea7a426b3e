package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.InMemoryStateStore;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyOAuth;
import dev.synergylink.synergy.TokenStore;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;
import java.time.Clock;

/**
 * SynergyLink's quick start, the README's whole file: connect a Synergy user with OAuth, build both clients and the
 * engine, run the manual sync controls once and then a cycle, print the report. It runs against Synergy and tiny+
 * fake servers on this machine (from sync-core-testkit); in production, leave the fake servers and every
 * {@code baseUrl} / {@code webAppUrl} out: the clients default to the production hosts.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the quick start.
   *
   * @param args none
   */
  public static void main(String[] args) {
    // For a first try: fake Synergy and tiny+ servers, with a client company in tiny+.
    SynergyFake synergyFake = SynergyFake.builder(Clock.systemUTC()).organisation("harbour-vale").build();
    TinyPlusFake tinyPlusFake = TinyPlusFake.builder(Clock.systemUTC()).build();
    tinyPlusFake.webApp().createCompany(CompanyCreate.builder().name("Manly Dental").build());
    try (SynergyHttpFakeServer synergyServer = SynergyHttpFakeServer.start(synergyFake);
        TinyPlusHttpFakeServer tinyPlusServer = TinyPlusHttpFakeServer.start(tinyPlusFake)) {

      // 1. Connect a Synergy user, once: your integration's key, secret and redirect URI come from Synergy.
      OAuthApplication application = OAuthApplication.of(synergyServer.applicationKey(),
          synergyServer.applicationSecret(), "https://example.com/synergy/callback");
      SynergyOAuth oauth = SynergyOAuth.builder()
          .application(application)
          .baseUrl(synergyServer.baseUrl())          // production: leave out (https://api.totalsynergy.com/api/v2)
          .webAppUrl(synergyServer.webAppUrl())      // production: leave out (https://app.totalsynergy.com)
          .build();
      String state = SynergyOAuth.newState();        // keep it in the user's session
      String authorizeUrl = oauth.authorizeUrl(state);   // send the user's browser there to sign in and approve
      // Synergy sends the browser back to your redirect URI with ?code=...&state=...; here the fake server plays
      // the user who approves
      String code = synergyServer.approve(application.redirectUri());
      String redirectState = state;                  // the redirect's state parameter
      SynergyOAuth.checkState(state, redirectState); // refuses a redirect this session did not start
      TokenStore tokens = TokenStore.inMemory(null); // yours: load() and save() the connection's tokens
      tokens.save(oauth.exchangeCode(code));

      // 2. The clients (closed when done: they free their threads and connections) and the engine.
      try (SynergyClient synergy = SynergyClient.builder()
              .baseUrl(synergyServer.baseUrl())      // production: leave out
              .organisation("harbour-vale")
              .oauth(application, tokens)            // refreshes and rotates the tokens through your TokenStore
              .build();
          TinyPlusClient tinyPlus = TinyPlusClient.builder()
              .baseUrl(tinyPlusServer.baseUrl())     // production: leave out (https://api.tiny.plus/v2)
              .tokenProvider(TokenProvider.of(tinyPlusServer.issueToken()))   // a tiny+ account admin's token
              .build()) {
        SyncEngine engine = SyncEngine.builder()
            .synergy(synergy)
            .tinyPlus(tinyPlus)
            .stateStore(InMemoryStateStore.create()) // yours: links, cursors, failures, the run lease
            .settings(SyncSettings.builder()
                .connectionId("harbour-vale")
                .synergyOrganisation("harbour-vale")
                .masterSwitch(true)
                .addEnabledTypes(RecordType.TEAM_MEMBER, RecordType.COMPANY, RecordType.CONTACT)
                .build())
            .build();

        // 3. Sync: the manual controls once, then a cycle every minute or so, on your scheduler.
        engine.syncOnce();                           // starts the cursors
        SyncReport download = engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
        System.out.println(download.toText());       // a few lines for people
        SyncReport upload = engine.uploadAll(RecordType.COMPANY, ProgressListener.none());
        System.out.println(upload.toText());
        SyncReport cycle = engine.syncOnce();
        System.out.println(cycle.summary());         // one line, for your log
      }
    }
  }
}
