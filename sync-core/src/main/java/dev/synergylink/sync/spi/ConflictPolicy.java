package dev.synergylink.sync.spi;

import dev.synergylink.sync.Side;

/**
 * Settles a field changed on both sides since the last sync. The losing value is kept in the report and the
 * health log. Implementations must be thread-safe and must not call out (no API calls, no blocking).
 *
 * <pre>{@code
 * SyncEngine.builder()...conflictPolicy(ConflictPolicy.synergyWins())
 * }</pre>
 */
@FunctionalInterface
public interface ConflictPolicy {
  /**
   * Which side's value wins.
   *
   * @param conflict the field, both values and the base
   * @return the winning side
   */
  Side resolve(FieldConflict conflict);

  /**
   * Synergy's value always wins.
   *
   * @return the policy
   */
  static ConflictPolicy synergyWins() {
    return conflict -> Side.SYNERGY;
  }

  /**
   * tiny+'s value always wins.
   *
   * @return the policy
   */
  static ConflictPolicy tinyPlusWins() {
    return conflict -> Side.TINYPLUS;
  }

  /**
   * The value of the record modified later wins; on a tie (tiny+ keeps whole seconds) Synergy wins.
   *
   * @return the policy
   */
  static ConflictPolicy newestWins() {
    return conflict -> conflict.tinyPlusModified().isAfter(conflict.synergyModified()) ? Side.TINYPLUS : Side.SYNERGY;
  }

  /**
   * The default: the field's owner wins (Synergy for {@link Direction#TO_TINYPLUS} and
   * {@link Direction#SYNERGY_AFTER_CREATE}, tiny+ for {@link Direction#TO_SYNERGY}); for {@link Direction#BOTH}
   * the newest wins.
   *
   * @return the policy
   */
  static ConflictPolicy ownerWinsElseNewest() {
    ConflictPolicy newest = newestWins();
    return conflict -> {
      switch (conflict.direction()) {
        case TO_TINYPLUS:
        case SYNERGY_AFTER_CREATE:
          return Side.SYNERGY;
        case TO_SYNERGY:
          return Side.TINYPLUS;
        default:
          return newest.resolve(conflict);
      }
    };
  }
}
