package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/** A tiny+ team member (a user of the account, or a ghost who cannot log in). */
@TinyPlusStyle
@Value.Immutable
public interface TeamMember extends SyncedRecord {
  /**
   * The member's name.
   *
   * @return the name
   */
  String name();

  /**
   * {@code email}.
   *
   * @return the email, or null
   */
  @Nullable
  String email();

  /**
   * {@code direct}: the direct phone.
   *
   * @return the number, or null
   */
  @Nullable
  String direct();

  /**
   * {@code mobile}.
   *
   * @return the number, or null
   */
  @Nullable
  String mobile();

  /**
   * {@code title}: the job title.
   *
   * @return the title, or null
   */
  @Nullable
  String title();

  /**
   * {@code record_status}: active, ghost or deactivated.
   *
   * @return the status
   */
  TeamMemberStatus recordStatus();

  /**
   * {@code account_admin}: whether the member administers the account (read only).
   *
   * @return the flag
   */
  boolean accountAdmin();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTeamMember.Builder builder() {
    return ImmutableTeamMember.builder();
  }
}
