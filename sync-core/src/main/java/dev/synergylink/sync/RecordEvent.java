package dev.synergylink.sync;

import java.util.List;
import org.immutables.value.Value;

/** What happened to one record in a run: a write, a skip, a failure, an orphaning. */
@SyncStyle
@Value.Immutable
public interface RecordEvent {
  /**
   * The record type.
   *
   * @return the type
   */
  RecordType recordType();

  /**
   * Which way the change went.
   *
   * @return the flow
   */
  Flow flow();

  /**
   * What happened.
   *
   * @return the outcome
   */
  RecordOutcome outcome();

  /**
   * The Synergy record, when known.
   *
   * @return the id, or null
   */
  @Nullable
  Long synergyId();

  /**
   * The tiny+ record, when known.
   *
   * @return the id, or null
   */
  @Nullable
  Long tinyPlusId();

  /**
   * The names of the field rules written (for {@link RecordOutcome#UPDATED} and {@link RecordOutcome#CREATED}).
   *
   * @return the rule names, possibly empty
   */
  List<String> fields();

  /**
   * The field a failure is about, as the server named it.
   *
   * @return the field, or null
   */
  @Nullable
  String field();

  /**
   * Why it was skipped, or the server's message for a failure.
   *
   * @return the message, or null
   */
  @Nullable
  String message();

  /**
   * For an {@link RecordOutcome#ORPHANED} record of a linked pair, the side whose record was deleted; its partner on
   * the other side is left as it is (nothing is recreated or deleted).
   *
   * @return the side, or null for other outcomes and for a copy found deleted before it was linked to its original
   *     (the message says which of the two was deleted)
   */
  @Nullable
  Side deletedSide();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRecordEvent.Builder builder() {
    return ImmutableRecordEvent.builder();
  }
}
