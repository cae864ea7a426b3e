package dev.synergylink.sync;

import java.util.List;
import org.immutables.value.Value;

/**
 * What a previewed run would do with one record: match it with an existing record (and by which key), create its
 * copy, update its partner (which members, from which value to which), leave it as it is, or skip it (and why).
 */
@SyncStyle
@Value.Immutable
public interface PreviewRecord {
  /** How a record was matched with an existing record of the other system. */
  String MATCHED_BY_MARKER = "marker";

  /**
   * The record type.
   *
   * @return the type
   */
  RecordType recordType();

  /**
   * Which way the write would go.
   *
   * @return the flow
   */
  Flow flow();

  /**
   * What would happen: {@link RecordOutcome#CREATED}, {@link RecordOutcome#LINKED} (matched with an existing record),
   * {@link RecordOutcome#UPDATED}, {@link RecordOutcome#UNCHANGED}, {@link RecordOutcome#SKIPPED},
   * {@link RecordOutcome#FAILED} (a write a system would refuse, as far as a preview can tell; most refusals are only
   * known when the write is sent), {@link RecordOutcome#ORPHANED} or {@link RecordOutcome#FIELD_NOT_SYNCED}.
   *
   * @return the outcome
   */
  RecordOutcome outcome();

  /**
   * The Synergy record.
   *
   * @return the id; null when the Synergy record would be created or is not known
   */
  @Nullable
  Long synergyId();

  /**
   * The tiny+ record.
   *
   * @return the id; null when the tiny+ record would be created or is not known
   */
  @Nullable
  Long tinyPlusId();

  /**
   * For a record matched with an existing one ({@link RecordOutcome#LINKED}), how: {@value #MATCHED_BY_MARKER} (the
   * engine's marker on the other record names it) or the natural key both hold ({@code "ABN"}, {@code "email"},
   * {@code "name"}, {@code "project number"}).
   *
   * @return the key, or null for the other outcomes
   */
  @Nullable
  String matchedBy();

  /**
   * The names of the field rules that would be written (as {@link RecordEvent#fields()}).
   *
   * @return the rule names, possibly empty
   */
  List<String> fields();

  /**
   * The members the writes for this record would set, with old and new values.
   *
   * @return the changes, in the order they would be sent; empty when nothing would be written
   */
  List<FieldChange> changes();

  /**
   * Why the record would be skipped, or the reason of another problem.
   *
   * @return the message, or null
   */
  @Nullable
  String message();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutablePreviewRecord.Builder builder() {
    return ImmutablePreviewRecord.builder();
  }
}
