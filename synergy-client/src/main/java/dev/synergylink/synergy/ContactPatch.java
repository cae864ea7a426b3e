package dev.synergylink.synergy;

/**
 * A partial update of a contact: members never set are not sent and stay unchanged, members set to
 * {@code null} are cleared. Immutable.
 *
 * <pre>{@code
 * ContactPatch patch = ContactPatch.builder().email("a@b.example").phone(null).build();
 * }</pre>
 */
public final class ContactPatch extends MemberRequest {
  private ContactPatch(Builder builder) {
    super(builder);
  }

  /**
   * A new builder with no member set.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContactPatch}; not thread-safe. */
  public static final class Builder extends ContactMembers<Builder> {
    private Builder() {}

    /**
     * The request.
     *
     * @return the request, possibly empty
     */
    public ContactPatch build() {
      return new ContactPatch(this);
    }
  }
}
