package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;

/**
 * Puts a value into a create or patch request as typed members: {@code out.set(SynergyMembers.CONTACT_EMAIL, value)}.
 * A member set to null is cleared; a member not set is left as it is. One field may set several members (a name
 * split into first and last name), may translate ids through {@link FieldContext}, and may set nothing at all to
 * leave the other side's value as it is (the engine then keeps the field apart until either side changes it).
 *
 * <pre>{@code
 * FieldWriter<Personnel> name = (value, out, ctx) -> {
 *   String[] parts = value == null ? new String[] {null, null} : value.split(" ", 2);
 *   out.set(SynergyMembers.PERSONNEL_FIRST_NAME, parts[0])
 *       .set(SynergyMembers.PERSONNEL_LAST_NAME, parts.length > 1 ? parts[1] : null);
 * };
 * }</pre>
 *
 * @param <R> the record type written (its {@link SynergyMembers} or {@link TinyPlusMembers} are the ones it can set)
 */
@FunctionalInterface
public interface FieldWriter<R> {
  /**
   * Writes a value.
   *
   * @param value the raw value read from the other side, possibly null
   * @param out the request's members
   * @param context the link table, web links and look-ups
   * @throws SkipRecordException when the value cannot be written now and the record must wait
   */
  void write(@Nullable String value, MemberValues<R> out, FieldContext context);
}
