package dev.synergylink.sync.testkit.contract;

import dev.failsafe.RetryPolicy;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.TinyPlusFake;
import dev.synergylink.sync.testkit.TinyPlusHttpFakeServer;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TokenProvider;

/** The tiny+ contract through the real HTTP client against the HTTP fake server. */
class TinyPlusHttpContractTest extends TinyPlusContractTest {
  private TinyPlusHttpFakeServer server;
  private TinyPlusClient httpClient;

  @Override
  protected TinyPlusClient connect(TinyPlusFake fake, ManualClock clock) {
    server = TinyPlusHttpFakeServer.start(fake);
    httpClient = TinyPlusClient.builder()
        .baseUrl(server.baseUrl())
        .tokenProvider(TokenProvider.of(server.token()))
        .clock(clock)
        // the fault tests want to see each answer: no client-side retries
        .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build())
        .build();
    return httpClient;
  }

  @Override
  protected void disconnect() {
    if (httpClient != null) {
      httpClient.close();
      httpClient = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
