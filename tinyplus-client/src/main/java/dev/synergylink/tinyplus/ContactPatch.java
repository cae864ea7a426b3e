package dev.synergylink.tinyplus;

/**
 * A partial update for {@link TinyPlusContacts#patch(long, ContactPatch)}: members never set are left unchanged,
 * members set to null are cleared.
 *
 * <pre>{@code
 * ContactPatch patch = ContactPatch.builder().mobile(null).role("Director").build();
 * }</pre>
 */
public final class ContactPatch extends WriteRequest {
  private ContactPatch(Builder builder) {
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

  /** Builds a {@link ContactPatch}. Not thread-safe. */
  public static final class Builder extends ContactWriteBuilder<Builder> {
    private Builder() {}

    /**
     * The patch request (it may be empty: the server still bumps {@code modified_date}).
     *
     * @return the request
     */
    public ContactPatch build() {
      return new ContactPatch(this);
    }
  }
}
