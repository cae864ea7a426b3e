package dev.synergylink.tinyplus;

import java.util.EnumSet;
import java.util.Set;

/**
 * The members a company create or patch can set ({@code CompanyWrite} in the contract).
 *
 * @param <B> the concrete builder
 */
public abstract class CompanyWriteBuilder<B extends CompanyWriteBuilder<B>> extends ContactDetailsWriteBuilder<B> {
  private static final Set<RecordStatus> WRITABLE_STATUSES =
      EnumSet.of(RecordStatus.PROSPECT, RecordStatus.ACTIVE, RecordStatus.LATENT, RecordStatus.ARCHIVED);

  CompanyWriteBuilder() {}

  /**
   * {@code name}: 1 to 255 characters; cannot be cleared.
   *
   * @param name the company name
   * @return this builder
   */
  public final B name(String name) {
    return requiredMember("name", "name", Checks.notBlank(name, "name"));
  }

  /**
   * {@code physical_address}: replaces the whole address.
   *
   * @param physicalAddress the address, or null to clear (sent as an address whose parts are all null: the
   *     contract has no null address)
   * @return this builder
   */
  public final B physicalAddress(@Nullable Address physicalAddress) {
    return member("physical_address", physicalAddress == null ? Address.builder().build() : physicalAddress);
  }

  /**
   * {@code email}.
   *
   * @param email the email, or null to clear
   * @return this builder
   */
  public final B email(@Nullable String email) {
    return member("email", email);
  }

  /**
   * {@code abn}.
   *
   * @param abn the Australian Business Number, or null to clear
   * @return this builder
   */
  public final B abn(@Nullable String abn) {
    return member("abn", abn);
  }

  /**
   * {@code record_status}: prospect, active, latent or archived (deleting is {@link TinyPlusCompanies#delete(long)}).
   *
   * @param recordStatus the status
   * @return this builder
   */
  public final B recordStatus(RecordStatus recordStatus) {
    return requiredMember("record_status", "recordStatus", Checks.oneOf(recordStatus, WRITABLE_STATUSES, "recordStatus"));
  }
}
