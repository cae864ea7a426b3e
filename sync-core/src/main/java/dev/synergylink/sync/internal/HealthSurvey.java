package dev.synergylink.sync.internal;

import dev.synergylink.sync.HealthCounts;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncHealth;
import dev.synergylink.sync.internal.state.FieldState;
import dev.synergylink.sync.internal.state.PairState;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a connection's health from the state store alone (no API call). */
public final class HealthSurvey {
  private HealthSurvey() {}

  /** One record on one side, to match failures with links. */
  private record Ref(Side side, long id) {}

  /**
   * The connection's health: per type the pairs in sync, the records failing, excluded or orphaned, the fields kept
   * apart and the pairs held back (read from each link's stored state), with each failure and every orphaned link.
   *
   * @param store the state store
   * @param connectionId the connection
   * @return the health
   */
  public static SyncHealth of(StateStore store, String connectionId) {
    List<RecordFailure> failures = store.failures(connectionId);
    Map<RecordType, HealthCounts> counts = new EnumMap<>(RecordType.class);
    List<Link> orphaned = new ArrayList<>();
    for (RecordType type : RecordType.values()) {
      Set<Ref> failing = new HashSet<>();
      int failingCount = 0;
      int excluded = 0;
      for (RecordFailure failure : failures) {
        if (failure.recordType() == type) {
          failing.add(new Ref(failure.side(), failure.recordId()));
          if (failure.kind() == RecordFailure.Kind.EXCLUDED) {
            excluded++;
          } else {
            failingCount++;
          }
        }
      }
      int inSync = 0;
      int orphans = 0;
      int fieldsNotSynced = 0;
      int heldBack = 0;
      for (Link link : store.links(connectionId, type)) {
        if (link.orphaned()) {
          orphans++;
          orphaned.add(link);
          continue;
        }
        if (!failing.contains(new Ref(Side.SYNERGY, link.synergyId()))
            && !failing.contains(new Ref(Side.TINYPLUS, link.tinyPlusId()))) {
          inSync++;
        }
        // what the pair's state says of its fields: kept apart (not synced), or a tiny+ change held back
        boolean held = false;
        for (FieldState field : PairState.decode(link.state()).fields().values()) {
          if (field.kind() == FieldState.Kind.APART) {
            fieldsNotSynced++;
          }
          held |= field.heldBack();
        }
        heldBack += held ? 1 : 0;
      }
      counts.put(type, HealthCounts.builder().inSync(inSync).failing(failingCount).excluded(excluded)
          .orphaned(orphans).fieldsNotSynced(fieldsNotSynced).heldBack(heldBack).build());
    }
    return SyncHealth.builder().counts(counts).failures(failures).orphanedLinks(orphaned).build();
  }
}
