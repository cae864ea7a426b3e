package dev.synergylink.sync;

import java.util.List;

/** Settings that cannot be used, with every problem found, each in one sentence that says how to fix it. */
public class SyncSettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * An exception listing problems.
   *
   * @param problems one message per problem, not empty
   */
  public SyncSettingsException(List<String> problems) {
    super(message(problems));
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
