package dev.synergylink.sync.internal;

import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.StateStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports of an engine's last runs, newest first, and the connection's history in the state store. Thread-safe.
 */
public final class RecentReports {
  private static final Logger log = LoggerFactory.getLogger(RecentReports.class);

  private final int capacity;
  private final Deque<SyncReport> reports = new ArrayDeque<>();
  private final StateStore store;
  private final String connectionId;
  private final int kept;

  /**
   * An empty list, kept in memory only.
   *
   * @param capacity how many reports are kept
   */
  public RecentReports(int capacity) {
    this(capacity, null, null, 0);
  }

  /**
   * An empty list whose reports are also kept in a state store.
   *
   * @param capacity how many reports are kept in memory
   * @param store the state store, or null for none
   * @param connectionId the connection
   * @param kept how many of the connection's reports the store keeps
   */
  public RecentReports(int capacity, StateStore store, String connectionId, int kept) {
    this.capacity = capacity;
    this.store = store;
    this.connectionId = connectionId;
    this.kept = kept;
  }

  /**
   * Keeps a report, dropping the oldest past the capacity, and saves it in the store. A store that fails to keep it
   * costs the history that report, not the run: the failure is logged at DEBUG.
   *
   * @param report the newest report
   * @return the report
   */
  public SyncReport add(SyncReport report) {
    synchronized (this) {
      reports.addFirst(report);
      while (reports.size() > capacity) {
        reports.removeLast();
      }
    }
    if (store != null) {
      try {
        store.saveReport(connectionId, ReportJson.encode(report), kept);
      } catch (RuntimeException e) {
        log.debug("the state store did not keep the report of a run of connection '{}'", connectionId, e);
      }
    }
    return report;
  }

  /**
   * The reports kept.
   *
   * @return newest first
   */
  public synchronized List<SyncReport> list() {
    return List.copyOf(reports);
  }

  /**
   * The connection's history as the store keeps it, newest first; this engine's own reports when the store keeps
   * none. A kept report this engine cannot read (a newer format) is left out.
   *
   * @param limit the most to return
   * @return the reports
   */
  public List<SyncReport> history(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    List<EncodedState> stored = store == null ? List.of() : store.reports(connectionId, limit);
    if (stored.isEmpty()) {
      List<SyncReport> own = list();
      return own.subList(0, Math.min(limit, own.size()));
    }
    List<SyncReport> history = new ArrayList<>();
    for (EncodedState state : stored) {
      try {
        history.add(ReportJson.decode(state));
      } catch (RuntimeException e) {
        log.debug("a kept report of connection '{}' could not be read; left out", connectionId, e);
      }
    }
    return List.copyOf(history);
  }
}
