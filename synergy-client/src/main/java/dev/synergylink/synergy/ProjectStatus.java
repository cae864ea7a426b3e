package dev.synergylink.synergy;

import org.immutables.value.Value;

/**
 * A project status of the organisation: one of the six {@link StatusType}s or a firm's own status under one of
 * them, such as {@code "Active - Documentation"}.
 */
@SynergyStyle
@Value.Immutable
public interface ProjectStatus {
  /**
   * The status id, as in {@link Project#statusId()}.
   *
   * @return the id
   */
  long id();

  /**
   * The status name.
   *
   * @return the name shown in Synergy
   */
  String name();

  /**
   * The fixed type this status belongs to.
   *
   * @return the type, {@link StatusType#UNKNOWN} for a type this client does not know
   */
  StatusType statusType();

  /**
   * The likelihood of winning, for proposal statuses only.
   *
   * @return a percentage from 0 to 100, or {@code null}
   */
  @Nullable Integer likelihood();

  /**
   * Whether the status can still be given to projects.
   *
   * @return {@code false} for a retired status
   */
  boolean isActive();

  /**
   * A new builder.
   *
   * @return a builder
   */
  static ImmutableProjectStatus.Builder builder() {
    return ImmutableProjectStatus.builder();
  }
}
