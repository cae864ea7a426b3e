package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbnTest {
  @Test
  void acceptsValidAbnsWithOrWithoutSpaces() {
    assertThat(Abn.isValid("51 824 753 556")).isTrue();
    assertThat(Abn.isValid("51824753556")).isTrue();
    assertThat(Abn.isValid("53 004 085 616")).isTrue();
  }

  @Test
  void refusesBadChecksumsLengthsAndCharacters() {
    assertThat(Abn.isValid("51 824 753 557")).isFalse();
    assertThat(Abn.isValid("5182475355")).isFalse();
    assertThat(Abn.isValid("518247535560")).isFalse();
    assertThat(Abn.isValid("51-824-753-556")).isFalse();
    assertThat(Abn.isValid("")).isFalse();
  }
}
