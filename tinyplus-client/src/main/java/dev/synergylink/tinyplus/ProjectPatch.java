package dev.synergylink.tinyplus;

/**
 * A partial update for {@link TinyPlusProjects#patch(long, ProjectPatch)}: members never set are left unchanged,
 * members set to null are cleared.
 *
 * <pre>{@code
 * ProjectPatch patch = ProjectPatch.builder().description(null).value(new BigDecimal("1200.50")).build();
 * }</pre>
 */
public final class ProjectPatch extends WriteRequest {
  private ProjectPatch(Builder builder) {
    super(builder);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectPatch}. Not thread-safe. */
  public static final class Builder extends ProjectWriteBuilder<Builder> {
    private Builder() {}

    /**
     * The patch request (it may be empty: the server still bumps {@code modified_date}).
     *
     * @return the request
     */
    public ProjectPatch build() {
      return new ProjectPatch(this);
    }
  }
}
