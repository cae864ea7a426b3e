package dev.synergylink.synergy;

/**
 * A partial update of a project: members never set are not sent and stay unchanged, members set to
 * {@code null} are cleared. Immutable.
 *
 * <pre>{@code
 * ProjectPatch patch = ProjectPatch.builder().name("Harbour House stage 2").managerId(null).build();
 * }</pre>
 */
public final class ProjectPatch extends MemberRequest {
  private ProjectPatch(Builder builder) {
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

  /** Builds a {@link ProjectPatch}; not thread-safe. */
  public static final class Builder extends ProjectMembers<Builder> {
    private Builder() {}

    /**
     * The request.
     *
     * @return the request, possibly empty
     */
    public ProjectPatch build() {
      return new ProjectPatch(this);
    }
  }
}
