package dev.synergylink.synergy;

import org.immutables.value.Value;

/** A query over personnel across the organisation; unset filters do not filter. */
@SynergyStyle
@Value.Immutable
public interface PersonnelQuery extends SynergyQuery<PersonnelQuery> {
  /**
   * Exact match on {@link Personnel#externalReference()}.
   *
   * @return the reference, or {@code null} for no filter
   */
  @Nullable String externalReference();

  /**
   * Only the personnel of this Company contact.
   *
   * @return the contact id, or {@code null} for all
   */
  @Nullable Long parentContactId();

  @Override
  PersonnelQuery withPage(int page);

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutablePersonnelQuery.Builder builder() {
    return ImmutablePersonnelQuery.builder();
  }
}
