package dev.synergylink.tinyplus;

/**
 * A new ghost team member for {@link TinyPlusTeamMembers#createGhost(TeamMemberCreate)}; {@code name} is required.
 * The API creates only ghost members (active ones are invited from the tiny+ app), so this request always carries
 * {@code record_status: ghost} and has no status setter.
 *
 * <pre>{@code
 * TeamMemberCreate ghost = TeamMemberCreate.builder().name("Kim Lee").email("kim@example.com").build();
 * }</pre>
 */
public final class TeamMemberCreate extends WriteRequest {
  private TeamMemberCreate(Builder builder) {
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

  /** Builds a {@link TeamMemberCreate}. Not thread-safe. */
  public static final class Builder extends TeamMemberWriteBuilder<Builder> {
    private Builder() {}

    /**
     * The create request, with {@code record_status: ghost} as its last member.
     *
     * @return the request
     * @throws IllegalStateException when {@code name} was not set
     */
    public TeamMemberCreate build() {
      Checks.required(this, "name", "name", "team member");
      member("record_status", TeamMemberStatus.GHOST);
      return new TeamMemberCreate(this);
    }
  }
}
