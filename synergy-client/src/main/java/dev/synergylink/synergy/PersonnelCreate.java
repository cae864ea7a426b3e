package dev.synergylink.synergy;

/**
 * A request to create a personnel record under a Company contact. Members never set are not sent. Immutable.
 *
 * <pre>{@code
 * PersonnelCreate request = PersonnelCreate.builder()
 *     .parentContactId(42).firstName("Zoë").lastName("Ng").email("zoe@acme.example").build();
 * }</pre>
 */
public final class PersonnelCreate extends MemberRequest {
  private PersonnelCreate(Builder builder) {
    super(builder);
  }

  /**
   * A new builder; {@code parentContactId} and a first or last name are required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PersonnelCreate}; not thread-safe. */
  public static final class Builder extends PersonnelMembers<Builder> {
    private Builder() {}

    /**
     * The request.
     *
     * @return the request
     * @throws IllegalStateException when {@code parentContactId} is unset, or neither name is set to a value
     */
    public PersonnelCreate build() {
      require("parentContactId");
      if (isNull("firstName") && isNull("lastName")) {
        throw new IllegalStateException("firstName or lastName is required: set at least one before build()");
      }
      return new PersonnelCreate(this);
    }
  }
}
