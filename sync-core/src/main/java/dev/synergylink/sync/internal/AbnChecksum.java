package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.InvalidValueException;

/** The Australian Business Number check Synergy makes (11 digits, spaces allowed, a weighted checksum). */
public final class AbnChecksum {
  private static final int[] WEIGHTS = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};

  private AbnChecksum() {}

  /**
   * Whether an ABN passes: 11 digits (spaces anywhere) whose weighted sum, less one on the first digit, is a multiple
   * of 89.
   *
   * @param abn the ABN
   * @return true when valid
   */
  public static boolean isValid(String abn) {
    String digits = abn.replace(" ", "");
    if (digits.length() != 11 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      sum += (digits.charAt(i) - '0' - (i == 0 ? 1 : 0)) * WEIGHTS[i];
    }
    return sum % 89 == 0;
  }

  /**
   * Checks an ABN to be sent to Synergy.
   *
   * @param abn the ABN, or null for none
   * @throws InvalidValueException when Synergy would refuse it
   */
  public static void checkForSynergy(String abn) {
    if (abn != null && !isValid(abn)) {
      throw new InvalidValueException("abn", "is not a valid ABN: it must be 11 digits with a correct checksum;"
          + " correct it in tiny+ (the company syncs at its next retry)");
    }
  }
}
