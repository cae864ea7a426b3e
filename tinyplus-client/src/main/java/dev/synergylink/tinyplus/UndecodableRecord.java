package dev.synergylink.tinyplus;

import org.immutables.value.Value;

/**
 * A record of a list page that the client could not read (a member of the wrong JSON type, a date in another
 * format, a number outside what a fee can hold). The rest of the page is read as usual; this entry says which
 * record was skipped and why, so that the caller can set it aside and go on. It never holds the record's raw
 * content: only its id, the member at fault and a reason sentence.
 */
@TinyPlusStyle
@Value.Immutable
public interface UndecodableRecord {
  /**
   * The record's {@code id}, when that member at least could be read.
   *
   * @return the id, or null
   */
  @Nullable
  Long id();

  /**
   * The record's 0-based position in its page's {@code records} array.
   *
   * @return the position
   */
  int index();

  /**
   * The wire name of the member at fault, e.g. {@code modified_date} or {@code address.street}.
   *
   * @return the member, or null when the record as a whole was unreadable (e.g. not a JSON object)
   */
  @Nullable
  String member();

  /**
   * Why the record could not be read, as a sentence naming the member and what was expected. Never the value.
   *
   * @return the reason
   */
  String reason();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableUndecodableRecord.Builder builder() {
    return ImmutableUndecodableRecord.builder();
  }
}
