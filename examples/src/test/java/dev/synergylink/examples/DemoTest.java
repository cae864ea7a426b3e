package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
  @TempDir
  Path directory;

  private int status;

  private String run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      status = new Demo(out, true, directory).run();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Two runs of about 25 s each: one test checks the first run, then that a second carries on from it. */
  @Test
  void theDemoRunsEndToEndBothSidesAgreeNoSecretIsPrintedAndASecondRunCarriesOn() {
    String first = run();
    assertThat(status).as("first run's exit status").isZero();
    theFirstRunTellsTheWholeStory(first);

    String second = run();

    assertThat(status).as("second run's exit status").isZero();
    assertThat(second).contains("Run 2 carries on from run 1", "nothing is downloaded again",
            "adds a new client, Clovelly Bowling Club", "BOTH SIDES AGREE")
        .doesNotContain("Download all", "Upload all", "Link team members", "DIFFERENT:", "is on one side only");
    // the active member's email was reported on the first day: the second day's check still knows why it differs
    assertThat(second).contains("field reported as not synced: team member Synergy 107 / tiny+ 7: email");
    // the first day's records were linked, not made again: the second day added only its own new clients
    assertThat(linkedPairs(second)).isEqualTo(linkedPairs(first) + 4);
  }

  private void theFirstRunTellsTheWholeStory(String output) {
    assertThat(output)
        .contains("BOTH SIDES AGREE")
        .contains("(same email)", "(same name)", "a ghost team member will be made")
        .contains("Active - Documentation   -> Documentation (active)",
            "Pending Invoice          -> Pending Invoice (active)", "tiny+ phase Enquiry is locked")
        .contains("Download all  companies    100%", "Upload all    contacts     100%")
        .contains("Download all  projects     100%", "Upload all    projects     100%")
        .contains("raises the Fee stage of project", "parks project", "types project number HV-TEMP-1")
        // parking a linked project in a locked phase shows in its cycle
        .contains("its changes go to Synergy when it moves to an unlocked status")
        .contains("stays in tiny+ while its status is locked: project tiny+ 30009 (proposed, phase Enquiry)")
        // sync health tells what the final check finds: the project left out, the email not synced
        .contains("excluded: project tiny+ 30009: its status is locked", "1 field not synced")
        .containsPattern("team members +12 in sync, 0 failing, 0 excluded, 0 orphaned, 1 field not synced")
        // the active member linked by name keeps its sign-in email: reported with the fix, and understood
        .contains("Linked 8 team members to their Synergy staff",
            "not synced: team member Synergy 107 / tiny+ 7, field email: tiny+ does not let the API change an"
                + " active team member's email",
            "field reported as not synced: team member Synergy 107 / tiny+ 7: email")
        .contains("updated (1 conflict settled), 1 failed", "conflict: company Synergy", "field email, changed on"
            + " both sides")
        .contains("failed: company Synergy", "field abn: Synergy refused it", "not a valid ABN")
        .contains("tiny+ now has 13 team members: 12 linked to Synergy staff, 1 only in tiny+; 5 are ghosts"
            + " (4 made just now, 1 made by hand in tiny+ before)")
        .doesNotContain("DIFFERENT:");
    // one naming of records everywhere: the type in words, the side as users see it
    assertThat(output).contains("skipped: contact tiny+ 20040", "excluded: contact tiny+ 20040",
            "left out by a rule: contact tiny+ 20040")
        .doesNotContain("TINYPLUS", "TEAM_MEMBER", "COMPANY", "CONTACT ", "PROJECT ", "field_not_synced");
    // no token, code, key or secret: the fake servers' are random hex, the application secret a fixed word
    // (the temporary directory's name is digits)
    assertThat(output.replace(directory.toAbsolutePath().toString(), "DIR")).doesNotContainPattern("[0-9a-fA-F]{16,}")
        .doesNotContain("fake-application-secret")
        .doesNotContainIgnoringCase("access_token")
        .doesNotContainIgnoringCase("refresh_token");
    // the last cycle comes after a quiet night: it writes nothing
    String lastCycle = output.substring(output.lastIndexOf("> Sync cycle"), output.indexOf("> Sync health"));
    assertThat(lastCycle).doesNotContainPattern("\\d+ created").doesNotContainPattern("\\d+ updated");
  }

  private static int linkedPairs(String output) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) linked pairs").matcher(output);
    assertThat(m.find()).as("the check's count of linked pairs").isTrue();
    return Integer.parseInt(m.group(1));
  }
}
