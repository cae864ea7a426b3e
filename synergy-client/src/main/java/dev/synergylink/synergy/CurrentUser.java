package dev.synergylink.synergy;

import org.immutables.value.Value;

/** The Synergy staff member the client's credentials act for, see {@link SynergyClient#currentUser()}. */
@SynergyStyle
@Value.Immutable
public interface CurrentUser {
  /**
   * The staff id of the user.
   *
   * @return the id of the matching {@link Staff} record
   */
  long staffId();

  /**
   * The first name.
   *
   * @return the first name, or {@code null}
   */
  @Nullable String firstName();

  /**
   * The last name.
   *
   * @return the last name, or {@code null}
   */
  @Nullable String lastName();

  /**
   * The email address.
   *
   * @return the email address, or {@code null}
   */
  @Nullable String email();

  /**
   * The user's security level; connecting an integration needs {@link SecurityLevel#ADMINISTRATOR}.
   *
   * @return the level, {@link SecurityLevel#UNKNOWN} for a level this client does not know
   */
  SecurityLevel securityLevel();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableCurrentUser.Builder builder() {
    return ImmutableCurrentUser.builder();
  }
}
