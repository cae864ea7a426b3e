package dev.synergylink.tinyplus;

/**
 * A new project for {@link TinyPlusProjects#create(ProjectCreate)}; only {@code name} is required.
 *
 * <pre>{@code
 * ProjectCreate create = ProjectCreate.builder().name("Harbour Bridge").remoteId("42").syncOrigin("synergy:7").build();
 * }</pre>
 */
public final class ProjectCreate extends WriteRequest {
  private ProjectCreate(Builder builder) {
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

  /** Builds a {@link ProjectCreate}. Not thread-safe. */
  public static final class Builder extends ProjectWriteBuilder<Builder> {
    private Builder() {}

    /**
     * The create request.
     *
     * @return the request
     * @throws IllegalStateException when {@code name} was not set
     */
    public ProjectCreate build() {
      Checks.required(this, "name", "name", "project");
      return new ProjectCreate(this);
    }
  }
}
