package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void theDemoRunsEndToEndBothSidesAgreeAndNoSecretIsPrinted() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      status = new Demo(out, true).run();
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(status).as("exit status").isZero();
    assertThat(output)
        .contains("BOTH SIDES AGREE")
        .contains("(same email)", "(same name)", "a ghost team member will be made")
        .contains("Active - Documentation   -> Documentation (active)",
            "Pending Invoice          -> Pending Invoice (active)", "tiny+ phase Enquiry is locked")
        .contains("Download all  companies    100%", "Upload all    contacts     100%")
        .contains("Download all  projects     100%", "Upload all    projects     100%")
        .contains("raises the Fee stage of project", "parks project", "types project number HV-TEMP-1")
        .contains("stays in tiny+ while its status is locked: project tiny+ 30009 (proposed, phase Enquiry)")
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
    assertThat(output).doesNotContainPattern("[0-9a-fA-F]{16,}")
        .doesNotContain("fake-application-secret")
        .doesNotContainIgnoringCase("access_token")
        .doesNotContainIgnoringCase("refresh_token");
    // the last cycle comes after a quiet night: it writes nothing
    String lastCycle = output.substring(output.lastIndexOf("> Sync cycle"), output.indexOf("> Sync health"));
    assertThat(lastCycle).doesNotContain("created").doesNotContain("updated");
  }
}
