package dev.synergylink.sync;

/**
 * The root of the sync engine's exceptions; unchecked, so a host's loop over records or connections is not broken by
 * checked signatures. Each subclass says what the caller does next:
 *
 * <ul>
 *   <li>{@link LeaseHeldException}: another run of the connection is going on; try again when it ends.
 *   <li>{@link SyncSettingsException}: the settings (or the setup steps they depend on) cannot be used; fix what
 *       {@link SyncSettingsException#problems()} lists.
 *   <li>{@link SyncStoppedException}: an operation that returns no report was stopped by a system (credentials,
 *       permission, quota, outage); {@link SyncStoppedException#stopCause()} says which and what to do.
 *   <li>{@link TeamMemberLinkException}: the link asked for does not fit the links there are; unlink first.
 *   <li>{@link dev.synergylink.sync.spi.LeaseLostException}: thrown by a state store when a run outlived its lease.
 *   <li>{@link dev.synergylink.sync.spi.SkipRecordException}: thrown by a field rule to skip one record for now.
 *   <li>{@link dev.synergylink.sync.spi.InvalidValueException}: thrown by a field rule's writer for a value the
 *       system written to would refuse; the record waits in quarantine as if refused.
 * </ul>
 *
 * <p>A run stopped by a system does not throw: its {@link SyncReport#stopCause()} says why. Misuse of the API (a
 * {@code null} argument, a builder missing a part) throws the JDK's {@code NullPointerException},
 * {@code IllegalArgumentException} or {@code IllegalStateException} as usual. Messages never hold a token or secret.
 */
public class SyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with its message.
   *
   * @param message what happened and how to fix it
   */
  protected SyncException(String message) {
    super(message);
  }

  /**
   * An exception with its message and cause.
   *
   * @param message what happened and how to fix it
   * @param cause the underlying failure, or null
   */
  protected SyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
