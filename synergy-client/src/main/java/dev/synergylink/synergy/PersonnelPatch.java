package dev.synergylink.synergy;

/**
 * A partial update of a personnel record: members never set are not sent and stay unchanged, members set to
 * {@code null} are cleared. Immutable.
 *
 * <pre>{@code
 * PersonnelPatch patch = PersonnelPatch.builder().title("Director").mobile(null).build();
 * }</pre>
 */
public final class PersonnelPatch extends MemberRequest {
  private PersonnelPatch(Builder builder) {
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

  /** Builds a {@link PersonnelPatch}; not thread-safe. */
  public static final class Builder extends PersonnelMembers<Builder> {
    private Builder() {}

    /**
     * The request.
     *
     * @return the request, possibly empty
     */
    public PersonnelPatch build() {
      return new PersonnelPatch(this);
    }
  }
}
