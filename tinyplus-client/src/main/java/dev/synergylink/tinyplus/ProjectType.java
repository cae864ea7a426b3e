package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A project type of the account; names are unique, compared case-insensitively. */
@TinyPlusStyle
@Value.Immutable
public interface ProjectType {
  /**
   * The type id.
   *
   * @return the id
   */
  long id();

  /**
   * The type name.
   *
   * @return e.g. {@code Commercial}
   */
  String name();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableProjectType.Builder builder() {
    return ImmutableProjectType.builder();
  }
}
