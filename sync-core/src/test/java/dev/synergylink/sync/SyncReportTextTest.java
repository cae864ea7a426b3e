package dev.synergylink.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldConflict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The report as a host logs it (one line) and prints it for people (a few lines). */
class SyncReportTextTest {
  private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

  /** A cycle with an edited company, a conflict, a refused ABN, a skipped contact and a field not synced. */
  private static SyncReport busyCycle() {
    return SyncReport.builder()
        .operation(SyncReport.Operation.SYNC)
        .startedAt(AT)
        .finishedAt(AT.plusSeconds(2))
        .addCounts(FlowCounts.builder().recordType(RecordType.TEAM_MEMBER).flow(Flow.SYNERGY_TO_TINYPLUS)
            .linked(1).build())
        .addCounts(FlowCounts.builder().recordType(RecordType.COMPANY).flow(Flow.SYNERGY_TO_TINYPLUS)
            .unchanged(3).build())
        .addCounts(FlowCounts.builder().recordType(RecordType.COMPANY).flow(Flow.TINYPLUS_TO_SYNERGY)
            .updated(1).conflicts(1).failed(1).unchanged(1).build())
        .addCounts(FlowCounts.builder().recordType(RecordType.CONTACT).flow(Flow.TINYPLUS_TO_SYNERGY)
            .skipped(1).build())
        .addConflicts(ResolvedConflict.builder()
            .conflict(FieldConflict.builder().recordType(RecordType.COMPANY).field("email")
                .direction(Direction.BOTH).synergyId(1015).tinyPlusId(10002).base("info@botany.example")
                .synergyValue("accounts@botany.example").tinyPlusValue("projects@botany.example")
                .synergyModified(AT).tinyPlusModified(AT.plusSeconds(60)).build())
            .winner(Side.TINYPLUS)
            .build())
        .addProblems(RecordEvent.builder().recordType(RecordType.COMPANY).flow(Flow.TINYPLUS_TO_SYNERGY)
            .outcome(RecordOutcome.FAILED).synergyId(1017L).tinyPlusId(10008L).field("abn")
            .message("Synergy refused it: is not a valid ABN").build())
        .addProblems(RecordEvent.builder().recordType(RecordType.CONTACT).flow(Flow.TINYPLUS_TO_SYNERGY)
            .outcome(RecordOutcome.SKIPPED).tinyPlusId(20040L)
            .message("it has no related company: give it a company that is synced with Synergy").build())
        .addProblems(RecordEvent.builder().recordType(RecordType.TEAM_MEMBER).flow(Flow.SYNERGY_TO_TINYPLUS)
            .outcome(RecordOutcome.FIELD_NOT_SYNCED).synergyId(107L).tinyPlusId(7L).field("email")
            .message("tiny+ does not let the API change an active team member's email").build())
        .putApiCalls(Side.SYNERGY, 8)
        .putApiCalls(Side.TINYPLUS, 6)
        .build();
  }

  @Test
  void textForPeopleNamesEachRecordByTypeAndSideAndTellsEachProblemWithItsReason() {
    assertThat(busyCycle().toText()).isEqualTo(String.join("\n",
        "team members  Synergy -> tiny+  1 linked to an existing record",
        "companies     tiny+ -> Synergy  1 updated (1 conflict settled), 1 failed",
        "contacts      tiny+ -> Synergy  1 skipped",
        "conflict: company Synergy 1015 / tiny+ 10002, field email, changed on both sides"
            + " (Synergy 'accounts@botany.example', tiny+ 'projects@botany.example'): tiny+'s value kept;"
            + " Synergy's is kept in this report",
        "failed: company Synergy 1017 / tiny+ 10008 (tiny+ -> Synergy), field abn: Synergy refused it: is not a"
            + " valid ABN",
        "skipped: contact tiny+ 20040 (tiny+ -> Synergy): it has no related company: give it a company that is"
            + " synced with Synergy",
        "not synced: team member Synergy 107 / tiny+ 7 (Synergy -> tiny+), field email: tiny+ does not let the API"
            + " change an active team member's email",
        "API calls: Synergy 8, tiny+ 6"));
  }

  @Test
  void summaryIsOneLineWithTheOperationCountsProblemsAndCalls() {
    assertThat(busyCycle().summary()).isEqualTo("Sync: team members Synergy -> tiny+ 1 linked to an existing record;"
        + " companies tiny+ -> Synergy 1 updated (1 conflict settled), 1 failed, 1 unchanged;"
        + " contacts tiny+ -> Synergy 1 skipped (1 failed, 1 skipped, 1 field not synced, 1 conflict);"
        + " API calls: Synergy 8, tiny+ 6");
  }

  @Test
  void aRunWithNothingToWriteSaysSo() {
    SyncReport quiet = SyncReport.builder().operation(SyncReport.Operation.DOWNLOAD_ALL).startedAt(AT)
        .finishedAt(AT).addCounts(FlowCounts.builder().recordType(RecordType.COMPANY)
            .flow(Flow.SYNERGY_TO_TINYPLUS).unchanged(21).build()).putApiCalls(Side.SYNERGY, 1).build();

    assertThat(quiet.toText()).isEqualTo("nothing to write: both sides already agree\nAPI calls: Synergy 1, tiny+ 0");
    assertThat(quiet.summary()).isEqualTo("Download all: nothing to write; API calls: Synergy 1, tiny+ 0");
  }

  @Test
  void aRunStoppedEarlyOrSwitchedOffSaysWhy() {
    SyncReport stopped = SyncReport.builder().operation(SyncReport.Operation.SYNC).startedAt(AT).finishedAt(AT)
        .stopCause(StopCause.builder().kind(StopCause.Kind.QUOTA_SPENT).side(Side.SYNERGY)
            .message("the Synergy daily quota is used up").exception(new IllegalStateException("quota")).build())
        .build();
    SyncReport off = SyncReport.builder().operation(SyncReport.Operation.SYNC).startedAt(AT).finishedAt(AT)
        .masterSwitchOff(true).build();

    assertThat(stopped.toText()).contains("stopped early: the Synergy daily quota is used up");
    assertThat(stopped.summary()).contains("; stopped early: the Synergy daily quota is used up;");
    assertThat(off.toText()).isEqualTo("master switch off: nothing done, no API call");
    assertThat(off.summary()).isEqualTo("Sync: master switch off, nothing done, no API call");
  }

  @Test
  void aRecordTypeThatStoppedWhileTheOthersWentOnIsNamedWithItsCause() {
    StopCause cause = StopCause.builder().kind(StopCause.Kind.SERVICE_UNAVAILABLE).side(Side.TINYPLUS)
        .message("tiny+ stopped the company sync: 503 Service Unavailable")
        .exception(new IllegalStateException("503")).build();
    SyncReport report = SyncReport.builder().operation(SyncReport.Operation.SYNC).startedAt(AT).finishedAt(AT)
        .putStoppedTypes(RecordType.COMPANY, cause).build();

    assertThat(report.aborted()).isFalse();
    assertThat(report.toText()).contains("companies stopped: tiny+ stopped the company sync: 503 Service Unavailable");
    assertThat(report.summary()).contains("; companies stopped: tiny+ stopped the company sync");
  }
}
