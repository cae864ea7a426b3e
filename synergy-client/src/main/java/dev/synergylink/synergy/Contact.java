package dev.synergylink.synergy;

import java.time.Instant;
import org.immutables.value.Value;

/** A Synergy contact of type Company or Individual, as the API returns it. */
@SynergyStyle
@Value.Immutable
public interface Contact {
  /**
   * The contact's id.
   *
   * @return the id
   */
  long id();

  /**
   * The kind of contact.
   *
   * @return the type, {@link ContactType#UNKNOWN} for a type this client does not know
   */
  ContactType contactType();

  /**
   * The contact's name.
   *
   * @return up to 200 characters
   */
  String name();

  /**
   * The office address.
   *
   * @return the address, or {@code null}
   */
  @Nullable Address officeAddress();

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
   * The Australian Business Number.
   *
   * @return 11 digits, spaces allowed, or {@code null}
   */
  @Nullable String abn();

  /**
   * The mobile number.
   *
   * @return up to 50 characters, or {@code null}
   */
  @Nullable String mobile();

  /**
   * The phone number.
   *
   * @return up to 50 characters, or {@code null}
   */
  @Nullable String phone();

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
   * Whether the contact is active.
   *
   * @return the flag
   */
  boolean isActive();

  /**
   * When the contact was created.
   *
   * @return the instant, millisecond precision
   */
  Instant createdDate();

  /**
   * When the contact was last changed.
   *
   * @return the instant, millisecond precision
   */
  Instant modifiedDate();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableContact.Builder builder() {
    return ImmutableContact.builder();
  }
}
