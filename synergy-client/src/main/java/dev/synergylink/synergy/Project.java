package dev.synergylink.synergy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/** A Synergy project, as the API returns it. */
@SynergyStyle
@Value.Immutable
public interface Project {
  /**
   * The project's id.
   *
   * @return the id
   */
  long id();

  /**
   * The project number the server assigned on create; it never changes.
   *
   * @return the number, such as {@code "P00042"}
   */
  String projectNumber();

  /**
   * The project's name.
   *
   * @return up to 200 characters
   */
  String name();

  /**
   * The id of the project's status, see {@link SynergyClient#projectStatuses()}.
   *
   * @return the status id
   */
  long statusId();

  /**
   * The name of the project's status.
   *
   * @return the name, or {@code null} when the server left it out
   */
  @Nullable String status();

  /**
   * The fixed type of the project's status.
   *
   * @return the type, {@link StatusType#UNKNOWN} for a type this client does not know
   */
  StatusType statusType();

  /**
   * The client: a contact of type Company or Individual.
   *
   * @return the contact id
   */
  long primaryContactId();

  /**
   * The project type (Synergy has no list of types: the set of types is what projects use).
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String projectType();

  /**
   * The project manager.
   *
   * @return a staff id, or {@code null}
   */
  @Nullable Long managerId();

  /**
   * The site address.
   *
   * @return the address, or {@code null}
   */
  @Nullable Address address();

  /**
   * The scope of work.
   *
   * @return up to 4000 characters, or {@code null}
   */
  @Nullable String scope();

  /**
   * The total fee: the sum of the stages' fees.
   *
   * @return the fee, two decimal places
   */
  BigDecimal totalFee();

  /**
   * The fee stages.
   *
   * @return the stages, possibly empty
   */
  List<Stage> stages();

  /**
   * A reference free for integrations; lists can filter on it exactly.
   *
   * @return up to 100 characters, or {@code null}
   */
  @Nullable String externalReference();

  /**
   * Whether the project is active.
   *
   * @return {@code false} when the status type is Unsuccessful or Complete
   */
  boolean isActive();

  /**
   * When the project was created.
   *
   * @return the instant, millisecond precision
   */
  Instant createdDate();

  /**
   * When the project (or one of its stages) was last changed.
   *
   * @return the instant, millisecond precision
   */
  Instant modifiedDate();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableProject.Builder builder() {
    return ImmutableProject.builder();
  }
}
