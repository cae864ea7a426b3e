package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A phase of the account's project pipeline; each belongs to one of the six fixed states. */
@TinyPlusStyle
@Value.Immutable
public interface ProjectPhase {
  /**
   * The phase id.
   *
   * @return the id
   */
  long id();

  /**
   * The phase name.
   *
   * @return e.g. {@code Concept Design}
   */
  String name();

  /**
   * The state the phase belongs to.
   *
   * @return the state
   */
  ProjectState state();

  /**
   * {@code sort_order}: the phase's position in the pipeline.
   *
   * @return the position, or null
   */
  @Nullable
  Integer sortOrder();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableProjectPhase.Builder builder() {
    return ImmutableProjectPhase.builder();
  }
}
