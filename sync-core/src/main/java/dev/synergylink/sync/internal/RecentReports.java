package dev.synergylink.sync.internal;

import dev.synergylink.sync.SyncReport;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The reports of an engine's last runs, newest first. Thread-safe. */
public final class RecentReports {
  private final int capacity;
  private final Deque<SyncReport> reports = new ArrayDeque<>();

  /**
   * An empty list.
   *
   * @param capacity how many reports are kept
   */
  public RecentReports(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Keeps a report, dropping the oldest past the capacity.
   *
   * @param report the newest report
   * @return the report
   */
  public synchronized SyncReport add(SyncReport report) {
    reports.addFirst(report);
    while (reports.size() > capacity) {
      reports.removeLast();
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
}
