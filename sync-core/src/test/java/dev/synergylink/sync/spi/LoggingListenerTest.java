package dev.synergylink.sync.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.ResolvedConflict;
import dev.synergylink.sync.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The opt-in logging listener keeps personal data out of INFO. */
class LoggingListenerTest {
  @Test
  void aConflictIsLoggedAtInfoWithItsFieldButWithoutItsValues() {
    // Given the listener's logger at INFO (this test's own level: the build's tests log warnings only)
    System.setProperty("org.slf4j.simpleLogger.log.dev.synergylink.sync", "info");
    SyncListener listener = SyncListener.logging();
    Instant at = Instant.parse("2026-12-01T00:00:00Z");
    ResolvedConflict conflict = ResolvedConflict.builder()
        .conflict(FieldConflict.builder().recordType(RecordType.COMPANY).field("email").direction(Direction.BOTH)
            .synergyId(1015).tinyPlusId(10002).base("info@botany.example").synergyValue("accounts@botany.example")
            .tinyPlusValue("projects@botany.example").synergyModified(at).tinyPlusModified(at).build())
        .winner(Side.TINYPLUS)
        .build();

    // When a conflict is told to it
    String logged = captured(() -> listener.onConflict(conflict));

    // Then the INFO line names the field and the winner, and no value
    assertThat(logged).contains("COMPANY conflict on email (Synergy 1015, tiny+ 10002): TINYPLUS wins");
    assertThat(logged).doesNotContain("@botany.example");
  }

  private static String captured(Runnable work) {
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(err);
      System.clearProperty("org.slf4j.simpleLogger.log.dev.synergylink.sync");
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
