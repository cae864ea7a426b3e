package dev.synergylink.tinyplus;

/**
 * A new company for {@link TinyPlusCompanies#create(CompanyCreate)}; {@code name} is required.
 *
 * <pre>{@code
 * CompanyCreate create = CompanyCreate.builder().name("Acme Pty Ltd").remoteId("42").syncOrigin("synergy:7").build();
 * }</pre>
 */
public final class CompanyCreate extends WriteRequest {
  private CompanyCreate(Builder builder) {
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

  /** Builds a {@link CompanyCreate}. Not thread-safe. */
  public static final class Builder extends CompanyWriteBuilder<Builder> {
    private Builder() {}

    /**
     * The create request.
     *
     * @return the request
     * @throws IllegalStateException when {@code name} was not set
     */
    public CompanyCreate build() {
      Checks.required(this, "name", "name", "company");
      return new CompanyCreate(this);
    }
  }
}
