package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/**
 * A query for the {@code list} and {@code listAll} of {@link TinyPlusProjects}.
 *
 * <pre>{@code
 * ProjectQuery q = ProjectQuery.builder().modifiedAfter(since).sort(Sort.MODIFIED_DATE_ASC).build();
 * }</pre>
 */
@TinyPlusStyle
@Value.Immutable
public interface ProjectQuery extends RecordQuery<ProjectQuery> {
  /**
   * {@code record_status}: only records with this status; {@link RecordStatus#DELETED} lists the soft-deleted
   * records, which are left out otherwise.
   *
   * @return the status, or null
   */
  @Nullable
  RecordStatus recordStatus();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableProjectQuery.Builder builder() {
    return ImmutableProjectQuery.builder();
  }
}
