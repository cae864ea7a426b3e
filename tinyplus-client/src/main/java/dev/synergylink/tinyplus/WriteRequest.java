package dev.synergylink.tinyplus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A create or patch request: the members that were set, in the order they were set. A member that was never set
 * is absent (a PATCH leaves it unchanged); a member set to null is an explicit null (a PATCH clears it). The HTTP
 * client sends exactly {@link #members()}; an in-process implementation applies exactly these.
 *
 * <p>Instances are immutable and thread-safe; builders are not thread-safe.
 */
public abstract class WriteRequest {
  private final Map<String, Object> members;

  /**
   * Copies the members of a builder.
   *
   * @param builder the builder
   */
  protected WriteRequest(Builder<?> builder) {
    this.members = Collections.unmodifiableMap(new LinkedHashMap<>(builder.members));
  }

  /**
   * The set members in the order they were set, keyed by the API's JSON member name ({@code "email"},
   * {@code "primary_company"}). Values are model types: {@code String}, {@code Long}, {@code Boolean},
   * {@code BigDecimal}, {@link Address}, {@code List<String>}, {@link ProjectState}, {@link RecordStatus},
   * {@link TeamMemberStatus}; {@code null} clears the member.
   *
   * @return an unmodifiable map that may hold null values
   */
  public final Map<String, Object> members() {
    return members;
  }

  /**
   * Whether a member was set (possibly to null).
   *
   * @param member the API's member name, e.g. {@code "remote_id"}
   * @return true when it is in {@link #members()}
   */
  public final boolean isSet(String member) {
    return members.containsKey(member);
  }

  /**
   * The value a member was set to.
   *
   * @param member the API's member name
   * @return the value; null when it was set to null or not set (tell them apart with {@link #isSet(String)})
   */
  public final Object get(String member) {
    return members.get(member);
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && ((WriteRequest) other).members.equals(members);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getClass(), members);
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + members;
  }

  /**
   * Collects members in order; the sync fields every record shares are set here.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    private final LinkedHashMap<String, Object> members = new LinkedHashMap<>();

    /** Only this module's builders extend it. */
    Builder() {}

    /**
     * Sets a member that may be cleared; setting it again replaces the value.
     *
     * @param member the API's member name
     * @param value the value, or null to clear
     * @return this builder
     */
    final B member(String member, Object value) {
      members.put(member, value);
      return self();
    }

    /**
     * Sets a member that the API cannot clear.
     *
     * @param member the API's member name
     * @param javaName the setter's name, for the message
     * @param value the value, not null
     * @return this builder
     */
    final B requiredMember(String member, String javaName, Object value) {
      if (value == null) {
        throw new NullPointerException(javaName + " == null: " + member + " cannot be cleared; leave it unset instead");
      }
      return member(member, value);
    }

    final boolean has(String member) {
      return members.containsKey(member);
    }

    final Object value(String member) {
      return members.get(member);
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /**
     * {@code external_url}: a link to this record in another system (at most 500 characters).
     *
     * @param externalUrl the link, or null to clear
     * @return this builder
     */
    public final B externalUrl(@Nullable String externalUrl) {
      return member("external_url", externalUrl);
    }

    /**
     * {@code remote_id}: the id of this record in the system it is synced with (at most 200 characters).
     *
     * @param remoteId the id there, or null to clear
     * @return this builder
     */
    public final B remoteId(@Nullable String remoteId) {
      return member("remote_id", remoteId);
    }

    /**
     * {@code sync_origin}: which system and account the remote id belongs to (at most 50 characters).
     *
     * @param syncOrigin the origin, or null to clear
     * @return this builder
     */
    public final B syncOrigin(@Nullable String syncOrigin) {
      return member("sync_origin", syncOrigin);
    }

    /**
     * {@code is_synced}.
     *
     * @param isSynced whether the record is synced with another system
     * @return this builder
     */
    public final B isSynced(boolean isSynced) {
      return member("is_synced", isSynced);
    }

    /**
     * {@code locked_fields}: replaces the fields the tiny+ app shows read-only.
     *
     * @param lockedFields the API names of the fields; empty to unlock all
     * @return this builder
     */
    public final B lockedFields(List<String> lockedFields) {
      Objects.requireNonNull(lockedFields, "lockedFields == null: pass an empty list to unlock every field");
      for (String field : lockedFields) {
        Objects.requireNonNull(field, "lockedFields contains null");
      }
      return member("locked_fields", List.copyOf(lockedFields));
    }
  }
}
