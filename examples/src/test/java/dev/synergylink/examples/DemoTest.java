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
    System.out.println(output);

    assertThat(status).as("exit status").isZero();
    assertThat(output)
        .contains("BOTH SIDES AGREE")
        .contains("(same email)", "(same name)", "a ghost team member will be made")
        .contains("Active - Documentation   -> Documentation (active)",
            "Pending Invoice          -> Pending Invoice (active)", "tiny+ phase Enquiry is locked")
        .contains("Download all  companies    100%", "Upload all    contacts     100%")
        .contains("Download all  projects     100%", "Upload all    projects     100%")
        .contains("raises the Fee stage of project", "parks project", "types project number HV-TEMP-1")
        .contains("excluded by a rule: PROJECT tiny+", "in a locked status")
        // the active member linked by name keeps its sign-in email: reported with the fix, and understood
        .contains("field_not_synced: team member", "reported as not synced: TEAM_MEMBER",
            "tiny+ does not let the API change an active team member's email")
        .contains("conflict: company 'email'")
        .contains("failed: company", "not a valid ABN")
        .contains("tiny+ now has 13 team members, 5 of them ghosts")
        .doesNotContain("DIFFERENT:");
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
