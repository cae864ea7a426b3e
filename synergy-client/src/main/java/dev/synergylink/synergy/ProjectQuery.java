package dev.synergylink.synergy;

import org.immutables.value.Value;

/**
 * A query over projects; unset filters do not filter.
 *
 * <pre>{@code
 * ProjectQuery query = ProjectQuery.builder()
 *     .modifiedSince(cursor).includeInactive(true).orderBy(OrderBy.MODIFIED_DATE).build();
 * }</pre>
 */
@SynergyStyle
@Value.Immutable
public interface ProjectQuery extends SynergyQuery<ProjectQuery> {
  /**
   * Exact match on {@link Project#externalReference()}.
   *
   * @return the reference, or {@code null} for no filter
   */
  @Nullable String externalReference();

  /**
   * Whether completed and unsuccessful projects are listed too.
   *
   * @return {@code false} by default: only active projects
   */
  @Value.Default
  default boolean includeInactive() {
    return false;
  }

  /**
   * Exact match on {@link Project#projectNumber()}.
   *
   * @return the number, or {@code null} for no filter
   */
  @Nullable String projectNumber();

  @Override
  ProjectQuery withPage(int page);

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableProjectQuery.Builder builder() {
    return ImmutableProjectQuery.builder();
  }
}
