package dev.synergylink.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static List<Fault> calls(Faults faults, FakeOperation op, int n) {
    List<Fault> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      answers.add(faults.next(op));
    }
    return answers;
  }

  @Test
  void timesFailsTheNextCallsOnlyThenLetsCallsThrough() {
    Faults faults = new Faults(0);
    FaultRule rule = faults.on(SynergyOperation.CREATE_PROJECT).times(2).answer(Fault.unavailable());

    assertThat(faults.next(SynergyOperation.LIST_PROJECTS)).isNull();
    assertThat(calls(faults, SynergyOperation.CREATE_PROJECT, 3))
        .containsExactly(Fault.unavailable(), Fault.unavailable(), null);
    assertThat(rule.firedCount()).isEqualTo(2);
    assertThat(rule.isExhausted()).isTrue();
  }

  @Test
  void onCallFailsOnlyThatMatchingCallCountedFromInstallation() {
    Faults faults = new Faults(0);
    faults.next(TinyPlusOperation.LIST_COMPANIES);
    faults.on(TinyPlusOperation.LIST_COMPANIES).onCall(3).answer(Fault.timeout());

    assertThat(calls(faults, TinyPlusOperation.LIST_COMPANIES, 4)).containsExactly(null, null, Fault.timeout(), null);
  }

  @Test
  void aRuleWithoutCountFailsEveryMatchingCallUntilCancelled() {
    Faults faults = new Faults(0);
    FaultRule rule = faults.on(SynergyOperation.GET_PROJECT, SynergyOperation.GET_CONTACT)
        .answer(Fault.serverError(502));

    assertThat(faults.next(SynergyOperation.GET_CONTACT)).isEqualTo(Fault.serverError(502));
    assertThat(faults.next(SynergyOperation.GET_PROJECT)).isEqualTo(Fault.serverError(502));
    rule.cancel();
    assertThat(faults.next(SynergyOperation.GET_PROJECT)).isNull();
  }

  @Test
  void probabilityIsReplayableFromTheSeed() {
    long seed = System.nanoTime();
    System.out.println("FaultsTest seed " + seed);
    List<Fault> first = probabilisticRun(seed);
    List<Fault> again = probabilisticRun(seed);

    assertThat(again).isEqualTo(first);
    long failed = first.stream().filter(f -> f != null).count();
    assertThat(failed).as("failures out of 1000 at p=0.3, seed %d", seed).isBetween(200L, 400L);
  }

  private static List<Fault> probabilisticRun(long seed) {
    Faults faults = new Faults(seed);
    faults.onEveryOperation().withProbability(0.3).answer(Fault.rateLimited(Duration.ofSeconds(2)));
    return calls(faults, TinyPlusOperation.GET_PROJECT, 1000);
  }

  @Test
  void timesWithProbabilityStopsAfterTheCount() {
    Faults faults = new Faults(42);
    faults.on(TinyPlusOperation.PATCH_PROJECT).withProbability(0.5).times(3).answer(Fault.serverError());

    assertThat(calls(faults, TinyPlusOperation.PATCH_PROJECT, 200).stream().filter(f -> f != null)).hasSize(3);
  }

  @Test
  void theFirstFiringRuleWinsButEveryRuleCountsTheCall() {
    Faults faults = new Faults(0);
    faults.on(SynergyOperation.LIST_STAFF).times(1).answer(Fault.serverError());
    FaultRule second = faults.on(SynergyOperation.LIST_STAFF).onCall(2).answer(Fault.malformedBody());

    assertThat(calls(faults, SynergyOperation.LIST_STAFF, 3)).containsExactly(Fault.serverError(),
        Fault.malformedBody(), null);
    assertThat(second.seenCount()).isEqualTo(2);
  }

  @Test
  void badRulesAreRefusedWithTheFix() {
    Faults faults = new Faults(0);
    assertThatThrownBy(() -> faults.on(SynergyOperation.LIST_STAFF).times(0))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> faults.on(SynergyOperation.LIST_STAFF).times(1).onCall(2))
        .hasMessageContaining("cannot be combined");
    assertThatThrownBy(() -> faults.on(SynergyOperation.LIST_STAFF).withProbability(1.5))
        .hasMessageContaining("from 0 to 1");
    assertThatThrownBy(() -> Fault.serverError(404)).hasMessageContaining("500 to 599");
  }

  @Test
  void whichFaultsServeTheCallFirst() {
    assertThat(Fault.ambiguousCreate().servesCall(true)).isTrue();
    assertThat(Fault.ambiguousCreate().servesCall(false)).isFalse();
    assertThat(Fault.malformedBody().servesCall(false)).isTrue();
    assertThat(Fault.timeout().servesCall(true)).isFalse();
    assertThat(Fault.unavailable().servesCall(true)).isFalse();
  }
}
