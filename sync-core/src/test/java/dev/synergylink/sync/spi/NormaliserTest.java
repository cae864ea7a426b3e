package dev.synergylink.sync.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliserTest {
  @Test
  void textTrimsCollapsesAndTreatsBlankAsNone() {
    assertThat(Normaliser.text().normalise("  Acme \t Pty  Ltd ")).isEqualTo("Acme Pty Ltd");
    assertThat(Normaliser.text().normalise("   ")).isNull();
    assertThat(Normaliser.text().normalise(null)).isNull();
    assertThat(Normaliser.text().normalise("Acme Pty Ltd")).isEqualTo("Acme Pty Ltd");
    assertThat(Normaliser.text().normalise("\tA\n\nb ")).isEqualTo("A b");
    assertThat(Normaliser.text().normalise("a ")).isEqualTo("a");
  }

  @Test
  void emailsAndAddressesCompareWithoutCase() {
    assertThat(Normaliser.caseInsensitive().normalise(" Ada@Firm.Example ")).isEqualTo("ada@firm.example");
  }

  @Test
  void abnsCompareByDigits() {
    assertThat(Normaliser.digits().normalise("51 824 753 556")).isEqualTo("51824753556");
    assertThat(Normaliser.digits().normalise("n/a")).isEqualTo("n/a");
  }

  @Test
  void decimalsCompareAtAScale() {
    assertThat(Normaliser.decimal(2).normalise("12.5")).isEqualTo(Normaliser.decimal(2).normalise("12.50"));
    assertThat(Normaliser.decimal(2).normalise("12.5")).isEqualTo("12.50");
  }

  @Test
  void multilineKeepsLineBreaks() {
    assertThat(Normaliser.multiline().normalise(" Level 2 \r\n  1  George St ")).isEqualTo("Level 2\n1 George St");
  }
}
