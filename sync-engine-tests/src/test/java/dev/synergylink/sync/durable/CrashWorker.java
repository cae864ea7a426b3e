package dev.synergylink.sync.durable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncEngine;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.jdbc.JdbcStateStore;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.synergy.OAuthApplication;
import dev.synergylink.synergy.OAuthTokens;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyOAuth;
import dev.synergylink.synergy.TokenStore;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A worker in a JVM of its own, for {@link WorkerCrashTest} to kill with {@code kill -9}: it connects to the HTTP fake
 * servers and the PostgreSQL state store named on its standard input (credentials never go on a command line) and
 * runs Download all of companies, or sync cycles until it is killed. {@link TransferMemoryTest} runs its Download all
 * in a small heap.
 */
public final class CrashWorker {
  private CrashWorker() {}

  /** What a worker needs, one value a line on its standard input, in this order. */
  record Connection(String synergyUrl, String webAppUrl, String applicationKey, String applicationSecret,
      String redirectUri, String code, String tinyPlusUrl, String tinyPlusToken, String jdbcUrl, String jdbcUser,
      String jdbcPassword) {

    String lines() {
      return String.join("\n", synergyUrl, webAppUrl, applicationKey, applicationSecret, redirectUri, code,
          tinyPlusUrl, tinyPlusToken, jdbcUrl, jdbcUser, jdbcPassword) + "\n";
    }

    static Connection read(BufferedReader in) throws IOException {
      String[] v = new String[11];
      for (int i = 0; i < v.length; i++) {
        v[i] = in.readLine();
      }
      return new Connection(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
  }

  /**
   * Runs the worker.
   *
   * @param args {@code download} or {@code cycles}
   * @throws IOException when standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    Connection connection = Connection.read(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    SyncEngine engine = engine(connection, Clock.systemUTC());
    System.out.println("started");
    if (args[0].equals("download")) {
      engine.downloadAll(RecordType.COMPANY, ProgressListener.none());
      System.out.println("finished");
    } else {
      for (int cycle = 0; cycle < 1_000_000; cycle++) {
        engine.syncOnce();
      }
    }
  }

  /**
   * An engine for companies on the fake servers and the PostgreSQL store.
   *
   * @param connection where everything is
   * @param clock the engine's clock
   * @return the engine
   */
  static SyncEngine engine(Connection connection, Clock clock) {
    OAuthApplication application = OAuthApplication.of(connection.applicationKey(), connection.applicationSecret(),
        connection.redirectUri());
    OAuthTokens tokens = SynergyOAuth.builder().application(application).baseUrl(connection.synergyUrl())
        .webAppUrl(connection.webAppUrl()).build().exchangeCode(connection.code());
    SynergyClient synergy = SynergyClient.builder().baseUrl(connection.synergyUrl()).organisation("crash-test")
        .oauth(application, TokenStore.inMemory(tokens)).build();
    TinyPlusClient tinyPlus = TinyPlusClient.builder().baseUrl(connection.tinyPlusUrl())
        .tokenProvider(TokenProvider.of(connection.tinyPlusToken()))
        // the fake server of this test enforces no limit; the contract's 300 a minute would only slow it down
        .requestsPerMinute(60_000)
        .build();
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(connection.jdbcUrl());
    pool.setUsername(connection.jdbcUser());
    pool.setPassword(connection.jdbcPassword());
    pool.setMaximumPoolSize(2);
    HikariDataSource dataSource = new HikariDataSource(pool);
    return SyncEngine.builder()
        .synergy(synergy)
        .tinyPlus(tinyPlus)
        .stateStore(JdbcStateStore.builder().dataSource(dataSource).schema("crash").build())
        .clock(clock)
        .settings(SyncSettings.builder()
            .connectionId("crash-test")
            .synergyOrganisation("crash-test")
            .masterSwitch(true)
            .addEnabledTypes(RecordType.COMPANY)
            .build())
        .build();
  }
}
