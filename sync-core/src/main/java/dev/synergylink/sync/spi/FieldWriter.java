package dev.synergylink.sync.spi;

import java.util.Map;

/**
 * Puts a value into a create or patch request as contract members (see the clients' {@code members()} convention):
 * {@code members.put("email", value)}; a null value clears the member. One field may set several members (a name
 * split into first and last name) and may translate ids through {@link FieldContext}.
 */
@FunctionalInterface
public interface FieldWriter {
  /**
   * Writes a value.
   *
   * @param value the raw value read from the other side, possibly null
   * @param members the request's members, keyed by the target contract's JSON member name
   * @param context the link table and web links
   * @throws SkipRecordException when the value cannot be written now and the record must wait
   */
  void write(String value, Map<String, Object> members, FieldContext context);
}
