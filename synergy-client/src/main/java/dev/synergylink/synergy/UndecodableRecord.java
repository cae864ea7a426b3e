package dev.synergylink.synergy;

import org.immutables.value.Value;

/**
 * A record of a list page that the client could not read (a member of the wrong JSON type, a date in another
 * format, a fee outside what either system can hold). The rest of the page is read as usual; this entry says
 * which record was skipped and why, so that the caller can set it aside and go on. It never holds the record's
 * raw content: only its id, the member at fault and a reason sentence.
 */
@SynergyStyle
@Value.Immutable
public interface UndecodableRecord {
  /**
   * The record's {@code id}, when that member at least could be read.
   *
   * @return the id, or {@code null}
   */
  @Nullable Long id();

  /**
   * The record's 0-based position in its page's {@code items} array.
   *
   * @return the position
   */
  int index();

  /**
   * The wire name of the member at fault, such as {@code modifiedDate} or {@code stages[0].fee}.
   *
   * @return the member, or {@code null} when the record as a whole was unreadable (e.g. not a JSON object)
   */
  @Nullable String member();

  /**
   * Why the record could not be read, as a sentence naming the member and what was expected; never its value.
   *
   * @return the reason
   */
  String reason();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableUndecodableRecord.Builder builder() {
    return ImmutableUndecodableRecord.builder();
  }
}
