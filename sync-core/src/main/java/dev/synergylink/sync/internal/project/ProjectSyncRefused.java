package dev.synergylink.sync.internal.project;

import dev.synergylink.sync.SyncSettingsException;
import java.util.List;

/**
 * The projects sync cannot run now (the guide's order is not met, or the status mapping leaves a status or phase
 * unmapped): the run stops with every reason, and no project is touched. Not an {@link IllegalArgumentException},
 * so it is never taken for one bad record.
 */
public final class ProjectSyncRefused extends SyncSettingsException {
  private static final long serialVersionUID = 1L;

  /**
   * The refusal.
   *
   * @param problems one sentence per reason, each saying what to do
   */
  public ProjectSyncRefused(List<String> problems) {
    super("the projects sync cannot run: " + String.join("; ", problems), problems);
  }
}
