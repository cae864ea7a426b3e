package dev.synergylink.tinyplus;

/**
 * A new contact for {@link TinyPlusContacts#create(ContactCreate)}; at least one of {@code first_name} and {@code last_name} is required.
 *
 * <pre>{@code
 * ContactCreate create = ContactCreate.builder().firstName("Zoë").lastName("Ng").remoteId("42").syncOrigin("synergy:7").build();
 * }</pre>
 */
public final class ContactCreate extends WriteRequest {
  private ContactCreate(Builder builder) {
    super(builder);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContactCreate}. Not thread-safe. */
  public static final class Builder extends ContactWriteBuilder<Builder> {
    private Builder() {}

    /**
     * The create request.
     *
     * @return the request
     * @throws IllegalStateException when neither a first nor a last name was set
     */
    public ContactCreate build() {
      if (!setsSomeName()) {
        throw new IllegalStateException("a contact needs firstName(...) or lastName(...) with visible text");
      }
      return new ContactCreate(this);
    }
  }
}
