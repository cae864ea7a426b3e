package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.FlowCounts;
import dev.synergylink.sync.ImmutableSyncReport;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncSettings;
import dev.synergylink.sync.internal.project.ProjectRun;
import dev.synergylink.sync.internal.project.ProjectSyncRefused;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.TinyPlusApiException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's record-type runs: the cycle over every enabled type, and Download all / Upload all of one type. Each
 * runs under the lease through a {@link LeaseRunner}. Thread-safe.
 */
public final class SyncOperations {
  private static final Logger log = LoggerFactory.getLogger(SyncOperations.class);

  /**
   * The causes that stop one record type only. The others (credentials, permission, a spent quota or a rate limit,
   * the lease) would stop every type after it as well, so they stop the run.
   */
  private static final Set<StopCause.Kind> TYPE_ONLY = EnumSet.of(StopCause.Kind.SERVICE_UNAVAILABLE,
      StopCause.Kind.UNEXPECTED);

  private final EngineConfig config;
  private final TypeBindings bindings;
  private final LeaseRunner runner;
  private final StopCauses stopCauses;
  private volatile boolean statusMappingChecked;

  /**
   * The operations of one engine.
   *
   * @param config what the engine was built with
   * @param bindings the record-type binding table
   * @param runner runs each operation under the lease
   */
  public SyncOperations(EngineConfig config, TypeBindings bindings, LeaseRunner runner) {
    this.config = config;
    this.bindings = bindings;
    this.runner = runner;
    this.stopCauses = new StopCauses(config.synergy(), config.clock());
  }

  /**
   * One incremental cycle over every enabled record type, in dependency order; with the master switch off, a report
   * saying so and no API call. The writes already known of every type (creates left open, due retries) come before
   * the polls of any type, so that a short Synergy call budget is spent on them first and the polls wait.
   *
   * @return the report
   */
  public SyncReport cycle() {
    SyncSettings settings = config.settings();
    if (!settings.masterSwitch()) {
      return notRun(SyncReport.Operation.SYNC).masterSwitchOff(true).build();
    }
    return runner.run(SyncReport.Operation.SYNC, run -> {
      Map<RecordType, TypeBinding<?, ?>> all = bindings.forRun(run.calls());
      Map<RecordType, TypeSync<?, ?>> syncs = typeSyncs(run, settings, all);
      Map<RecordType, RuntimeException> stopped = new EnumMap<>(RecordType.class);
      // a type whose sync may not start yet (the projects before the companies' first poll): all of its cycle comes
      // after the polls of the types before it, which may make it ready; refused again, it stops the run there
      Set<RecordType> notReady = EnumSet.noneOf(RecordType.class);
      RuntimeException lastStop = null;
      for (Map.Entry<RecordType, TypeSync<?, ?>> entry : syncs.entrySet()) {
        RecordType type = entry.getKey();
        TypeSync<?, ?> sync = entry.getValue();
        RuntimeException stop;
        try {
          stop = step(run, type, () -> {
            prepare(run, type, all);
            sync.settleKnownWrites();
          });
        } catch (ProjectSyncRefused e) {
          notReady.add(type);
          continue;
        }
        if (stop != null) {
          stopped.put(type, stop);
          lastStop = stop;
        }
      }
      for (Map.Entry<RecordType, TypeSync<?, ?>> entry : syncs.entrySet()) {
        RecordType type = entry.getKey();
        TypeSync<?, ?> sync = entry.getValue();
        if (!stopped.containsKey(type)) {
          RuntimeException stop = step(run, type, !notReady.contains(type) ? sync::poll : () -> {
            prepare(run, type, all);
            sync.settleKnownWrites();
            sync.poll();
          });
          if (stop != null) {
            stopped.put(type, stop);
            lastStop = stop;
          }
        }
      }
      if (!syncs.isEmpty() && stopped.size() == syncs.size()) {
        // nothing went through: the run as a whole stopped, and a scheduler backs off by its cause as before
        throw lastStop;
      }
    });
  }

  /** The sync of each enabled record type this engine has a mapping for, in dependency order. */
  private static Map<RecordType, TypeSync<?, ?>> typeSyncs(Run run, SyncSettings settings,
      Map<RecordType, TypeBinding<?, ?>> all) {
    Map<RecordType, TypeSync<?, ?>> syncs = new EnumMap<>(RecordType.class);
    for (RecordType type : RecordType.values()) {
      if (!settings.isEnabled(type)) {
        continue;
      }
      TypeBinding<?, ?> binding = all.get(type);
      if (binding == null) {
        log.debug("{} sync is enabled but this engine has no mapping for it yet; skipped", type);
        continue;
      }
      syncs.put(type, new TypeSync<>(run, binding));
    }
    return syncs;
  }

  /**
   * One step of one type's cycle. A failure of the type alone (a listing that failed after the client's retries, a
   * page that could not be read, a listing that made no progress) is noted in the report and returned, so the run
   * goes on with the next type (and the type's later step is left out); a failure that concerns the whole connection
   * is thrown and stops the run.
   *
   * @return the failure that stopped the type, or null when the step finished
   */
  private RuntimeException step(Run run, RecordType type, Runnable step) {
    try {
      step.run();
      return null;
    } catch (RemoteFailure | SynergyApiException | TinyPlusApiException e) {
      StopCause cause = stopCauses.of(e, type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " sync");
      if (!TYPE_ONLY.contains(cause.kind())) {
        throw e;
      }
      log.debug("the {} sync of connection '{}' stopped ({}), going on with the next type: {}", type,
          config.connectionId(), cause.kind(), cause.message());
      run.typeStopped(type, cause);
      return e;
    }
  }

