package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's field tables are the engine's mappings: a changed mapping with an unchanged README fails here. */
class SyncedFieldsTableTest {
  @Test
  void theReadmeShowsTheFieldTablesTheCodeHas() throws IOException {
    List<Path> readmes = new ArrayList<>();
    for (Path candidate : List.of(Path.of("README-draft.md"), Path.of("..", "README.md"))) {
      if (Files.exists(candidate)
          && Files.readString(candidate, StandardCharsets.UTF_8).contains(SyncedFieldsTable.START)) {
        readmes.add(candidate);
      }
    }
    assertThat(readmes).as("a README with the synced-fields section").isNotEmpty();
    for (Path readme : readmes) {
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      String section = text.substring(text.indexOf(SyncedFieldsTable.START),
          text.indexOf(SyncedFieldsTable.END) + SyncedFieldsTable.END.length()) + "\n";
      assertThat(section).as(readme + ": run SyncedFieldsTable and paste its output").isEqualTo(
          SyncedFieldsTable.markdown());
    }
  }

  @Test
  void everyGuideRowIsInTheTable() {
    assertThat(SyncedFieldsTable.markdown())
        .contains("| `abn` | `abn` | `<>` | `abn` |")
        .contains("| `phone` | `phone` | `<>` | `office_phone` |")
        .contains("| `title` | `title` | `<>` | `role` |")
        .contains("| `jobTitle` | `jobTitle` | `>` | `title` |")
        .contains("| `externalUrl` | `(web link)` | `>` | `external_url` |");
  }
}
