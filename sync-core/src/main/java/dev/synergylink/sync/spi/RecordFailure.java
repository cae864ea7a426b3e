package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A record in quarantine: it failed (or had to be skipped) and is tried again at {@link #nextRetry()} or when it
 * changes, while the rest of the sync goes on.
 */
@SyncStyle
@Value.Immutable
public interface RecordFailure {
  /** Why a record is in quarantine. */
  enum Kind {
    /** A write or read failed: the server refused it or could not be reached. */
    FAILING,
    /** The record cannot be sent until something else changes (for example its company is not synced). */
    EXCLUDED
  }

  /**
   * The record type.
   *
   * @return the type
   */
  RecordType recordType();

  /**
   * The side the record lives on (the source of the change that failed).
   *
   * @return the side
   */
  Side side();

  /**
   * The record's id on that side.
   *
   * @return the id
   */
  long recordId();

  /**
   * Failing or excluded.
   *
   * @return the kind
   */
  Kind kind();

  /**
   * The field the server named, if it named one (the contract's member name).
   *
   * @return the field, or null
   */
  @Nullable
  String field();

  /**
   * What went wrong: the server's message for the field, or the reason for the skip.
   *
   * @return the message
   */
  String message();

  /**
   * How many times the record has failed in a row.
   *
   * @return at least 1
   */
  int attempts();

  /**
   * When the record is tried again.
   *
   * @return the instant
   */
  Instant nextRetry();

  /**
   * The record's modified instant when it failed: a listing of the same version before {@link #nextRetry()} is
   * not tried again.
   *
   * @return the instant, or null when unknown
   */
  @Nullable
  Instant recordModified();

  /**
   * When the first failure of this run of failures happened.
   *
   * @return the instant
   */
  Instant firstFailedAt();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableRecordFailure.Builder builder() {
    return ImmutableRecordFailure.builder();
  }
}
