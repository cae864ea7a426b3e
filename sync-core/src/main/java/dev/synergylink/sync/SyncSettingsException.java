package dev.synergylink.sync;

import java.util.List;

/**
 * Settings that cannot be used, with every problem found, each in one sentence that says how to fix it. Thrown when
 * settings are built, and the cause of a run that stopped with {@link StopCause.Kind#SETTINGS} (the projects sync
 * refused before anything moved: a status left unmapped, or the companies not synced yet).
 */
public class SyncSettingsException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * An exception listing problems.
   *
   * @param problems one message per problem, not empty
   */
  public SyncSettingsException(List<String> problems) {
    this(message(problems), problems);
  }

  /**
   * An exception with its own message, for a refusal that is not about the settings' values alone.
   *
   * @param message the whole message
   * @param problems one message per problem, not empty
   */
  protected SyncSettingsException(String message, List<String> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  private static String message(List<String> problems) {
    if (problems.size() == 1) {
      return "Invalid sync settings: " + problems.get(0);
    }
    return "Invalid sync settings (" + problems.size() + " problems):\n- " + String.join("\n- ", problems);
  }

  /**
   * Every problem, one clear message each, for a settings screen.
   *
   * @return the problems
   */
  public List<String> problems() {
    return problems;
  }
}
