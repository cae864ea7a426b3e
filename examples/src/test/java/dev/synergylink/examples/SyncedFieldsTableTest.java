package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's field tables are the engine's mappings: a changed mapping with an unchanged README fails here. */
class SyncedFieldsTableTest {
  @Test
  void theReadmeShowsTheFieldTablesTheCodeHas() throws IOException {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    assertThat(text).as("the root README's synced-fields section").contains(SyncedFieldsTable.START,
        SyncedFieldsTable.END);
    String section = text.substring(text.indexOf(SyncedFieldsTable.START),
        text.indexOf(SyncedFieldsTable.END) + SyncedFieldsTable.END.length()) + "\n";
    assertThat(section).as(readme + ": run SyncedFieldsTable and paste its output").isEqualTo(
        SyncedFieldsTable.markdown());
  }

  @Test
  void everyGuideRowIsInTheTable() {
    assertThat(SyncedFieldsTable.markdown())
        .contains("| `abn` | `abn` | `<>` | `abn` |")
        .contains("| `phone` | `phone` | `<>` | `office_phone` |")
        .contains("| `title` | `title` | `<>` | `role` |")
        .contains("| `jobTitle` | `jobTitle` | `>` | `title` |")
        .contains("| `externalUrl` | `(web link)` | `>` | `external_url` |")
        .contains("**Projects: Synergy projects <> tiny+ projects**", "| `projectNumber` | `projectNumber` | `>` |"
            + " `project_number` |");
  }
}
