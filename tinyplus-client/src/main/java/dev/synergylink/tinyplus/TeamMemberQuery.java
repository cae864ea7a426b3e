package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A query for the {@code list} and {@code listAll} of {@link TinyPlusTeamMembers}. */
@TinyPlusStyle
@Value.Immutable
public interface TeamMemberQuery extends RecordQuery<TeamMemberQuery> {
  /**
   * {@code record_status}: only members with this status.
   *
   * @return the status, or null
   */
  @Nullable
  TeamMemberStatus recordStatus();

  /**
   * {@code email}: only members with this email (equality).
   *
   * @return the email, or null
   */
  @Nullable
  String email();

  /**
   * Rejects an {@code email} that starts with {@code <} or {@code >}, which tiny+ would read as a strict comparison.
   */
  @Value.Check
  default void checkEmailFilter() {
    QueryChecks.equality("email", email());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTeamMemberQuery.Builder builder() {
    return ImmutableTeamMemberQuery.builder();
  }
}
