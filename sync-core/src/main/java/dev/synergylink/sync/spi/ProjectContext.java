package dev.synergylink.sync.spi;

import dev.synergylink.sync.Nullable;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StatusMapping;
import dev.synergylink.tinyplus.Project;
import java.util.List;

/**
 * What the project field rules ask the engine during a projects sync, beyond {@link FieldContext}: the status
 * mapping (checked against both systems' lists before a status is written), tiny+'s project types (registered as
 * Synergy's turn up), the client companies (synced first when they are not yet), and a place to report a field left
 * as it is. Reached through {@link FieldContext#projects()}; one per run, loaded lazily, so a quiet cycle spends no
 * call on it. Not thread-safe.
 *
 * <p>A method that finds the projects sync cannot run (no status mapping, a status or phase left unmapped) stops the
 * whole projects sync with one sentence per problem; no project is touched.
 */
public interface ProjectContext {
  /**
   * The status mapping as the settings hold it, for reading (comparing) values: no API call.
   *
   * @return the mapping
   */
  StatusMapping statusMapping();

  /**
   * The status mapping checked against Synergy's project statuses and tiny+'s phases listing: both are listed the
   * first time a run asks (every write of a status does), so a status or phase added since the mapping was saved
   * stops the projects sync instead of being written wrong.
   *
   * @return the mapping
   */
  StatusMapping checkedStatusMapping();

  /**
   * Notes the status just read from a Synergy project, so that its tiny+ partner, read next, is read in terms of it
   * ({@link #partnerStatuses}).
   *
   * @param synergyProjectId the Synergy project
   * @param statusId its status
   */
  void noteSynergyStatus(long synergyProjectId, long statusId);

  /**
   * The Synergy statuses a tiny+ project's state and phase may stand for, first the one most likely meant: the
   * status of its Synergy partner when the rules have just read it ({@link #noteSynergyStatus}), then the status
   * last synced for the pair. Where several Synergy statuses map to one tiny+ phase, the phase reads as the one of
   * these that maps to it, so the pair agrees.
   *
   * @param project the tiny+ project
   * @return the statuses, possibly empty
   */
  List<Long> partnerStatuses(Project project);

  /**
   * Notes which project the rules are reading, so that {@link #fieldNotSynced} names it and its partner.
   *
   * @param side the system
   * @param projectId the project's id there
   */
  void reading(Side side, long projectId);

  /**
   * Reports a field left as it is on the project being synced (the project itself syncs): a
   * {@code FIELD_NOT_SYNCED} event in the report.
   *
   * @param into the system the value could not be written to
   * @param field the rule name
   * @param message why, and what to do
   */
  void fieldNotSynced(Side into, String field, String message);

  /**
   * The tiny+ spelling of a project type, registered in tiny+ when it is missing there.
   *
   * @param name the type name
   * @return the name as tiny+ knows it, or null when tiny+ refused to add it
   */
  @Nullable
  String tinyPlusProjectType(String name);

  /**
   * The Synergy contact of a tiny+ client company: the linked one, else the company synced to Synergy now (when the
   * Companies sync is on).
   *
   * @param tinyPlusCompanyId the tiny+ company
   * @return the Synergy contact id
   * @throws SkipRecordException when the company is not synced and cannot be now, saying why and what to do
   */
  long synergyClient(long tinyPlusCompanyId);

  /**
   * The tiny+ company of a Synergy client contact: the linked one, else the contact synced to tiny+ now (when the
   * Companies sync is on).
   *
   * @param synergyContactId the Synergy contact
   * @return the tiny+ company id
   * @throws SkipRecordException when the contact is not synced and cannot be now, saying why and what to do
   */
  long tinyPlusClient(long synergyContactId);
}
