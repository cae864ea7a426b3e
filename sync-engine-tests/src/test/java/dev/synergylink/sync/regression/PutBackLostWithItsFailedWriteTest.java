package dev.synergylink.sync.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.project.ProjectFixture;
import dev.synergylink.sync.testkit.Fault;
import dev.synergylink.sync.testkit.TinyPlusOperation;
import dev.synergylink.synergy.Project;
import dev.synergylink.tinyplus.ProjectPatch;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulation (seed 101027 of the wide 50-step survey with projects): a person edited the fee of a tiny+
 * project (Synergy owns it once the project exists there) and another field; the cycle sent that field to Synergy,
 * but its write that put Synergy's fee back failed (tiny+ answered 5xx). The link took the tiny+ version read in that
 * cycle as one it had seen, and the fee's merge base is Synergy's value. The next cycle listed the Synergy project
 * (the cycle had written it) before the retry was due, did not read the tiny+ project (no longer listed), found nothing
 * to send and ended the quarantine: the tiny+ edit stayed for good. A tiny+ version whose write failed is no longer
 * taken as seen: the next sync of the pair reads it and puts the fee back.
 */
class PutBackLostWithItsFailedWriteTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  @Test
  void theFeeIsPutBackOnceTinyPlusTakesWritesAgain() {
    // Given a Synergy project synced to tiny+, whose fee and description a person edits in tiny+ (then another
    // project, so that the tiny+ list has moved on), and a cycle that sends the description to Synergy and whose write
    // that puts Synergy's fee back fails
    Project project = f.syncedProject(f.newProject("Pool").build());
    Project later = f.syncedProject(f.newProject("Drive").build());
    long copy = f.copyOf(project).id();
    BigDecimal synergyFee = f.copyOf(project).value();
    f.tinyPlus.webApp().editProject(copy, ProjectPatch.builder().value(new BigDecimal("1500.50"))
        .description("Deep end").build());
    f.clock.advance(Duration.ofSeconds(30));
    f.tinyPlus.webApp().editProject(f.copyOf(later).id(), ProjectPatch.builder().description("Gravel").build());
    f.tinyPlus.faults().on(TinyPlusOperation.PATCH_PROJECT).times(1).answer(Fault.serverError());
    f.cycle();
    assertThat(f.tinyPlus.webApp().project(copy).value()).isEqualByComparingTo("1500.50");

    // When the next cycle runs soon after, before the retry is due (it lists the Synergy project, which the cycle
    // wrote), then later ones, with neither project edited
    f.clock.advance(Duration.ofSeconds(10));
    f.engine.syncOnce();
    for (int i = 0; i < 3; i++) {
      f.clock.advance(Duration.ofMinutes(20));
      f.cycle();
    }

    // Then Synergy's fee is back in tiny+, the description reached Synergy, and nothing is left failing
    assertThat(f.tinyPlus.webApp().project(copy).value()).isEqualByComparingTo(synergyFee);
    assertThat(f.synergy.webApp().project(project.id()).totalFee()).isEqualByComparingTo(synergyFee);
    assertThat(f.synergy.webApp().project(project.id()).scope()).isEqualTo("Deep end");
    assertThat(f.engine.health().failures()).isEmpty();
  }
}
