package dev.synergylink.synergy;

/**
 * A request to create a contact of type Company (the default) or Individual. Members never set are not sent.
 * Immutable.
 *
 * <pre>{@code
 * ContactCreate request = ContactCreate.builder().name("Acme Pty Ltd").email("office@acme.example").build();
 * }</pre>
 */
public final class ContactCreate extends MemberRequest {
  private ContactCreate(Builder builder) {
    super(builder);
  }

  /**
   * A new builder; {@code name} is required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContactCreate}; not thread-safe. */
  public static final class Builder extends ContactMembers<Builder> {
    private Builder() {}

    /**
     * Sets the kind of contact; the server makes a Company when it is unset.
     *
     * @param contactType {@link ContactType#COMPANY} or {@link ContactType#INDIVIDUAL}
     * @return this builder
     */
    public Builder contactType(ContactType contactType) {
      if (contactType == ContactType.UNKNOWN) {
        throw new IllegalArgumentException("contactType must be COMPANY or INDIVIDUAL, was UNKNOWN");
      }
      return putRequired("contactType", contactType);
    }

    /**
     * The request.
     *
     * @return the request
     * @throws IllegalStateException when {@code name} is unset
     */
    public ContactCreate build() {
      require("name");
      return new ContactCreate(this);
    }
  }
}
