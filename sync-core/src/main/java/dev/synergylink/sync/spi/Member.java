package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One member of the create and patch requests of a record type: a typed key that a {@link FieldWriter} sets in its
 * {@link MemberValues}, and that knows how to set itself on the client's request builder. The built-in keys are the
 * constants of {@link SynergyMembers} and {@link TinyPlusMembers}; a member of another record type, or a value of
 * another type, is a compile error. Immutable and thread-safe.
 *
 * <pre>{@code
 * out.set(SynergyMembers.CONTACT_PHONE, "02 9000 1234");   // sets the phone
 * out.set(SynergyMembers.CONTACT_PHONE, null);             // clears it
 * }</pre>
 *
 * @param <R> the record type whose requests have this member (a tiny+ member every record has is keyed by
 *     {@code SyncedRecord})
 * @param <V> the value type
 */
public final class Member<R, V> {
  private final String name;
  private final String system;
  private final boolean required;
  private final Function<Object, V> cast;
  private final BiConsumer<RequestTarget, V> setter;

  Member(String name, String system, boolean required, Function<Object, V> cast,
      BiConsumer<RequestTarget, V> setter) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.system = system;
    this.required = required;
    this.cast = cast;
    this.setter = setter;
  }

  static <R, V> Member<R, V> of(String name, String system, Class<V> type, BiConsumer<RequestTarget, V> setter) {
    return new Member<>(name, system, false, type::cast, setter);
  }

  static <R, V> Member<R, V> required(String name, String system, Class<V> type,
      BiConsumer<RequestTarget, V> setter) {
    return new Member<>(name, system, true, type::cast, setter);
  }

  /**
   * The member's name in the contract's JSON ({@code "officeAddress"}, {@code "office_phone"}), as a refusal's field
   * errors name it.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Whether the member cannot be cleared: a write that clears it (or sets blank text) is not sent, and the record
   * waits with the reason ({@link SkipRecordException}) until it has a value.
   *
   * @return true for a required member such as a company's name
   */
  public boolean isRequired() {
    return required;
  }

  V cast(@Nullable Object value) {
    return value == null ? null : cast.apply(value);
  }

  void setOn(RequestTarget target, @Nullable V value) {
    if (required && (value == null || value instanceof String && ((String) value).isBlank())) {
      throw new SkipRecordException("its " + name + " is empty, and " + system + " needs one: fill it in");
    }
    setter.accept(target.setting(name), value);
  }

  @Override
  public String toString() {
    return system + " member " + name;
  }
}
