package dev.synergylink.sync.internal;

import dev.synergylink.sync.FieldChange;
import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.PreviewRecord;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.SyncPreview;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.SyncListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Previews of the engine's runs: the very run (the same operations, stages and rules) over a copy of the connection's
 * state ({@link PreviewStore}) and over clients that read the systems and keep every write instead of sending it
 * ({@link PreviewTinyPlus}, {@link PreviewSynergy}). So the plan cannot drift from what the run does, and nothing
 * reaches either system, the host's state store or the listeners. Thread-safe: each preview has its own copies.
 */
public final class Previews {
  private final EngineConfig config;

  /**
   * The previews of one engine.
   *
   * @param config what the engine was built with
   */
  public Previews(EngineConfig config) {
    this.config = config;
  }

  /**
   * What one cycle would do now.
   *
   * @return the preview
   */
  public SyncPreview cycle() {
    return preview(SyncReport.Operation.SYNC, SyncOperations::cycle);
  }

  /**
   * What Download all or Upload all of a type would do now.
   *
   * @param type the record type
   * @param from the side the records come from
   * @param progress told done / total after each record
   * @param operation {@link SyncReport.Operation#DOWNLOAD_ALL} or {@link SyncReport.Operation#UPLOAD_ALL}
   * @return the preview
   */
  public SyncPreview transfer(RecordType type, Side from, ProgressListener progress, SyncReport.Operation operation) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(progress, "progress == null: pass ProgressListener.none() to ignore progress");
    return preview(operation, operations -> operations.transfer(type, from, progress, operation));
  }

  private SyncPreview preview(SyncReport.Operation operation, Function<SyncOperations, SyncReport> run) {
    String connection = config.connectionId();
    config.store().currentLease(connection, config.clock().instant()).ifPresent(lease -> {
      throw new LeaseHeldException("lease held: connection '" + connection + "' is being synced by '"
          + lease.holder() + "' until " + lease.expiresAt() + "; a preview made now would show writes that run is"
          + " making: preview again when it ends");
    });
    PreviewWrites writes = new PreviewWrites(config.clock());
    List<RecordEvent> events = new ArrayList<>();
    SyncListener collect = new SyncListener() {
      @Override
      public void onRecord(RecordEvent event) {
        events.add(event);
      }
    };
    EngineConfig preview = new EngineConfig(new PreviewSynergy(config.synergy(), writes),
        new PreviewTinyPlus(config.tinyPlus(), writes), PreviewStore.copyOf(config.store(), connection),
        config.settings(), config.companyMapping(), config.contactMapping(), config.teamMemberMapping(),
        config.projectMapping(), config.conflictPolicy(), config.clock(), List.of(collect),
        "preview of " + config.holder());
    TypeBindings bindings = new TypeBindings(preview);
    SyncReport report = run.apply(new SyncOperations(preview, bindings,
        new LeaseRunner(preview, new RecentReports(1))));
    Map<RecordType, TypeBinding<?, ?>> table = bindings.forRun(new ApiCalls());
    List<PreviewRecord> records = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    for (RecordEvent event : events) {
      records.add(record(event, writes, table.get(event.recordType()), shown));
    }
    return SyncPreview.builder().operation(operation).records(records).report(report).build();
  }

  private PreviewRecord record(RecordEvent event, PreviewWrites writes, TypeBinding<?, ?> binding,
      Set<String> shown) {
    Side target = event.flow().target();
    List<FieldChange> changes = new ArrayList<>(changes(event, target, writes, shown));
    if (event.outcome() == RecordOutcome.LINKED) {
      changes.addAll(changes(event, target.other(), writes, shown)); // a match may align both records
    }
    if (!config.settings().valuesInReports()) {
      changes.replaceAll(c -> FieldChange.builder().from(c).oldValue(null).newValue(null).build());
    }
    return PreviewRecord.builder()
        .recordType(event.recordType())
        .flow(event.flow())
        .outcome(event.outcome())
        .synergyId(real(event.synergyId()))
        .tinyPlusId(real(event.tinyPlusId()))
        .matchedBy(event.outcome() == RecordOutcome.LINKED ? matchedBy(event, writes, binding) : null)
        .fields(event.fields())
        .changes(changes)
        .message(event.message())
        .build();
  }

  /** The changes a record's write on one side would make, each record's shown once (with its first event). */
  private static List<FieldChange> changes(RecordEvent event, Side side, PreviewWrites writes, Set<String> shown) {
    Long id = side == Side.SYNERGY ? event.synergyId() : event.tinyPlusId();
    if (id == null || event.outcome() == RecordOutcome.FIELD_NOT_SYNCED
        || !shown.add(event.recordType() + "/" + side + "/" + id)) {
      return List.of();
    }
    return writes.changes(event.recordType(), side, id);
  }

  /**
   * How a matched pair was found, from the two records as the preview read them before writing: the engine's marker
   * on either, else the first natural key both hold alike (the order the engine tries them in).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String matchedBy(RecordEvent event, PreviewWrites writes, TypeBinding binding) {
    if (event.synergyId() == null || event.tinyPlusId() == null || binding == null) {
      return null;
    }
    long synergyId = event.synergyId();
    long tinyPlusId = event.tinyPlusId();
    Object s = writes.before(event.recordType(), Side.SYNERGY, synergyId);
    Object t = writes.before(event.recordType(), Side.TINYPLUS, tinyPlusId);
    if (t != null && Long.valueOf(synergyId).equals(binding.tinyPlus().markedPartner(t))
        || s != null && Long.valueOf(tinyPlusId).equals(binding.synergy().markedPartner(s))) {
      return PreviewRecord.MATCHED_BY_MARKER;
    }
    if (s == null || t == null) {
      return null;
    }
    for (Object k : binding.naturalKeys()) {
      TypeBinding.NaturalKey key = (TypeBinding.NaturalKey) k;
      String value = key.ofSynergy(s);
      if (value != null && !value.isEmpty() && value.equals(key.ofTinyPlus(t))) {
        return key.name();
      }
    }
    return null;
  }

  private static Long real(Long id) {
    return id == null || PreviewWrites.placeholder(id) ? null : id;
  }
}
