package dev.synergylink.tinyplus;

/** The ways to reach a company or a contact that both share. */
public interface ContactDetails {
  /**
   * {@code website}.
   *
   * @return the website, or null
   */
  @Nullable
  String website();

  /**
   * {@code mobile}.
   *
   * @return the mobile number, or null
   */
  @Nullable
  String mobile();

  /**
   * {@code office_phone}.
   *
   * @return the phone number, or null
   */
  @Nullable
  String officePhone();

  /**
   * {@code twitter}.
   *
   * @return the handle, or null
   */
  @Nullable
  String twitter();
}
