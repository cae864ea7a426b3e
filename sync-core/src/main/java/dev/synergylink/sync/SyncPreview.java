package dev.synergylink.sync;

import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What a run would do, worked out without writing anything: per record what would happen ({@link #records()}), with
 * the totals the run's report would give ({@link #report()}). Made by {@link SyncEngine#previewSyncOnce()},
 * {@link SyncEngine#previewDownloadAll} and {@link SyncEngine#previewUploadAll}.
 *
 * <pre>{@code
 * SyncPreview preview = engine.previewDownloadAll(RecordType.COMPANY, ProgressListener.none());
 * preview.count(RecordOutcome.CREATED);          // companies that would be created in tiny+
 * preview.records(RecordOutcome.LINKED);         // matched with an existing tiny+ company, and by which key
 * if (userConfirms(preview.report().summary())) {
 *   engine.downloadAll(RecordType.COMPANY, progress);
 * }
 * }</pre>
 *
 * <p>A preview reads both systems as the run would and writes to neither, nor to the state store. Its counts are
 * those of the run made right after it on the same data; a write that a system would refuse is found only by
 * sending it, so a preview shows it as it would be sent.
 */
@SyncStyle
@Value.Immutable
public interface SyncPreview {
  /**
   * The run previewed.
   *
   * @return {@link SyncReport.Operation#SYNC}, {@link SyncReport.Operation#DOWNLOAD_ALL} or
   *     {@link SyncReport.Operation#UPLOAD_ALL}
   */
  SyncReport.Operation operation();

  /**
   * What would be done with each record, in the order the run would handle them.
   *
   * @return the records
   */
  List<PreviewRecord> records();

  /**
   * The report the run would give: its totals per record type and direction ({@link SyncReport#counts()}), problems,
   * conflicts, stopped types and, when a system stopped the preview, its {@link SyncReport#stopCause()}. Its API call
   * counts are those of the preview's own reads.
   *
   * @return the report
   */
  SyncReport report();

  /**
   * The records with one outcome.
   *
   * @param outcome the outcome
   * @return the records, in order
   */
  default List<PreviewRecord> records(RecordOutcome outcome) {
    return records().stream().filter(r -> r.outcome() == outcome).collect(Collectors.toList());
  }

  /**
   * How many records would have one outcome, over every record type and direction.
   *
   * @param outcome the outcome
   * @return the count
   */
  default int count(RecordOutcome outcome) {
    return records(outcome).size();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSyncPreview.Builder builder() {
    return ImmutableSyncPreview.builder();
  }
}
