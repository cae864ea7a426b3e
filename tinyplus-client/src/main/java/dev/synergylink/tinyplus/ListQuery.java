package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A query for the lists that only page: project phases and project types. */
@TinyPlusStyle
@Value.Immutable
public interface ListQuery extends PagedQuery<ListQuery> {
  /**
   * The first page of the largest size.
   *
   * @return a query with the defaults
   */
  static ListQuery firstPage() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableListQuery.Builder builder() {
    return ImmutableListQuery.builder();
  }
}
