package dev.synergylink.sync.spi;

/**
 * Reads one field's value from a record as text (ids as decimal text, addresses in the engine's address form).
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface FieldReader<R> {
  /**
   * Reads the value.
   *
   * @param record the record
   * @param context the link table and web links
   * @return the value, or null for none
   */
  String read(R record, FieldContext context);
}
