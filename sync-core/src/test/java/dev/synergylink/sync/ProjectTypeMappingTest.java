package dev.synergylink.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectTypeMappingTest {

  @Test
  void byDefaultEveryTypeMapsToTheTypeOfTheSameName() {
    ProjectTypeMapping mapping = ProjectTypeMapping.sameName();

    assertThat(mapping.tinyPlusType(" Commercial ")).isEqualTo("Commercial");
    assertThat(mapping.synergyType("education")).isEqualTo("education");
  }

  @Test
  void namedPairsWinInBothDirectionsWhateverTheCase() {
    ProjectTypeMapping mapping = ProjectTypeMapping.builder().map("Edu", "Education").build();

    assertThat(mapping.tinyPlusType("EDU")).isEqualTo("Education");
    assertThat(mapping.synergyType("education")).isEqualTo("Edu");
    assertThat(mapping.tinyPlusType("Retail")).isEqualTo("Retail");
  }

  @Test
  void withoutSameNamesOnlyThePairsMap() {
    ProjectTypeMapping mapping = ProjectTypeMapping.builder().map("Edu", "Education").sameNameByDefault(false)
        .build();

    assertThat(mapping.tinyPlusType("Retail")).isNull();
    assertThat(mapping.synergyType("Retail")).isNull();
    assertThat(mapping.synergyType("Education")).isEqualTo("Edu");
  }

  @Test
  void aBlankNameIsRefused() {
    assertThatThrownBy(() -> ProjectTypeMapping.builder().map("Edu", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void equalMappingsAreEqual() {
    assertThat(ProjectTypeMapping.builder().map("A", "B").build())
        .isEqualTo(ProjectTypeMapping.builder().map("a", "B").build())
        .isNotEqualTo(ProjectTypeMapping.sameName());
  }
}
