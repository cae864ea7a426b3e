package dev.synergylink.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The admin page is a reference for hosts: it uses only what a host may use, never an SDK {@code internal} package. */
class PublicApiOnlyTest {
  @Test
  void theAdminPageImportsNoInternalPackage() throws IOException {
    List<String> imports;
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      imports = files.filter(f -> f.toString().endsWith(".java")).flatMap(PublicApiOnlyTest::lines)
          .filter(line -> line.startsWith("import ") && line.contains("dev.synergylink.")).toList();
    }

    assertThat(imports).isNotEmpty().noneMatch(line -> line.contains(".internal"));
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
