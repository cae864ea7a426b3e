package dev.synergylink.tinyplus;

/** Checks the query values share. */
final class QueryChecks {
  private QueryChecks() {}

  /**
   * Refuses an equality filter value that tiny+ would read as a comparison.
   *
   * @param name the query member, for the message
   * @param value the value, or null when the filter is not set
   */
  static void equality(String name, String value) {
    if (value != null && (value.startsWith("<") || value.startsWith(">"))) {
      throw new IllegalArgumentException(name + " starts with '" + value.charAt(0) + "', which tiny+ reads as a"
          + " strict comparison, not as part of the value: an equality filter cannot match such a value");
    }
  }
}
