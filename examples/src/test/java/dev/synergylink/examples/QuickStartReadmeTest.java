package dev.synergylink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start is one whole file a user copies: it must be {@code QuickStart.java} exactly, which the
 * build compiles and {@link RecipesTest} runs.
 */
class QuickStartReadmeTest {
  static final String MARKER = "<!-- quick-start: examples/src/main/java/dev/synergylink/examples/QuickStart.java -->";

  @Test
  void theReadmeShowsTheWholeQuickStartFileAsCompiled() throws IOException {
    String source = Files.readString(Path.of("src/main/java/dev/synergylink/examples/QuickStart.java"),
        StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertThat(readme).as("the root README names the quick start file").contains(MARKER);

    String afterMarker = readme.substring(readme.indexOf(MARKER) + MARKER.length());
    String open = "```java\n";
    assertThat(afterMarker.strip()).as("a java block right after the marker").startsWith(open.strip());
    int start = afterMarker.indexOf(open) + open.length();
    String shown = afterMarker.substring(start, afterMarker.indexOf("```\n", start));

    assertThat(shown).as("README.md's quick start: paste QuickStart.java there whole").isEqualTo(source);
  }
}
