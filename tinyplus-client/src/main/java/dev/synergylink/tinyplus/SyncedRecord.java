package dev.synergylink.tinyplus;

import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * What every synced tiny+ record (project, company, contact, team member) has: its id, its timestamps and the
 * sync fields that link it to a record in another system.
 */
public interface SyncedRecord {
  /**
   * The record's id.
   *
   * @return the id
   */
  long id();

  /**
   * When the record was created: {@code created_date}, read in the account's time zone, whole seconds.
   *
   * @return the instant
   */
  Instant createdDate();

  /**
   * When the record last changed: {@code modified_date}, read in the account's time zone, whole seconds. Every
   * successful POST, PATCH or DELETE sets it, even when no value changed.
   *
   * @return the instant
   */
  Instant modifiedDate();

  /**
   * {@code external_url}: a link to this record in another system.
   *
   * @return the link, or null
   */
  @Nullable
  String externalUrl();

  /**
   * {@code remote_id}: the id of this record in the system it is synced with.
   *
   * @return the id there, or null
   */
  @Nullable
  String remoteId();

  /**
   * {@code sync_origin}: which system and account {@link #remoteId()} belongs to.
   *
   * @return the origin, or null
   */
  @Nullable
  String syncOrigin();

  /**
   * {@code is_synced}: whether the record is synced with another system.
   *
   * @return the flag; false when the API leaves it out
   */
  @Value.Default
  default boolean isSynced() {
    return false;
  }

  /**
   * {@code locked_fields}: the fields the tiny+ app shows read-only. The API does not enforce it.
   *
   * @return the API names of the locked fields, possibly empty
   */
  List<String> lockedFields();

  /**
   * {@code record_url}: this record in the tiny+ app (read only).
   *
   * @return the link, or null
   */
  @Nullable
  String recordUrl();
}
