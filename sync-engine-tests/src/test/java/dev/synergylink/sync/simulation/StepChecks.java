package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.sync.testkit.FakeWrite;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invariants cheap enough to check after every step: no duplicates, the direction rules (the engine never
 * writes what Synergy owns, nor Synergy staff) and cursors that only move forward. Not thread-safe.
 */
final class StepChecks {
  private final World world;
  private final Map<String, Cursor> cursors = new TreeMap<>();
  private int synergyWritesChecked;

  StepChecks(World world) {
    this.world = world;
  }

  void checkNoDuplicates() {
    for (View<?, ?> view : world.views.values()) {
      view.checkNoDuplicates();
    }
  }

  void checkDirections() {
    List<FakeWrite> writes = world.synergy.writes();
    for (int i = synergyWritesChecked; i < writes.size(); i++) {
      FakeWrite w = writes.get(i);
      if (w.source() != FakeWrite.Source.API) {
        continue;
      }
      if (w.resource().equals("Staff")) {
        throw new InvariantViolation("direction", "the engine wrote to Synergy staff: " + w);
      }
      RecordType type = World.synergyType(w.resource());
      if (type == null) {
        continue;
      }
      Set<String> allowed = new HashSet<>(Set.of("externalReference"));
      if (w.action() == FakeWrite.Action.CREATE) {
        allowed.add(type == RecordType.PROJECT ? "initialFee" : "contactType"); // the fee's create-only member
      }
      for (FieldRule<?, ?> rule : world.views.get(type).mapping.rules()) {
        if (rule.direction() == Direction.BOTH || rule.direction() == Direction.TO_SYNERGY
            || (rule.direction() == Direction.SYNERGY_AFTER_CREATE && w.action() == FakeWrite.Action.CREATE)) {
          allowed.add(rule.synergyField());
        }
      }
      for (String member : w.members().keySet()) {
        if (!allowed.contains(member)) {
          throw new InvariantViolation("direction", "the engine sent " + member + ", which Synergy owns or is not"
              + " synced, to Synergy: " + w);
        }
      }
    }
    synergyWritesChecked = writes.size();
  }

  void checkCursors() {
    Map<String, Cursor> now = world.cursors();
    for (Map.Entry<String, Cursor> e : now.entrySet()) {
      Cursor before = cursors.get(e.getKey());
      if (before != null && e.getValue().compareTo(before) < 0) {
        throw new InvariantViolation("cursor", e.getKey() + " moved back from " + before + " to " + e.getValue());
      }
    }
    cursors.putAll(now);
  }
}
