package dev.synergylink.examples;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordType;

/** How the demo names record types and directions for people. */
final class Names {
  private Names() {}

  /** The tiny+ name of a record type in the plural, e.g. "companies". */
  static String plural(RecordType type) {
    switch (type) {
      case TEAM_MEMBER: return "team members";
      case COMPANY: return "companies";
      case CONTACT: return "contacts";
      default: return "projects";
    }
  }

  /** Both sides' names of a record type, e.g. "Synergy contacts <> tiny+ companies". */
  static String pair(RecordType type) {
    switch (type) {
      case TEAM_MEMBER: return "Synergy staff > tiny+ team members";
      case COMPANY: return "Synergy contacts <> tiny+ companies";
      case CONTACT: return "Synergy personnel <> tiny+ contacts";
      default: return "Synergy projects <> tiny+ projects";
    }
  }

  /** An arrow for a flow. */
  static String arrow(Flow flow) {
    return flow == Flow.SYNERGY_TO_TINYPLUS ? "Synergy -> tiny+" : "tiny+ -> Synergy";
  }
}
