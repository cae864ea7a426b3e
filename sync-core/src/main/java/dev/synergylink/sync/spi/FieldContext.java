package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncSettings;

/**
 * What a field rule may ask the engine while it reads or writes a value: the link table (to turn an id on one side
 * into the linked id on the other) and the Synergy web links. Given to rules by the engine; not thread-safe.
 */
public interface FieldContext {
  /**
   * The connection's settings (for example the activating user, whom an unlinked project manager defaults to).
   *
   * @return the settings
   */
  SyncSettings settings();

  /**
   * The Synergy organisation (its slug, as in its web links) of this connection.
   *
   * @return the organisation
   */
  String synergyOrganisation();

  /**
   * The Synergy record linked with a tiny+ record.
   *
   * @param type the record type
   * @param tinyPlusId the tiny+ id
   * @return the Synergy id, or null when the record is not linked (or its link is orphaned)
   */
  @Nullable
  Long linkedSynergyId(RecordType type, long tinyPlusId);

  /**
   * The tiny+ record linked with a Synergy record.
   *
   * @param type the record type
   * @param synergyId the Synergy id
   * @return the tiny+ id, or null when the record is not linked (or its link is orphaned)
   */
  @Nullable
  Long linkedTinyPlusId(RecordType type, long synergyId);

  /**
   * The address of a Synergy record in the Synergy web app, for tiny+'s {@code external_url}.
   *
   * @param type the record type (its Synergy side: contact, personnel, staff or project)
   * @param synergyId the Synergy id
   * @return the link
   */
  String synergyWebLink(RecordType type, long synergyId);
}
