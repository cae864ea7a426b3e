package dev.synergylink.synergy;

import java.math.BigDecimal;

/**
 * A request to create a project; the server assigns the project number. Members never set are not sent.
 * Immutable.
 *
 * <pre>{@code
 * ProjectCreate request = ProjectCreate.builder()
 *     .name("Harbour House").statusId(3).primaryContactId(42)
 *     .initialFee(new BigDecimal("12500.00")).externalReference("tinyplus:project:981")
 *     .build();
 * }</pre>
 */
public final class ProjectCreate extends MemberRequest {
  private ProjectCreate(Builder builder) {
    super(builder);
  }

  /**
   * A new builder; {@code name}, {@code statusId} and {@code primaryContactId} are required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectCreate}; not thread-safe. */
  public static final class Builder extends ProjectMembers<Builder> {
    private Builder() {}

    /**
     * Sets the fee of the one stage (named "Fee") that the server creates; create only.
     *
     * @param initialFee the fee, not negative, or {@code null} for no stage
     * @return this builder
     */
    public Builder initialFee(@Nullable BigDecimal initialFee) {
      if (initialFee != null && initialFee.signum() < 0) {
        throw new IllegalArgumentException("initialFee must not be negative, was " + initialFee);
      }
      return put("initialFee", initialFee);
    }

    /**
     * The request.
     *
     * @return the request
     * @throws IllegalStateException when {@code name}, {@code statusId} or {@code primaryContactId} is unset
     */
    public ProjectCreate build() {
      require("name");
      require("statusId");
      require("primaryContactId");
      return new ProjectCreate(this);
    }
  }
}
