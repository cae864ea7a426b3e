package dev.synergylink.tinyplus;

import java.util.EnumSet;
import java.util.Set;

/**
 * The members a contact create or patch can set ({@code ContactWrite} in the contract). The read-only
 * {@code name} follows from {@code first_name} and {@code last_name}; at least one of them must be non-empty
 * after the write.
 *
 * @param <B> the concrete builder
 */
public abstract class ContactWriteBuilder<B extends ContactWriteBuilder<B>> extends ContactDetailsWriteBuilder<B> {
  private static final Set<RecordStatus> WRITABLE_STATUSES = EnumSet.of(RecordStatus.ACTIVE, RecordStatus.ARCHIVED);

  ContactWriteBuilder() {}

  /**
   * {@code first_name}.
   *
   * @param firstName the first name, or null to clear
   * @return this builder
   */
  public final B firstName(@Nullable String firstName) {
    return member("first_name", firstName);
  }

  /**
   * {@code last_name}.
   *
   * @param lastName the last name, or null to clear
   * @return this builder
   */
  public final B lastName(@Nullable String lastName) {
    return member("last_name", lastName);
  }

  /**
   * {@code role}.
   *
   * @param role the role, or null to clear
   * @return this builder
   */
  public final B role(@Nullable String role) {
    return member("role", role);
  }

  /**
   * {@code direct}: the direct telephone.
   *
   * @param direct the number, or null to clear
   * @return this builder
   */
  public final B direct(@Nullable String direct) {
    return member("direct", direct);
  }

  /**
   * {@code email_address}.
   *
   * @param emailAddress the email, or null to clear
   * @return this builder
   */
  public final B emailAddress(@Nullable String emailAddress) {
    return member("email_address", emailAddress);
  }

  /**
   * {@code primary_company}: the related company.
   *
   * @param primaryCompany the company id, or null to clear
   * @return this builder
   */
  public final B primaryCompany(@Nullable Long primaryCompany) {
    return member("primary_company", primaryCompany);
  }

  /**
   * {@code record_status}: active or archived (deleting is {@link TinyPlusContacts#delete(long)}).
   *
   * @param recordStatus the status
   * @return this builder
   */
  public final B recordStatus(RecordStatus recordStatus) {
    return requiredMember("record_status", "recordStatus", Checks.oneOf(recordStatus, WRITABLE_STATUSES, "recordStatus"));
  }

  /** Whether the name parts set here leave a visible name; unset parts are not known here. */
  final boolean setsSomeName() {
    return isVisible(value("first_name")) || isVisible(value("last_name"));
  }

  private static boolean isVisible(Object part) {
    return part instanceof String && !((String) part).isBlank();
  }
}
