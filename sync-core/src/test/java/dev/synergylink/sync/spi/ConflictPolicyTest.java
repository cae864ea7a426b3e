package dev.synergylink.sync.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConflictPolicyTest {
  private static final Instant EARLY = Instant.parse("2026-11-28T01:00:00.500Z");
  private static final Instant LATE = Instant.parse("2026-11-28T01:00:05Z");

  private static FieldConflict conflict(Direction direction, Instant synergy, Instant tinyPlus) {
    return FieldConflict.builder().recordType(RecordType.COMPANY).field("phone").direction(direction)
        .synergyId(1).tinyPlusId(2).base("1").synergyValue("2").tinyPlusValue("3")
        .synergyModified(synergy).tinyPlusModified(tinyPlus).build();
  }

  @Test
  void fixedPoliciesIgnoreTime() {
    assertThat(ConflictPolicy.synergyWins().resolve(conflict(Direction.BOTH, EARLY, LATE))).isEqualTo(Side.SYNERGY);
    assertThat(ConflictPolicy.tinyPlusWins().resolve(conflict(Direction.BOTH, LATE, EARLY))).isEqualTo(Side.TINYPLUS);
  }

  @Test
  void newestWinsAndATieGoesToSynergy() {
    ConflictPolicy newest = ConflictPolicy.newestWins();
    assertThat(newest.resolve(conflict(Direction.BOTH, EARLY, LATE))).isEqualTo(Side.TINYPLUS);
    assertThat(newest.resolve(conflict(Direction.BOTH, LATE, EARLY))).isEqualTo(Side.SYNERGY);
    assertThat(newest.resolve(conflict(Direction.BOTH, LATE, LATE))).isEqualTo(Side.SYNERGY);
  }

  @Test
  void theDefaultLetsTheOwnerWinElseTheNewest() {
    ConflictPolicy policy = ConflictPolicy.ownerWinsElseNewest();
    assertThat(policy.resolve(conflict(Direction.TO_TINYPLUS, EARLY, LATE))).isEqualTo(Side.SYNERGY);
    assertThat(policy.resolve(conflict(Direction.SYNERGY_AFTER_CREATE, EARLY, LATE))).isEqualTo(Side.SYNERGY);
    assertThat(policy.resolve(conflict(Direction.TO_SYNERGY, LATE, EARLY))).isEqualTo(Side.TINYPLUS);
    assertThat(policy.resolve(conflict(Direction.BOTH, EARLY, LATE))).isEqualTo(Side.TINYPLUS);
  }
}
