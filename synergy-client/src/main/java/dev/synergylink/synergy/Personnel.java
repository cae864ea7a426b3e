package dev.synergylink.synergy;

import java.time.Instant;
import org.immutables.value.Value;

/** A Synergy personnel record: a person who belongs to a Company contact, as the API returns it. */
@SynergyStyle
@Value.Immutable
public interface Personnel {
  /**
   * The record's id.
   *
   * @return the id
   */
  long id();

  /**
   * The Company contact this person belongs to.
   *
   * @return the contact id
   */
  long parentContactId();

  /**
   * The first name.
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String firstName();

  /**
   * The last name.
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String lastName();

  /**
   * The job title or role.
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String title();

  /**
   * The direct line.
   *
   * @return up to 50 characters, or {@code null}
   */
  @Nullable String phone();

  /**
   * The email address.
   *
   * @return up to 200 characters, or {@code null}
   */
  @Nullable String email();

  /**
   * The website.
   *
   * @return up to 200 characters, or {@code null}
   */
  @Nullable String website();

  /**
   * The mobile number.
   *
   * @return up to 50 characters, or {@code null}
   */
  @Nullable String mobile();

  /**
   * The office phone number.
   *
   * @return up to 50 characters, or {@code null}
   */
  @Nullable String officePhone();

  /**
   * The Twitter handle.
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String twitter();

  /**
   * A reference free for integrations; lists can filter on it exactly.
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String externalReference();

  /**
   * Whether the record is active.
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
  static ImmutablePersonnel.Builder builder() {
    return ImmutablePersonnel.builder();
  }
}
