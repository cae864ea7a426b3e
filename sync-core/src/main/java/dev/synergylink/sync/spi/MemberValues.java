package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The members one create or patch request sets, in the order they were first set: what {@link FieldWriter}s write
 * into. A member never set is absent (a patch leaves it unchanged); a member set to {@code null} is cleared. On a
 * create, a cleared member is simply not sent. Not thread-safe.
 *
 * <pre>{@code
 * MemberValues<Personnel> out = MemberValues.create();
 * out.set(SynergyMembers.PERSONNEL_FIRST_NAME, "Zoë").set(SynergyMembers.PERSONNEL_LAST_NAME, null);
 * out.get(SynergyMembers.PERSONNEL_FIRST_NAME);   // "Zoë"
 * }</pre>
 *
 * @param <R> the record type written
 */
public final class MemberValues<R> {
  private final Map<Member<?, ?>, Entry<?>> entries = new LinkedHashMap<>();

  private MemberValues() {}

  /**
   * An empty set of members.
   *
   * @param <R> the record type written
   * @return a new instance
   */
  public static <R> MemberValues<R> create() {
    return new MemberValues<>();
  }

  /**
   * Sets a member; setting it again replaces the value and keeps its place.
   *
   * @param member the member
   * @param value the value, or {@code null} to clear the member
   * @param <V> the value type
   * @return this
   */
  public <V> MemberValues<R> set(Member<? super R, V> member, @Nullable V value) {
    Objects.requireNonNull(member, "member == null");
    entries.put(member, new Entry<>(member, value));
    return this;
  }

  /**
   * Sets every member another set holds, in its order (a set for a wider record type, such as the markers every
   * tiny+ record has, fits any narrower one).
   *
   * @param other the members to add
   * @return this
   */
  public MemberValues<R> setAll(MemberValues<? super R> other) {
    entries.putAll(other.entries);
    return this;
  }

  /**
   * Whether a member was set (possibly to {@code null}).
   *
   * @param member the member
   * @return true when it is set
   */
  public boolean isSet(Member<?, ?> member) {
    return entries.containsKey(member);
  }

  /**
   * The value a member was set to.
   *
   * @param member the member
   * @param <V> the value type
   * @return the value; null when it was cleared or not set (tell them apart with {@link #isSet(Member)})
   */
  @Nullable
  public <V> V get(Member<?, V> member) {
    Entry<?> entry = entries.get(member);
    return entry == null ? null : member.cast(entry.value());
  }

  /**
   * Whether no member was set.
   *
   * @return true for a write that would change nothing
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The names of the members set, in order, as the contract names them.
   *
   * @return an unmodifiable list
   */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    entries.keySet().forEach(member -> names.add(member.name()));
    return List.copyOf(names);
  }

  /**
   * A copy without one member.
   *
   * @param member the member to leave out
   * @return the copy
   */
  public MemberValues<R> without(Member<?, ?> member) {
    MemberValues<R> copy = copy();
    copy.entries.remove(member);
    return copy;
  }

  /**
   * A copy without the members that were cleared: what a create sends (a new record has nothing to clear).
   *
   * @return the copy
   */
  public MemberValues<R> withoutClears() {
    MemberValues<R> copy = copy();
    copy.entries.values().removeIf(entry -> entry.value() == null);
    return copy;
  }

  private MemberValues<R> copy() {
    MemberValues<R> copy = new MemberValues<>();
    copy.entries.putAll(entries);
    return copy;
  }

  /** Sets every member on the request builder, in order. */
  void applyTo(RequestTarget target) {
    entries.values().forEach(entry -> entry.applyTo(target));
  }

  @Override
  public String toString() {
    Map<String, Object> byName = new LinkedHashMap<>();
    entries.values().forEach(entry -> byName.put(entry.member().name(), entry.value()));
    return "MemberValues" + byName;
  }

  /** One member and its value, typed together so that it is set without a cast. */
  private record Entry<V>(Member<?, V> member, @Nullable V value) {
    void applyTo(RequestTarget target) {
      member.setOn(target, value);
    }
  }
}
