package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A tiny+ company (a Synergy contact). */
@TinyPlusStyle
@Value.Immutable
public interface Company extends SyncedRecord, ContactDetails {
  /**
   * The company name.
   *
   * @return the name
   */
  String name();

  /**
   * {@code physical_address}.
   *
   * @return the address, or null
   */
  @Nullable
  Address physicalAddress();

  /**
   * {@code email}.
   *
   * @return the email, or null
   */
  @Nullable
  String email();

  /**
   * {@code abn}: the Australian Business Number.
   *
   * @return the ABN, or null
   */
  @Nullable
  String abn();

  /**
   * {@code record_status}: prospect, active, latent, archived or deleted.
   *
   * @return the status
   */
  RecordStatus recordStatus();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableCompany.Builder builder() {
    return ImmutableCompany.builder();
  }
}
