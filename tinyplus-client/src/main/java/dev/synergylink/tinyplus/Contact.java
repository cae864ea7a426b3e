package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A tiny+ contact (a Synergy personnel record). */
@TinyPlusStyle
@Value.Immutable
public interface Contact extends SyncedRecord, ContactDetails {
  /**
   * {@code name}: first and last name joined by one space, trimmed (read only).
   *
   * @return the name
   */
  String name();

  /**
   * {@code first_name}.
   *
   * @return the first name, or null
   */
  @Nullable
  String firstName();

  /**
   * {@code last_name}.
   *
   * @return the last name, or null
   */
  @Nullable
  String lastName();

  /**
   * {@code role}.
   *
   * @return the role, or null
   */
  @Nullable
  String role();

  /**
   * {@code direct}: the direct telephone.
   *
   * @return the number, or null
   */
  @Nullable
  String direct();

  /**
   * {@code email_address}.
   *
   * @return the email, or null
   */
  @Nullable
  String emailAddress();

  /**
   * {@code primary_company}: the related company's id.
   *
   * @return the company id, or null
   */
  @Nullable
  Long primaryCompany();

  /**
   * {@code record_status}: active, archived or deleted.
   *
   * @return the status
   */
  RecordStatus recordStatus();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableContact.Builder builder() {
    return ImmutableContact.builder();
  }
}
