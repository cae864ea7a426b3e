package dev.synergylink.tinyplus;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The members a project create or patch can set ({@code ProjectWrite} in the contract).
 *
 * @param <B> the concrete builder
 */
public abstract class ProjectWriteBuilder<B extends ProjectWriteBuilder<B>> extends WriteRequest.Builder<B> {
  private static final Set<RecordStatus> WRITABLE_STATUSES = EnumSet.of(RecordStatus.ACTIVE, RecordStatus.ARCHIVED);

  ProjectWriteBuilder() {}

  /**
   * {@code name}: 1 to 255 characters; cannot be cleared.
   *
   * @param name the project name
   * @return this builder
   */
  public final B name(String name) {
    return requiredMember("name", "name", Checks.notBlank(name, "name"));
  }

  /**
   * {@code project_number}.
   *
   * @param projectNumber the number, or null to clear
   * @return this builder
   */
  public final B projectNumber(@Nullable String projectNumber) {
    return member("project_number", projectNumber);
  }

  /**
   * {@code description}.
   *
   * @param description the description, or null to clear
   * @return this builder
   */
  public final B description(@Nullable String description) {
    return member("description", description);
  }

  /**
   * {@code state}; cannot be cleared.
   *
   * @param state the pipeline state, not {@link ProjectState#UNKNOWN}
   * @return this builder
   */
  public final B state(ProjectState state) {
    if (state == ProjectState.UNKNOWN) {
      throw new IllegalArgumentException("state UNKNOWN cannot be sent: pick one of the six project states");
    }
    return requiredMember("state", "state", state);
  }

  /**
   * {@code phase}: a project phase id that belongs to the project's state.
   *
   * @param phase the phase id, or null to clear
   * @return this builder
   */
  public final B phase(@Nullable Long phase) {
    return member("phase", phase);
  }

  /**
   * {@code project_type}: one of the names in {@code /project_types} (the server answers 400 otherwise).
   *
   * @param projectType the type name, or null to clear
   * @return this builder
   */
  public final B projectType(@Nullable String projectType) {
    return member("project_type", projectType);
  }

  /**
   * {@code assigned_user}: a team member id (active or ghost).
   *
   * @param assignedUser the team member id, or null to clear
   * @return this builder
   */
  public final B assignedUser(@Nullable Long assignedUser) {
    return member("assigned_user", assignedUser);
  }

  /**
   * {@code client_company}: a company id.
   *
   * @param clientCompany the company id, or null to clear
   * @return this builder
   */
  public final B clientCompany(@Nullable Long clientCompany) {
    return member("client_company", clientCompany);
  }

  /**
   * {@code value}: the fee value, at least zero.
   *
   * @param value the value, or null to clear
   * @return this builder
   */
  public final B value(@Nullable BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException("value must be 0 or more, was " + value.toPlainString());
    }
    return member("value", value);
  }

  /**
   * {@code address}: replaces the whole project address.
   *
   * @param address the address, or null to clear (sent as an address whose parts are all null: the contract has
   *     no null address)
   * @return this builder
   */
  public final B address(@Nullable Address address) {
    return member("address", address == null ? Address.builder().build() : address);
  }

  /**
   * {@code record_status}: {@link RecordStatus#ACTIVE} or {@link RecordStatus#ARCHIVED} (deleting is
   * {@link TinyPlusProjects#delete(long)}).
   *
   * @param recordStatus the status
   * @return this builder
   */
  public final B recordStatus(RecordStatus recordStatus) {
    return requiredMember("record_status", "recordStatus", Checks.oneOf(recordStatus, WRITABLE_STATUSES, "recordStatus"));
  }
}
