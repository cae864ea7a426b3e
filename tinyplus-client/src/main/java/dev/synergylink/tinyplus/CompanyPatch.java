package dev.synergylink.tinyplus;

/**
 * A partial update for {@link TinyPlusCompanies#patch(long, CompanyPatch)}: members never set are left unchanged,
 * members set to null are cleared.
 *
 * <pre>{@code
 * CompanyPatch patch = CompanyPatch.builder().email(null).website("https://acme.example").build();
 * }</pre>
 */
public final class CompanyPatch extends WriteRequest {
  private CompanyPatch(Builder builder) {
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

  /** Builds a {@link CompanyPatch}. Not thread-safe. */
  public static final class Builder extends CompanyWriteBuilder<Builder> {
    private Builder() {}

    /**
     * The patch request (it may be empty: the server still bumps {@code modified_date}).
     *
     * @return the request
     */
    public CompanyPatch build() {
      return new CompanyPatch(this);
    }
  }
}
