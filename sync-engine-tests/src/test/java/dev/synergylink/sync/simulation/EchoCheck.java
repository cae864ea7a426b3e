package dev.synergylink.sync.simulation;

import dev.synergylink.sync.testkit.FakeOperation;
import dev.synergylink.sync.testkit.FakeWrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The no-echo invariant, after convergence: a further quiet cycle writes nothing and makes no call but lists and the
 * retries of quarantined records; an idle cycle after it lists one page per type and side (with the largest page
 * size). Not thread-safe.
 */
final class EchoCheck {
  private final World world;

  EchoCheck(World world) {
    this.world = world;
  }

  /** Runs quiet cycle {@code i} (3 or 4) and checks what it spent. */
  void quietCycle(int i) {
    world.clock.advance(World.QUIET_GAP);
    Map<FakeOperation, Long> synergyBefore = world.synergy.calls().asMap();
    Map<FakeOperation, Long> tinyPlusBefore = world.tinyPlus.calls().asMap();
    // quarantined or excluded records are retried by id when due: a read of each side, the read of the Synergy
    // record before writing over it, and a write attempt
    long retries = world.store.failures(World.CONNECTION).size();
    int synergyWrites = world.synergy.writes().size();
    int tinyPlusWrites = world.tinyPlus.writes().size();
    Set<String> managersApart = world.managersApart.keptApartNow();
    world.quietCycle(i);
    if (world.synergy.writes().size() != synergyWrites || world.tinyPlus.writes().size() != tinyPlusWrites) {
      List<FakeWrite> echo = new ArrayList<>(
          world.synergy.writes().subList(synergyWrites, world.synergy.writes().size()));
      echo.addAll(world.tinyPlus.writes().subList(tinyPlusWrites, world.tinyPlus.writes().size()));
      // a manager the convergence check excused (kept apart by the staff-link rules, see ManagersApart)
      // settles when its pair is next merged (a retry of the pair for another reason, say): that write is no echo
      echo.removeIf(w -> w.action() == FakeWrite.Action.UPDATE && managersApart.contains(w.resource() + "/" + w.id())
          && w.members().keySet().equals(Set.of(w.resource().equals("Projects") ? "managerId" : "assigned_user"))
          && world.exemptions.used(Exemption.ECHO_MANAGER_SETTLED));
      if (!echo.isEmpty()) {
        throw new InvariantViolation("echo", "quiet cycle " + i + " after convergence wrote " + echo);
      }
    }
    Map<FakeOperation, Long> spent = delta(synergyBefore, world.synergy.calls().asMap());
    spent.putAll(delta(tinyPlusBefore, world.tinyPlus.calls().asMap()));
    long other = 0;
    for (Map.Entry<FakeOperation, Long> e : spent.entrySet()) {
      if (e.getKey().isWrite() || e.getKey().pathTemplate().endsWith("{id}")) {
        other += e.getValue();
        continue;
      }
      if (i == 4 && world.settings.pageSize() == 100 && retries == 0 && e.getValue() != 1) {
        throw new InvariantViolation("echo", "an idle cycle made more than one list call per type and side: "
            + spent);
      }
    }
    if (other > 4 * retries) {
      throw new InvariantViolation("echo", "quiet cycle " + i + " made " + other + " calls other than lists with"
          + " only " + retries + " quarantined records to retry: " + spent);
    }
    long lists = spent.keySet().stream().filter(o -> !o.isWrite() && !o.pathTemplate().endsWith("{id}")).count();
    if (i == 4 && world.settings.pageSize() == 100 && retries == 0
        && lists != 2 * world.settings.enabledTypes().size()) {
      throw new InvariantViolation("echo", "an idle cycle did not list each type on each side once: " + spent);
    }
  }

  private static Map<FakeOperation, Long> delta(Map<FakeOperation, Long> before, Map<FakeOperation, Long> after) {
    Map<FakeOperation, Long> spent = new LinkedHashMap<>();
    after.forEach((op, n) -> {
      long d = n - before.getOrDefault(op, 0L);
      if (d > 0) {
        spent.put(op, d);
      }
    });
    return spent;
  }
}
