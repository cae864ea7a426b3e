package dev.synergylink.tinyplus;

import java.math.BigDecimal;
import org.immutables.value.Value;

/** A tiny+ project. */
@TinyPlusStyle
@Value.Immutable
public interface Project extends SyncedRecord {
  /**
   * The project name.
   *
   * @return the name
   */
  String name();

  /**
   * {@code project_number}.
   *
   * @return the number, or null
   */
  @Nullable
  String projectNumber();

  /**
   * {@code description}.
   *
   * @return the description, or null
   */
  @Nullable
  String description();

  /**
   * The pipeline state.
   *
   * @return the state; {@link ProjectState#UNKNOWN} for a value this client does not know
   */
  ProjectState state();

  /**
   * {@code phase}: a project phase id that belongs to {@link #state()}.
   *
   * @return the phase id, or null
   */
  @Nullable
  Long phase();

  /**
   * {@code project_type}: one of the names in {@code /project_types}.
   *
   * @return the type name, or null
   */
  @Nullable
  String projectType();

  /**
   * {@code assigned_user}: a team member id (active or ghost).
   *
   * @return the team member id, or null
   */
  @Nullable
  Long assignedUser();

  /**
   * {@code client_company}: a company id.
   *
   * @return the company id, or null
   */
  @Nullable
  Long clientCompany();

  /**
   * {@code value}: the fee value, decimal, at least zero.
   *
   * @return the value, or null
   */
  @Nullable
  BigDecimal value();

  /**
   * {@code address}: the project address.
   *
   * @return the address, or null
   */
  @Nullable
  Address address();

  /**
   * {@code record_status}: active, archived or deleted.
   *
   * @return the status
   */
  RecordStatus recordStatus();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableProject.Builder builder() {
    return ImmutableProject.builder();
  }
}
