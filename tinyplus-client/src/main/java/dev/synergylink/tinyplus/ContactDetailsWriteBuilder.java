package dev.synergylink.tinyplus;

/**
 * The {@link ContactDetails} members that company and contact writes share.
 *
 * @param <B> the concrete builder
 */
public abstract class ContactDetailsWriteBuilder<B extends ContactDetailsWriteBuilder<B>>
    extends WriteRequest.Builder<B> {
  ContactDetailsWriteBuilder() {}

  /**
   * {@code website}.
   *
   * @param website the website, or null to clear
   * @return this builder
   */
  public final B website(@Nullable String website) {
    return member("website", website);
  }

  /**
   * {@code mobile}.
   *
   * @param mobile the number, or null to clear
   * @return this builder
   */
  public final B mobile(@Nullable String mobile) {
    return member("mobile", mobile);
  }

  /**
   * {@code office_phone}.
   *
   * @param officePhone the number, or null to clear
   * @return this builder
   */
  public final B officePhone(@Nullable String officePhone) {
    return member("office_phone", officePhone);
  }

  /**
   * {@code twitter}.
   *
   * @param twitter the handle, or null to clear
   * @return this builder
   */
  public final B twitter(@Nullable String twitter) {
    return member("twitter", twitter);
  }
}
