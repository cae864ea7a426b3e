package dev.synergylink.sync;

import org.immutables.value.Value;

/** A proposed link between an unlinked Synergy staff member and an unlinked tiny+ team member. */
@SyncStyle
@Value.Immutable
public interface TeamMemberSuggestion {
  /** How the team member was found. */
  enum Match {
    /** Same email address (case-insensitive). */
    EMAIL,
    /** Same name (case- and space-insensitive). */
    NAME,
    /** No team member matches: link one by hand or create a ghost. */
    NONE
  }

  /**
   * The staff member.
   *
   * @return the Synergy staff id
   */
  long staffId();

  /**
   * The staff member's name (first and last).
   *
   * @return the name, or null
   */
  @Nullable
  String staffName();

  /**
   * The staff member's email.
   *
   * @return the email, or null
   */
  @Nullable
  String staffEmail();

  /**
   * The suggested team member.
   *
   * @return the tiny+ team member id, or null when {@link #match()} is {@link Match#NONE}
   */
  @Nullable
  Long teamMemberId();

  /**
   * The suggested team member's name.
   *
   * @return the name, or null
   */
  @Nullable
  String teamMemberName();

  /**
   * How the team member was found.
   *
   * @return the match
   */
  Match match();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableTeamMemberSuggestion.Builder builder() {
    return ImmutableTeamMemberSuggestion.builder();
  }
}
