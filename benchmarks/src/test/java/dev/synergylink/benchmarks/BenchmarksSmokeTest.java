package dev.synergylink.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark command's tables at a tiny size, so that {@code mvn verify} keeps them working (it never runs JMH).
 */
class BenchmarksSmokeTest {
  @Test
  void theTablesRunOnATinyWorldAndAnIdleCycleCostsOneListCallPerTypeAndSide() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);

    new CallsComparison(out).run(40, 10);
    EngineTime time = new EngineTime(out, 1, 1, 2);
    time.heading();
    time.row("idle cycle", 40, time.idle(40));
    time.row("1%-churn cycle", 40, time.churn(40));

    String printed = text.toString(StandardCharsets.UTF_8);
    assertThat(printed).containsPattern("idle cycle +8 +\\d+");
    assertThat(printed).contains("1%-churn cycle", "Download all, per record (company, 10)",
        "Upload all, per record (project, 10)", "engine own");
  }
}
