package dev.synergylink.tinyplus;

import java.util.EnumSet;
import java.util.Set;

/**
 * A partial update for {@link TinyPlusTeamMembers#patch(long, TeamMemberPatch)}: members never set are left
 * unchanged, members set to null are cleared.
 *
 * <pre>{@code
 * TeamMemberPatch patch = TeamMemberPatch.builder().title("Associate").mobile(null).build();
 * }</pre>
 */
public final class TeamMemberPatch extends WriteRequest {
  private TeamMemberPatch(Builder builder) {
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

  /** Builds a {@link TeamMemberPatch}. Not thread-safe. */
  public static final class Builder extends TeamMemberWriteBuilder<Builder> {
    private static final Set<TeamMemberStatus> WRITABLE_STATUSES =
        EnumSet.of(TeamMemberStatus.GHOST, TeamMemberStatus.DEACTIVATED);

    private Builder() {}

    /**
     * {@code record_status}: {@link TeamMemberStatus#GHOST} or {@link TeamMemberStatus#DEACTIVATED}; members are
     * activated from the tiny+ app, never through the API.
     *
     * @param recordStatus the status
     * @return this builder
     */
    public Builder recordStatus(TeamMemberStatus recordStatus) {
      return requiredMember("record_status", "recordStatus", Checks.oneOf(recordStatus, WRITABLE_STATUSES, "recordStatus"));
    }

    /**
     * The patch request.
     *
     * @return the request
     */
    public TeamMemberPatch build() {
      return new TeamMemberPatch(this);
    }
  }
}
