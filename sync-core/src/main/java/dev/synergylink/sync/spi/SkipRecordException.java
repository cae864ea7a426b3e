package dev.synergylink.sync.spi;

import dev.synergylink.sync.SyncException;

/**
 * Thrown by a field rule to say that a record cannot be sent and must be skipped for now, for a reason a person can
 * act on (for example a tiny+ contact whose related company is not synced with Synergy). The engine reports the
 * record as skipped with {@link #getMessage()} as the reason and looks at it again when it changes or its retry is
 * due. A new record is then not created; for a linked record only this field is held back and its other changed
 * fields are still written.
 */
public class SkipRecordException extends SyncException {
  private static final long serialVersionUID = 1L;

  /**
   * A skip with its reason.
   *
   * @param reason why the record is skipped, for a person: say what to do about it
   */
  public SkipRecordException(String reason) {
    super(reason);
  }
}
