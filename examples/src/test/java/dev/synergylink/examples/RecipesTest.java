package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Every recipe runs and does what it says. They print to System.out, so the tests capture it one at a time. */
@ResourceLock("System.out")
class RecipesTest {
  @Test
  void customFieldRuleComparesPhonesByDigits() throws Exception {
    String out = run(() -> CustomFieldRuleRecipe.main(new String[0]));
    assertThat(out).contains("1 linked to an existing record").doesNotContain("updated")
        .contains("tiny+ phone kept as typed: (02) 9000 1234");
  }

  @Test
  void customConflictPolicyGivesAbnsToSynergy() throws Exception {
    String out = run(() -> CustomConflictPolicyRecipe.main(new String[0]));
    assertThat(out).contains("conflict: company 'abn'", "conflict: company 'email'")
        .contains("tiny+ now: ABN 53004085648, email bookings@hunterhotels.com.au");
  }

  @Test
  void syncHealthShowsTheFailureAndTheLockedFields() throws Exception {
    String out = run(() -> SyncHealthRecipe.main(new String[0]));
    assertThat(out).contains("COMPANY      in sync 0, failing 1").contains("not a valid ABN")
        .contains("team member fields locked: [name, email, direct, mobile, title, external_url]");
  }

  @Test
  void embeddingRunsCyclesOnTheHostsScheduler() throws Exception {
    String out = run(() -> EmbeddingRecipe.main(new String[0]));
    assertThat(out).contains("audit: linked COMPANY").contains("three cycles ran")
        .contains("Synergy now has email sales@mudgeewines.com.au");
  }

  @Test
  void quickStartRuns() throws Exception {
    String out = run(() -> QuickStart.main(new String[0]));
    assertThat(out).contains("API calls: Synergy");
  }

  @Test
  void theReadmeQuickStartIsTheCompiledOne() throws IOException {
    String source = Files.readString(Path.of("src/main/java/dev/synergylink/examples/QuickStart.java"),
        StandardCharsets.UTF_8);
    String snippet = between(source, "    // [quick-start]\n").replaceAll("(?m)^    ", "");
    assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).as("the root README")
        .contains(snippet);
  }

  private static String between(String text, String marker) {
    int start = text.indexOf(marker) + marker.length();
    return text.substring(start, text.indexOf(marker, start));
  }

  private interface Body {
    void run() throws Exception;
  }

  private static String run(Body body) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      body.run();
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(out);
    return out;
  }
}
