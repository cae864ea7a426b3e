package dev.synergylink.synergy;

/**
 * The members that both {@link ProjectCreate} and {@link ProjectPatch} can set. Code that fills either request from the
 * same values can take this type instead of repeating itself for each builder; only those two builders extend it.
 *
 * @param <B> the concrete builder
 */
public abstract class ProjectMembers<B extends ProjectMembers<B>> extends MemberRequest.Builder<B> {
  ProjectMembers() {}

  /**
   * Sets the project's name.
   *
   * @param name 1 to 200 characters; not {@code null}
   * @return this builder
   */
  public B name(String name) {
    return putRequired("name", name);
  }

  /**
   * Sets the project's status.
   *
   * @param statusId the id of an active {@link ProjectStatus}
   * @return this builder
   */
  public B statusId(long statusId) {
    return put("statusId", statusId);
  }

  /**
   * Sets the client.
   *
   * @param primaryContactId the id of a Company or Individual {@link Contact}
   * @return this builder
   */
  public B primaryContactId(long primaryContactId) {
    return put("primaryContactId", primaryContactId);
  }

  /**
   * Sets or clears the project type.
   *
   * @param projectType up to 100 characters, or {@code null} to clear
   * @return this builder
   */
  public B projectType(@Nullable String projectType) {
    return put("projectType", projectType);
  }

  /**
   * Sets or clears the project manager.
   *
   * @param managerId the id of an active {@link Staff} member, or {@code null} to clear
   * @return this builder
   */
  public B managerId(@Nullable Long managerId) {
    return put("managerId", managerId);
  }

  /**
   * Replaces or clears the site address; the address is sent whole.
   *
   * @param address the new address, or {@code null} to clear (sent as an address whose parts are all null: the
   *     contract has no null address)
   * @return this builder
   */
  public B address(@Nullable Address address) {
    return put("address", address == null ? Address.builder().build() : address);
  }

  /**
   * Sets or clears the scope of work.
   *
   * @param scope up to 4000 characters, or {@code null} to clear
   * @return this builder
   */
  public B scope(@Nullable String scope) {
    return put("scope", scope);
  }

  /**
   * Sets or clears the integration's reference.
   *
   * @param externalReference up to 100 characters, or {@code null} to clear
   * @return this builder
   */
  public B externalReference(@Nullable String externalReference) {
    return put("externalReference", externalReference);
  }
}
