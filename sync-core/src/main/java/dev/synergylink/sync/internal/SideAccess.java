package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.MemberValues;
import java.time.Instant;
import java.util.List;

/**
 * One record type on one system, as the engine needs it: list changes in (modified, id) order, get, find by the
 * engine's marker, create and patch from the field rules' typed members. Every method is one API call (counted) and
 * throws {@link RemoteFailure} on failure.
 *
 * @param <R> the record type
 */
public interface SideAccess<R> {
  /**
   * The system.
   *
   * @return the side
   */
  Side side();

  /**
   * A record's id.
   *
   * @param record the record
   * @return the id
   */
  long id(R record);

  /**
   * A record's modified instant.
   *
   * @param record the record
   * @return the instant
   */
  Instant modified(R record);

  /**
   * A record's created instant.
   *
   * @param record the record
   * @return the instant
   */
  Instant created(R record);

  /**
   * Whether a record is soft-deleted.
   *
   * @param record the record
   * @return true when deleted
   */
  boolean deleted(R record);

  /**
   * The id on the other side this record says it was copied from or linked to, by the engine's marker.
   *
   * @param record the record
   * @return the id, or null when the record carries no marker of this connection
   */
  Long markedPartner(R record);

  /**
   * Records modified at or after the whole second of {@code from}, ordered by (modified, id).
   *
   * @param from the lower bound (whole seconds)
   * @param offset the offset into the result (a multiple of {@code pageSize})
   * @param pageSize the page size
   * @return the page
   */
  ListPage<R> listChanged(Instant from, int offset, int pageSize);

  /**
   * Every record, ordered by id.
   *
   * @param offset the offset (a multiple of {@code pageSize})
   * @param pageSize the page size
   * @return the page
   */
  ListPage<R> listAll(int offset, int pageSize);

  /**
   * The deleted records that carry the engine's marker (a system whose lists leave deleted records out), ordered by
   * id: what a transfer must know so that it never copies a record again whose copy someone deleted.
   *
   * @param offset the offset (a multiple of {@code pageSize})
   * @param pageSize the page size
   * @return the page; empty where deleted records are not kept
   */
  default ListPage<R> listDeletedCopies(int offset, int pageSize) {
    return new ListPage<>(List.of(), 0, 0, List.of());
  }

  /**
   * A record by id (current, not lagging).
   *
   * @param id the id
   * @return the record
   */
  R get(long id);

  /**
   * The records that carry the engine's marker for a record of the other side.
   *
   * @param partnerId the id on the other side
   * @return the records found (usually none or one)
   */
  List<R> findByPartner(long partnerId);

  /**
   * Creates a record marked as the copy of a record of the other side.
   *
   * @param members the members from the field rules
   * @param partnerId the id on the other side, for the marker
   * @return the created record
   */
  R create(MemberValues<R> members, long partnerId);

  /**
   * Patches a record.
   *
   * @param id the id
   * @param members the members to change
   * @return the record after the change
   */
  R patch(long id, MemberValues<R> members);

  /**
   * Whether the engine may write to this side for this record type.
   *
   * @return false for Synergy staff
   */
  default boolean writable() {
    return true;
  }
}
