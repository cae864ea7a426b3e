package dev.synergylink.synergy;

/**
 * The members that both {@link ContactCreate} and {@link ContactPatch} can set. Code that fills either request from the
 * same values can take this type instead of repeating itself for each builder; only those two builders extend it.
 *
 * <pre>{@code
 * static <B extends ContactMembers<B>> B details(B builder, String email) {
 *   return builder.email(email).phone(null);
 * }
 * ContactCreate create = details(ContactCreate.builder().name("Acme"), "a@acme.example").build();
 * ContactPatch patch = details(ContactPatch.builder(), "a@acme.example").build();
 * }</pre>
 *
 * @param <B> the concrete builder
 */
public abstract class ContactMembers<B extends ContactMembers<B>> extends MemberRequest.Builder<B> {
  ContactMembers() {}

  /**
   * Sets the contact's name.
   *
   * @param name 1 to 200 characters; not {@code null}
   * @return this builder
   */
  public B name(String name) {
    return putRequired("name", name);
  }

  /**
   * Replaces or clears the office address; the address is sent whole.
   *
   * @param officeAddress the new address, or {@code null} to clear (sent as an address whose parts are all null:
   *     the contract has no null address)
   * @return this builder
   */
  public B officeAddress(@Nullable Address officeAddress) {
    return put("officeAddress", officeAddress == null ? Address.builder().build() : officeAddress);
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
   * Sets or clears the Australian Business Number; the server checks its checksum.
   *
   * @param abn 11 digits, spaces allowed, or {@code null} to clear
   * @return this builder
   */
  public B abn(@Nullable String abn) {
    return put("abn", abn);
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
   * Sets or clears the phone number.
   *
   * @param phone the number, or {@code null} to clear
   * @return this builder
   */
  public B phone(@Nullable String phone) {
    return put("phone", phone);
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
