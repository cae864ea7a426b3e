package dev.synergylink.sync;

import org.immutables.value.Value;

/**
 * One member a previewed write would set on one record, with the value the record holds now and the value it would
 * hold. With {@link SyncSettings#valuesInReports()} off, both values are left out (null) and only the member's name
 * is shown.
 */
@SyncStyle
@Value.Immutable
public interface FieldChange {
  /**
   * The system written to.
   *
   * @return the side
   */
  Side side();

  /**
   * The member, as that system's API names it ({@code "office_phone"}, {@code "officeAddress"}); the engine's own
   * markers ({@code remote_id}, {@code sync_origin}, {@code is_synced}, {@code locked_fields}) are members too.
   *
   * @return the member name
   */
  String field();

  /**
   * The value the record holds now, as text.
   *
   * @return the value; null when the record has none, for a record that would be created, or when values are kept
   *     out of reports
   */
  @Nullable
  String oldValue();

  /**
   * The value the write would set, as text.
   *
   * @return the value; null when the write clears it, or when values are kept out of reports
   */
  @Nullable
  String newValue();

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableFieldChange.Builder builder() {
    return ImmutableFieldChange.builder();
  }
}
