package dev.synergylink.synergy;

/**
 * The members that both {@link PersonnelCreate} and {@link PersonnelPatch} can set. Code that fills either request
 * from the same values can take this type instead of repeating itself for each builder; only those two builders
 * extend it.
 *
 * <pre>{@code
 * static <B extends PersonnelMembers<B>> B details(B builder, String email) {
 *   return builder.email(email).phone(null);
 * }
 * PersonnelCreate create =
 *     details(PersonnelCreate.builder().parentContactId(42).firstName("Zoë"), "zoe@acme.example").build();
 * PersonnelPatch patch = details(PersonnelPatch.builder(), "zoe@acme.example").build();
 * }</pre>
 *
 * @param <B> the concrete builder
 */
public abstract class PersonnelMembers<B extends PersonnelMembers<B>> extends MemberRequest.Builder<B> {
  PersonnelMembers() {}

  /**
   * Sets the Company contact the person belongs to.
   *
   * @param parentContactId the id of a Company {@link Contact}
   * @return this builder
   */
  public B parentContactId(long parentContactId) {
    return put("parentContactId", parentContactId);
  }

  /**
   * Sets or clears the first name.
   *
   * @param firstName the name, or {@code null} to clear
   * @return this builder
   */
  public B firstName(@Nullable String firstName) {
    return put("firstName", firstName);
  }

  /**
   * Sets or clears the last name.
   *
   * @param lastName the name, or {@code null} to clear
   * @return this builder
   */
  public B lastName(@Nullable String lastName) {
    return put("lastName", lastName);
  }

  /**
   * Sets or clears the job title or role.
   *
   * @param title the title, or {@code null} to clear
   * @return this builder
   */
  public B title(@Nullable String title) {
    return put("title", title);
  }

  /**
   * Sets or clears the direct line.
   *
   * @param phone the number, or {@code null} to clear
   * @return this builder
   */
  public B phone(@Nullable String phone) {
    return put("phone", phone);
  }

  /**
   * Sets or clears the email address.
   *
   * @param email the address, or {@code null} to clear
   * @return this builder
   */
  public B email(@Nullable String email) {
    return put("email", email);
  }

  /**
   * Sets or clears the website.
   *
   * @param website the website, or {@code null} to clear
   * @return this builder
   */
  public B website(@Nullable String website) {
    return put("website", website);
  }

  /**
   * Sets or clears the mobile number.
   *
   * @param mobile the number, or {@code null} to clear
   * @return this builder
   */
  public B mobile(@Nullable String mobile) {
    return put("mobile", mobile);
  }

  /**
   * Sets or clears the office phone number.
   *
   * @param officePhone the number, or {@code null} to clear
   * @return this builder
   */
  public B officePhone(@Nullable String officePhone) {
    return put("officePhone", officePhone);
  }

  /**
   * Sets or clears the Twitter handle.
   *
   * @param twitter the handle, or {@code null} to clear
   * @return this builder
   */
  public B twitter(@Nullable String twitter) {
    return put("twitter", twitter);
  }

  /**
   * Sets or clears the integration's reference.
   *
   * @param externalReference up to 100 characters, or {@code null} to clear
   * @return this builder
   */
  public B externalReference(@Nullable String externalReference) {
    return put("externalReference", externalReference);
  }
}
