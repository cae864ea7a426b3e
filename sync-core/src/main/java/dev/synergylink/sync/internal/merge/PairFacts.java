package dev.synergylink.sync.internal.merge;

import dev.synergylink.sync.RecordType;
import java.time.Instant;

/**
 * What a conflict reports about the pair besides the field: its type, ids and the records' modified instants.
 *
 * @param type the record type
 * @param synergyId the Synergy id
 * @param tinyPlusId the tiny+ id
 * @param synergyModified the Synergy record's modified instant, or null when it was not seen
 * @param tinyPlusModified the tiny+ record's modified instant, or null when it was not seen
 */
public record PairFacts(RecordType type, long synergyId, long tinyPlusId, Instant synergyModified,
    Instant tinyPlusModified) {}
