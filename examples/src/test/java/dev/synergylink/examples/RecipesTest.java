package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    assertThat(out).contains("conflict: company Synergy 1001 / tiny+ 10001, field abn",
            "conflict: company Synergy 1001 / tiny+ 10001, field email")
        .contains("tiny+ now: ABN 53004085648, email bookings@hunterhotels.com.au");
  }

  @Test
  void syncHealthShowsTheFailureAndTheLockedFields() throws Exception {
    String out = run(() -> SyncHealthRecipe.main(new String[0]));
    assertThat(out).contains("companies     in sync 0, failing 1").contains("company tiny+ 10001, field abn:")
        .contains("not a valid ABN")
        .contains("team member fields locked: [name, email, direct, mobile, title, external_url]");
  }

  @Test
  void embeddingRunsCyclesOnTheHostsSchedulerAndASecondRunCarriesOnFromTheSavedState(@TempDir Path directory)
      throws Exception {
    String first = run(() -> EmbeddingRecipe.run(directory));
    String second = run(() -> EmbeddingRecipe.run(directory));

    assertThat(first).contains("audit: linked company Synergy 1001 / tiny+ 10001").contains("three cycles ran")
        .contains("Synergy now has email sales@mudgeewines.com.au");
    // the second run finds the link in the H2 file and the records in the fakes' saved data: nothing linked again
    assertThat(second).contains("carrying on from the last run").doesNotContain("audit: linked")
        .contains("three cycles ran").contains("Synergy now has email orders@mudgeewines.com.au");
  }

  @Test
  void quickStartConnectsSyncsAndPrintsItsReports() throws Exception {
    String out = run(() -> QuickStart.main(new String[0]));
    assertThat(out).contains("companies     tiny+ -> Synergy  1 created")
        .contains("Sync: nothing to write; API calls: Synergy");
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
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
