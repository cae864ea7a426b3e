package dev.synergylink.sync.testkit;

/** The Australian Business Number checksum, as Synergy checks it. */
final class Abn {
  private static final int[] WEIGHTS = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};

  private Abn() {}

  /** Whether {@code abn} is 11 digits (spaces allowed anywhere) whose weighted checksum is a multiple of 89. */
  static boolean isValid(String abn) {
    String digits = abn.replace(" ", "");
    if (digits.length() != 11 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      int d = digits.charAt(i) - '0';
      if (i == 0) {
        d -= 1;
      }
      sum += d * WEIGHTS[i];
    }
    return sum % 89 == 0;
  }
}
