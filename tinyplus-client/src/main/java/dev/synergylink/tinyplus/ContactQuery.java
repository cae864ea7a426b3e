package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A query for the {@code list} and {@code listAll} of {@link TinyPlusContacts}. */
@TinyPlusStyle
@Value.Immutable
public interface ContactQuery extends RecordQuery<ContactQuery> {
  /**
   * {@code record_status}: only records with this status; {@link RecordStatus#DELETED} lists the soft-deleted
   * records, which are left out otherwise.
   *
   * @return the status, or null
   */
  @Nullable
  RecordStatus recordStatus();

  /**
   * {@code primary_company}: only the contacts of this company.
   *
   * @return the company id, or null
   */
  @Nullable
  Long primaryCompany();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableContactQuery.Builder builder() {
    return ImmutableContactQuery.builder();
  }
}
