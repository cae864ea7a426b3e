package dev.synergylink.synergy;

import org.immutables.value.Value;

/** A query over contacts (Company and Individual); unset filters do not filter. */
@SynergyStyle
@Value.Immutable
public interface ContactQuery extends SynergyQuery<ContactQuery> {
  /**
   * Exact match on {@link Contact#externalReference()}.
   *
   * @return the reference, or {@code null} for no filter
   */
  @Nullable String externalReference();

  /**
   * Only contacts of this type.
   *
   * @return {@link ContactType#COMPANY} or {@link ContactType#INDIVIDUAL}, or {@code null} for both
   */
  @Nullable ContactType contactType();

  @Override
  ContactQuery withPage(int page);

  /** Rejects {@link ContactType#UNKNOWN}, which the server cannot filter on. */
  @Value.Check
  default void checkContactType() {
    if (contactType() == ContactType.UNKNOWN) {
      throw new IllegalArgumentException("contactType must be COMPANY, INDIVIDUAL or unset, was UNKNOWN");
    }
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableContactQuery.Builder builder() {
    return ImmutableContactQuery.builder();
  }
}
