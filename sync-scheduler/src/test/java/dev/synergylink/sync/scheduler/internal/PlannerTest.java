package dev.synergylink.sync.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.SyncReport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The next run after one that finished follows the engine's advice, within the interval and the longest wait. */
class PlannerTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private final Planner planner = new Planner(Duration.ofMinutes(1), Duration.ZERO, Duration.ofSeconds(30),
      Duration.ofMinutes(30), Duration.ofMinutes(15), bound -> 0);

  private Instant nextAfter(Instant advice) {
    SyncReport report = SyncReport.builder().operation(SyncReport.Operation.SYNC).startedAt(NOW.minusSeconds(5))
        .finishedAt(NOW).nextRunAdvisedAt(advice).build();
    return planner.after(ConnectionData.fresh(), report, NOW, "node-a").nextRunAt();
  }

  @Test
  void withNoAdviceOrAdviceWithinTheIntervalTheNextRunIsAfterTheInterval() {
    assertThat(nextAfter(null)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat(nextAfter(NOW.plusSeconds(10))).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
  }

  @Test
  void aLaterAdvisedRunIsFollowedUpToTheLongestWait() {
    assertThat(nextAfter(NOW.plus(Duration.ofMinutes(7)))).isEqualTo(NOW.plus(Duration.ofMinutes(7)));
    assertThat(nextAfter(NOW.plus(Duration.ofHours(6)))).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
  }
}
