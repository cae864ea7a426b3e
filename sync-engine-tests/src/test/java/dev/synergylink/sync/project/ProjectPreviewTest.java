package dev.synergylink.sync.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synergylink.sync.PreviewRecord;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncPreview;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.testkit.FakeWrite;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.ProjectCreate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Previews of projects runs, whose rules look statuses, phases and types up and bring a client company along: the
 * preview writes nothing (not even a project type) and the run then does what it said.
 */
class ProjectPreviewTest {
  private final ProjectFixture f = new ProjectFixture().ready();

  /** Changes on both sides: a linked project edited, a new Synergy project of a new type, a new tiny+ project. */
  private Project changesOnBothSides() {
    Project linked = f.syncedProject(f.newProject("Office").build());
    f.clock.advance(Duration.ofMinutes(1));
    f.synergy.webApp().editProject(linked.id(), ProjectPatch.builder().name("Head Office").build());
    f.synergy.webApp().createProject(f.newProject("Bridge").projectType("Heritage").build());
    long newco = f.tinyPlus.webApp().createCompany(CompanyCreate.builder().name("Newco").build()).id();
    f.tinyPlus.webApp().createProject(ProjectCreate.builder().name("Warehouse").clientCompany(newco).build());
    f.clock.advance(Duration.ofMinutes(1));
    return linked;
  }

  @Test
  void aCyclePreviewOfProjectsWritesNothingAndAgreesWithTheCycle() {
    Project linked = changesOnBothSides();

    SyncPreview preview = previewWritingNothing(() -> f.engine.previewSyncOnce());

    assertThat(preview.records(RecordOutcome.UPDATED)).filteredOn(r -> r.recordType() == RecordType.PROJECT)
        .extracting(PreviewRecord::synergyId).contains(linked.id());
    assertSameOutcomes(preview, f.engine.syncOnce());
    assertThat(f.tinyPlus.webApp().projectTypes()).extracting(t -> t.name()).contains("Heritage");
  }

  @Test
  void transferPreviewsOfProjectsWriteNothingAndAgreeWithTheTransfers() {
    changesOnBothSides();

    SyncPreview upload = previewWritingNothing(() -> f.engine.previewUploadAll(RecordType.PROJECT,
        ProgressListener.none()));
    assertSameOutcomes(upload, f.engine.uploadAll(RecordType.PROJECT, ProgressListener.none()));

    f.clock.advance(Duration.ofMinutes(1));
    SyncPreview download = previewWritingNothing(() -> f.engine.previewDownloadAll(RecordType.PROJECT,
        ProgressListener.none()));
    assertSameOutcomes(download, f.engine.downloadAll(RecordType.PROJECT, ProgressListener.none()));
  }

  private SyncPreview previewWritingNothing(Supplier<SyncPreview> preview) {
    f.synergy.clearWrites();
    f.tinyPlus.clearWrites();
    String before = state();

    SyncPreview made = preview.get();

    List<FakeWrite> writes = new ArrayList<>(f.synergy.writes());
    writes.addAll(f.tinyPlus.writes());
    assertThat(writes).isEmpty();
    assertThat(state()).isEqualTo(before);
    return made;
  }

  private String state() {
    StringBuilder all = new StringBuilder();
    for (RecordType type : RecordType.values()) {
      all.append(f.store.links("acme", type)).append(f.store.pendingCreates("acme", type));
    }
    return all.append(f.store.failures("acme")).append(f.store.cursors("acme")).toString();
  }

  private static void assertSameOutcomes(SyncPreview preview, SyncReport real) {
    assertThat(preview.report().stopCause()).isNull();
    assertThat(preview.report().counts()).isEqualTo(real.counts());
    assertThat(preview.report().problems()).extracting(RecordEvent::outcome, RecordEvent::recordType,
            RecordEvent::message)
        .isEqualTo(real.problems().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.outcome(),
            e.recordType(), e.message())).collect(Collectors.toList()));
  }
}
