package dev.synergylink.sync.testkit.contract;

import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.synergylink.sync.testkit.ManualClock;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.SynergyHttpFakeServer;
import dev.synergylink.synergy.SynergyClient;
import java.time.Duration;

/** The Synergy contract through the real HTTP client against the HTTP fake server. */
class SynergyHttpContractTest extends SynergyContractTest {
  private SynergyHttpFakeServer server;
  private SynergyClient httpClient;

  @Override
  protected SynergyClient connect(SynergyFake fake, ManualClock clock) {
    server = SynergyHttpFakeServer.start(fake);
    httpClient = SynergyClient.builder()
        .baseUrl(server.baseUrl())
        .organisation(fake.organisation())
        .apiKey(server.apiKey())
        .clock(clock)
        // the fault tests want to see each answer: no client-side retries, no real-time throttle
        .retryPolicy(RetryPolicy.builder().withMaxRetries(0).build())
        .createRetryPolicy(RetryPolicy.builder().withMaxRetries(0).build())
        .rateLimiter(RateLimiter.burstyBuilder(10_000, Duration.ofSeconds(1)).build())
        .sleeper(duration -> { })
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
