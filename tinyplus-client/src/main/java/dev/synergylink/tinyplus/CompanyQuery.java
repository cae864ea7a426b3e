package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/**
 * A query for the {@code list} and {@code listAll} of {@link TinyPlusCompanies}.
 *
 * <pre>{@code
 * CompanyQuery q = CompanyQuery.builder().modifiedAfter(since).sort(Sort.MODIFIED_DATE_ASC).build();
 * }</pre>
 */
@TinyPlusStyle
@Value.Immutable
public interface CompanyQuery extends RecordQuery<CompanyQuery> {
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
  static ImmutableCompanyQuery.Builder builder() {
    return ImmutableCompanyQuery.builder();
  }
}
