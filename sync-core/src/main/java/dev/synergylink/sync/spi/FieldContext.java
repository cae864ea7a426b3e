package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncSettings;

/**
 * What a field rule may ask the engine while it reads or writes a value: the settings, the link table (to turn an
 * id on one side into the linked id on the other), the Synergy web links and, during a projects sync, the project
 * look-ups ({@link #projects()}). Given to rules by the engine; not thread-safe.
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
   * Whether a Synergy record has a link, live or orphaned: it was linked with a tiny+ record, even if one of the two
   * was deleted since. A rule whose reading depends on the link table (a project manager linked with no team member
   * reads as a marked text) uses it to tell a record never linked from one whose link was orphaned, so that a
   * deletion on the other side does not read as a change of every record that names it. The default answers from
   * {@link #linkedTinyPlusId} (a live link only); a context over a link table should answer for orphaned links too.
   *
   * @param type the record type
   * @param synergyId the Synergy id
   * @return whether the record is linked, or was and its link is orphaned
   */
  default boolean hasSynergyLink(RecordType type, long synergyId) {
    return linkedTinyPlusId(type, synergyId) != null;
  }

  /**
   * The Synergy record a tiny+ record is linked with, live or orphaned: the counterpart of {@link #hasSynergyLink}
   * from the tiny+ side. A rule whose reading depends on the link table (a tiny+ assignee reads as the staff member
   * linked with them) uses it so that the deletion of a staff member does not read as a change of every tiny+ record
   * that names their team member. The default answers from {@link #linkedSynergyId} (a live link only).
   *
   * @param type the record type
   * @param tinyPlusId the tiny+ id
   * @return the Synergy id, or null when the record was never linked
   */
  @Nullable
  default Long linkedOrOrphanedSynergyId(RecordType type, long tinyPlusId) {
    return linkedSynergyId(type, tinyPlusId);
  }

  /**
   * The address of a Synergy record in the Synergy web app, for tiny+'s {@code external_url}.
   *
   * @param type the record type (its Synergy side: contact, personnel, staff or project)
   * @param synergyId the Synergy id
   * @return the link
   */
  String synergyWebLink(RecordType type, long synergyId);

  /**
   * What the project rules ask during a projects sync: the status mapping, project types, client companies (see
   * {@link ProjectContext}). The default has none, for a context made outside the engine (a rule's unit test).
   *
   * @return the projects sync's look-ups
   * @throws IllegalStateException outside a projects sync
   */
  default ProjectContext projects() {
    throw new IllegalStateException("the project field rules run only inside the engine's projects sync");
  }
}
