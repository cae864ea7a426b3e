package dev.synergylink.synergy;

import org.immutables.value.Value;

/** A query over staff; unset filters do not filter. */
@SynergyStyle
@Value.Immutable
public interface StaffQuery extends SynergyQuery<StaffQuery> {
  /**
   * Whether inactive staff are listed too.
   *
   * @return {@code false} by default: only active staff
   */
  @Value.Default
  default boolean includeInactive() {
    return false;
  }

  @Override
  StaffQuery withPage(int page);

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableStaffQuery.Builder builder() {
    return ImmutableStaffQuery.builder();
  }
}
