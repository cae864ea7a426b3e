package dev.synergylink.synergy;

import java.time.Instant;
import org.immutables.value.Value;

/** A Synergy staff member (a user of the firm); read-only through the API. */
@SynergyStyle
@Value.Immutable
public interface Staff {
  /**
   * The staff id.
   *
   * @return the id
   */
  long id();

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
   * The work phone number.
   *
   * @return the number, or {@code null}
   */
  @Nullable String workPhone();

  /**
   * The mobile number.
   *
   * @return the number, or {@code null}
   */
  @Nullable String mobile();

  /**
   * The job title.
   *
   * @return the title, or {@code null}
   */
  @Nullable String jobTitle();

  /**
   * The staff member's security level.
   *
   * @return the level, {@link SecurityLevel#UNKNOWN} for a level this client does not know
   */
  SecurityLevel securityLevel();

  /**
   * Whether the staff member is active.
   *
   * @return the flag
   */
  boolean isActive();

  /**
   * When the record was created.
   *
   * @return the instant, millisecond precision
   */
  Instant createdDate();

  /**
   * When the record was last changed.
   *
   * @return the instant, millisecond precision
   */
  Instant modifiedDate();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableStaff.Builder builder() {
    return ImmutableStaff.builder();
  }
}
