package dev.synergylink.sync.spi;

import static java.util.Objects.requireNonNull;

/**
 * State the engine keeps in a {@link StateStore} and only the engine reads: a pair's merge base on a {@link Link}, the
 * values a create sends on a {@link PendingCreate}. A store keeps {@link #text()} as it is and gives it back with
 * {@link #of(String)}; it never parses it.
 *
 * <p>The text is a JSON object whose first member is the format version, {@code {"v":1,...}}. It holds no control
 * character (every one is escaped), so it stores as-is in a PostgreSQL {@code text} or {@code jsonb} column or any
 * other text column. Immutable and thread-safe.
 */
public final class EncodedState {
  private static final String PREFIX = "{\"v\":";

  private final String text;
  private final int version;

  private EncodedState(String text, int version) {
    this.text = text;
    this.version = version;
  }

  /**
   * State as a store kept it.
   *
   * @param text the text {@link #text()} gave when the state was saved
   * @return the state
   * @throws IllegalArgumentException when the text is not state the engine encoded (no {@code {"v":N}} start, or a
   *     control character): a store that changed the text it was given
   */
  public static EncodedState of(String text) {
    requireNonNull(text, "text == null");
    int digitsEnd = PREFIX.length();
    int version = 0;
    while (digitsEnd < text.length() && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9'
        && digitsEnd < PREFIX.length() + 9) {
      version = version * 10 + text.charAt(digitsEnd) - '0';
      digitsEnd++;
    }
    if (!text.startsWith(PREFIX) || digitsEnd == PREFIX.length() || !text.endsWith("}")) {
      throw new IllegalArgumentException("EncodedState text must be a JSON object starting with {\"v\":<version>, as the"
          + " engine wrote it; store and return the text unchanged (it starts with: "
          + text.substring(0, Math.min(12, text.length())) + ")");
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < 0x20) {
        throw new IllegalArgumentException("EncodedState text holds a control character at index " + i
            + "; store and return the text unchanged");
      }
    }
    return new EncodedState(text, version);
  }

  /**
   * The text to store.
   *
   * @return the JSON text, with no control character
   */
  public String text() {
    return text;
  }

  /**
   * The version of the encoding, for a store that wants to know which engine wrote a row.
   *
   * @return the format version
   */
  public int version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncodedState && ((EncodedState) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Names the version and size only: the state holds people's data (names, emails), which logs need not show. */
  @Override
  public String toString() {
    return "EncodedState{v" + version + ", " + text.length() + " chars}";
  }
}
