package dev.synergylink.synergy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The common core of the create and patch requests: the members that were set, in the order they were set,
 * keyed by the contract's JSON member name. A member never set is absent (not sent, left unchanged); a member
 * set to {@code null} is sent as JSON {@code null} (cleared).
 */
abstract class MemberRequest {
  private final Map<String, Object> members;

  MemberRequest(Builder<?> builder) {
    this.members = Collections.unmodifiableMap(new LinkedHashMap<>(builder.members));
  }

  /**
   * The members that were set, in the order they were first set, keyed by the contract's JSON member name
   * (such as {@code "externalReference"}); a {@code null} value means "clear". Values are {@code String},
   * {@code Long}, {@code BigDecimal}, {@link Address} or {@link ContactType}. The HTTP client sends exactly
   * these members; in-process implementations apply exactly these.
   *
   * @return an unmodifiable map that may hold {@code null} values
   */
  public Map<String, Object> members() {
    return members;
  }

  /**
   * Whether no member was set.
   *
   * @return {@code true} for a request that would change nothing
   */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && ((MemberRequest) other).members.equals(members);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), members);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + members;
  }

  /** Collects the members; not thread-safe. */
  abstract static class Builder<B extends Builder<B>> {
    private final Map<String, Object> members = new LinkedHashMap<>();

    Builder() {}

    @SuppressWarnings("unchecked")
    final B put(String name, Object value) {
      members.put(name, value);
      return (B) this;
    }

    final B putRequired(String name, Object value) {
      return put(name, Objects.requireNonNull(value, name + " == null: it cannot be cleared, leave it unset"));
    }

    final void require(String name) {
      if (members.get(name) == null) {
        throw new IllegalStateException(name + " is required: set it before build()");
      }
    }

    final boolean isNull(String name) {
      return members.get(name) == null;
    }
  }
}