  /**
   * One record's pair synced now, under the lease, through the cycle's stages. With the master switch off, or for a
   * record type that is not enabled, a report saying so and no API call.
   *
   * @param type the record type
   * @param side the system the record lives in
   * @param id its id there
   * @return the report
   */
  public SyncReport push(RecordType type, Side side, long id) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(side, "side == null");
    SyncSettings settings = config.settings();
    if (!settings.masterSwitch()) {
      return notRun(SyncReport.Operation.PUSH).masterSwitchOff(true).build();
    }
    if (!settings.isEnabled(type)) {
      Flow flow = Flow.into(side.other());
      return notRun(SyncReport.Operation.PUSH)
          .addCounts(FlowCounts.builder().recordType(type).flow(flow).skipped(1).build())
          .addProblems(RecordEvent.builder().recordType(type).flow(flow).outcome(RecordOutcome.SKIPPED)
              .synergyId(side == Side.SYNERGY ? id : null).tinyPlusId(side == Side.TINYPLUS ? id : null)
              .message("the " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " sync is not enabled: add "
                  + type + " to SyncSettings.enabledTypes to sync these records")
              .build())
          .build();
    }
    return runner.run(SyncReport.Operation.PUSH, run -> {
      Map<RecordType, TypeBinding<?, ?>> all = bindings.forRun(run.calls());
      TypeBinding<?, ?> binding = all.get(type);
      if (binding == null) {
        throw new UnsupportedOperationException(type + " records cannot be synced by this engine yet");
      }
      prepare(run, type, all);
      new TypeSync<>(run, binding).push(side, id);
    });
  }

  /** A report of an operation that did not run: no lease taken, no API call. */
  private ImmutableSyncReport.Builder notRun(SyncReport.Operation operation) {
    Clock clock = config.clock();
    return SyncReport.builder()
        .operation(operation)
        .startedAt(clock.instant())
        .finishedAt(clock.instant());
  }

  /**
   * Every record of a type from one side to the other, matching before creating.
   *
   * @param type the record type
   * @param from the side the records come from
   * @param progress told done / total after each record
   * @param operation {@link SyncReport.Operation#DOWNLOAD_ALL} or {@link SyncReport.Operation#UPLOAD_ALL}
   * @return the report
   */
  public SyncReport transfer(RecordType type, Side from, ProgressListener progress, SyncReport.Operation operation) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(progress, "progress == null: pass ProgressListener.none() to ignore progress");
    return runner.run(operation, run -> {
      Map<RecordType, TypeBinding<?, ?>> all = bindings.forRun(run.calls());
      TypeBinding<?, ?> binding = all.get(type);
      if (binding == null) {
        throw new UnsupportedOperationException(type + " records cannot be synced by this engine yet");
      }
      prepare(run, type, all);
      new TypeSync<>(run, binding).transferAll(from, progress);
    });
  }

  /**
   * Tries the quarantined records of a type again now ("retry now", "retry all").
   *
   * @param type the record type
   * @param which which of the type's quarantined records
   * @return the report
   */
  public SyncReport retry(RecordType type, java.util.function.Predicate<RecordFailure> which) {
    Objects.requireNonNull(type, "type == null");
    return runner.run(SyncReport.Operation.RETRY, run -> {
      java.util.List<RecordFailure> failures = new java.util.ArrayList<>();
      for (RecordFailure failure : run.store().failures(config.connectionId())) {
        if (failure.recordType() == type && which.test(failure)) {
          failures.add(failure);
        }
      }
      Map<RecordType, TypeBinding<?, ?>> all = bindings.forRun(run.calls());
      TypeBinding<?, ?> binding = all.get(type);
      if (failures.isEmpty() || binding == null) {
        return;
      }
      prepare(run, type, all);
      new TypeSync<>(run, binding).retry(failures);
    });
  }

  /**
   * Checks the guide's order before a projects run and gives the project rules their per-run look-ups. This
   * engine's first projects run also checks the status mapping against both systems before anything moves, so a
   * projects sync with an unmapped status or phase never starts. The check is kept in the state store and holds for
   * {@link ProjectRun#STATUS_REFRESH_AGE} (for every engine on that store); a status or phase unknown to the mapping,
   * or a status write refused, has both systems read again sooner, which catches a status or phase added since.
   */
  @SuppressWarnings("unchecked")
  private void prepare(Run run, RecordType type, Map<RecordType, TypeBinding<?, ?>> all) {
    if (type == RecordType.PROJECT) {
      ProjectRun.attach(run, config.synergy(), config.tinyPlus(),
          (TypeBinding<Contact, Company>) all.get(RecordType.COMPANY));
      if (!statusMappingChecked) {
        run.attachment(ProjectRun.class).statuses();
        statusMappingChecked = true;
      }
    }
  }
}
