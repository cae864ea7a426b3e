package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;

/**
 * The one place the simulation reads the text of a value the engine reported: a conflict's losing value, as the
 * public field rules read the losing record at the merge ({@code FieldMappings}, {@code ProjectRules}: a related
 * record with no partner reads as a marked text, {@code tinyplus-company:ID} or {@code synergy-staff:ID}). It is
 * turned into the related record the person chose, so that it compares with the edit's value as the other side
 * reads it. This is a listener event's payload, not the engine's stored state.
 */
final class ConflictValue {
  private static final String UNLINKED_COMPANY = "tinyplus-company:";
  private static final String UNLINKED_STAFF = "synergy-staff:";

  private ConflictValue() {}

  /**
   * The losing value as the choice it names: a tiny+ company as its Synergy partner, through an orphaned link too
   * (when the company's link was orphaned between the edit and the merge, the engine read the tiny+ company the edit
   * chose, while the edit was recorded as that company's Synergy partner: both name the same choice); a Synergy
   * manager as its staff id, linked with a team member or not.
   */
  static String asChosen(World world, String value) {
    if (value != null && value.startsWith(UNLINKED_COMPANY)) {
      Link link = world.link(RecordType.COMPANY, Side.TINYPLUS,
          Long.parseLong(value.substring(UNLINKED_COMPANY.length())));
      return link == null ? value : Long.toString(link.synergyId());
    }
    return value != null && value.startsWith(UNLINKED_STAFF) ? value.substring(UNLINKED_STAFF.length()) : value;
  }
}
