package dev.synergylink.sync.internal;

import dev.synergylink.sync.CallBudgetSpentException;
import dev.synergylink.sync.LeaseHeldException;
import dev.synergylink.sync.StopCause;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.SyncStoppedException;
import dev.synergylink.sync.internal.project.ProjectSyncRefused;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.LeaseLostException;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.tinyplus.TinyPlusApiException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one operation of an engine under the connection's lease: takes the lease (or refuses), hands the body a
 * {@link Run}, gives the lease back, and makes the report, with a typed {@link StopCause} when a system, the lease
 * or the settings stopped the run. Thread-safe; each run runs on its caller's thread.
 */
public final class LeaseRunner {
  private static final Logger log = LoggerFactory.getLogger(LeaseRunner.class);

  private final EngineConfig config;
  private final StopCauses stopCauses;
  private final RecentReports recent;

  /**
   * A runner for one engine.
   *
   * @param config what the engine was built with
   * @param recent where each report is kept
   */
  public LeaseRunner(EngineConfig config, RecentReports recent) {
    this.config = config;
    this.stopCauses = new StopCauses(config.synergy(), config.clock());
    this.recent = recent;
  }

  /**
   * Runs a body under the lease.
   *
   * @param operation what the run does, for its report
   * @param body the work
   * @return the report, told to the listeners and kept with the recent reports
   * @throws LeaseHeldException when another run of this connection holds the lease
   */
  public SyncReport run(SyncReport.Operation operation, Consumer<Run> body) {
    StateStore store = config.store();
    Run run = new Run(store, acquire(store), config.settings(), config.clock(), config.conflictPolicy(),
        config.listeners(), operation);
    StopCause stopped = null;
    try {
      run.budgetFrom(config.synergy());
      body.accept(run);
    } catch (RemoteFailure | SynergyApiException | TinyPlusApiException | LeaseLostException
        | ProjectSyncRefused | CallBudgetSpentException e) {
      stopped = stopCauses.of(e, "run");
      log.debug("run of connection '{}' stopped ({}): {}", config.connectionId(), stopped.kind(), stopped.message());
    } finally {
      // what the run spent of the call budget goes with the release: an idle cycle writes only lease and cursors
      if (!store.releaseLease(run.leaseHeld(), run.bookkeepingToKeep())) {
        log.debug("the spent budget of connection '{}' was not kept: the lease was lost", config.connectionId());
      }
    }
    return recent.add(run.finish(stopped));
  }

  /**
   * Runs a small change of the state store under the lease, with no report (an operator's dismissal).
   *
   * @param body the change, given the lease
   * @param <T> what it returns
   * @return what the body returned
   * @throws LeaseHeldException when another run of this connection holds the lease
   */
  public <T> T locked(java.util.function.Function<Lease, T> body) {
    StateStore store = config.store();
    Lease lease = acquire(store);
    try {
      return body.apply(lease);
    } finally {
      store.releaseLease(lease);
    }
  }

  /**
   * Sorts a failure of an operation that returns no report.
   *
   * @param e a {@link RemoteFailure} or a client's exception
   * @return the exception to throw instead
   */
  public SyncStoppedException stopped(RuntimeException e) {
    return stopCauses.stopped(e);
  }

  private Lease acquire(StateStore store) {
    String connection = config.connectionId();
    return store.acquireLease(connection, config.holder(), config.clock().instant(),
            config.settings().leaseDuration())
        .orElseThrow(() -> {
          String by = store.currentLease(connection, config.clock().instant())
              .map(l -> " by '" + l.holder() + "' until " + l.expiresAt())
              .orElse("");
          return new LeaseHeldException("lease held: connection '" + connection + "' is being synced" + by
              + "; one engine runs a connection at a time, try again when that run ends");
        });
  }
}
