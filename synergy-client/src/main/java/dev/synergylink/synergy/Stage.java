package dev.synergylink.synergy;

import java.math.BigDecimal;
import org.immutables.value.Value;

/** A fee stage of a project; a project's total fee is the sum of its stages' fees. Read-only through the API. */
@SynergyStyle
@Value.Immutable
public interface Stage {
  /**
   * The stage's id.
   *
   * @return the id
   */
  long id();

  /**
   * The stage's name.
   *
   * @return the name, such as {@code "Fee"}
   */
  String name();

  /**
   * The stage's fee.
   *
   * @return the fee, two decimal places, not negative
   */
  BigDecimal fee();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableStage.Builder builder() {
    return ImmutableStage.builder();
  }
}
