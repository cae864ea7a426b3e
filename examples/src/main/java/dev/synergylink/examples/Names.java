package dev.synergylink.examples;

import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import java.util.Locale;

/**
 * How the examples name records for people, the way {@link dev.synergylink.sync.SyncReport#toText()} does: the
 * record type in words, then the side as users see it, e.g. "contact tiny+ 20040".
 */
final class Names {
  private Names() {}

  /** A record type in words, e.g. "team member". */
  static String singular(RecordType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A record type in words, in the plural, e.g. "companies". */
  static String plural(RecordType type) {
    return type == RecordType.COMPANY ? "companies" : singular(type) + "s";
  }

  /** A side as users see it: "Synergy" or "tiny+". */
  static String side(Side side) {
    return side == Side.SYNERGY ? "Synergy" : "tiny+";
  }

  /** One record, e.g. "contact tiny+ 20040". */
  static String record(RecordType type, Side side, long id) {
    return singular(type) + " " + side(side) + " " + id;
  }

  /** A linked pair, e.g. "company Synergy 1015 / tiny+ 10002". */
  static String pair(RecordType type, long synergyId, long tinyPlusId) {
    return singular(type) + " Synergy " + synergyId + " / tiny+ " + tinyPlusId;
  }

  /** A report's problem in one line, as {@link dev.synergylink.sync.SyncReport#toText()} writes it. */
  static String problem(RecordEvent e) {
    String record = e.synergyId() != null && e.tinyPlusId() != null
        ? pair(e.recordType(), e.synergyId(), e.tinyPlusId())
        : e.synergyId() != null ? record(e.recordType(), Side.SYNERGY, e.synergyId())
        : record(e.recordType(), Side.TINYPLUS, e.tinyPlusId());
    String outcome = e.outcome() == RecordOutcome.FIELD_NOT_SYNCED ? "not synced"
        : e.outcome().name().toLowerCase(Locale.ROOT);
    return outcome + ": " + record + (e.field() == null ? "" : ", field " + e.field())
        + (e.message() == null ? "" : ": " + e.message());
  }
}
