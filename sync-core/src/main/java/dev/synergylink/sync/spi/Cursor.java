package dev.synergylink.sync.spi;

import dev.synergylink.sync.SyncStyle;
import java.time.Instant;
import java.util.Comparator;
import org.immutables.value.Value;

/**
 * A high-water mark of one side's listing for one record type: every record ordered at or before
 * ({@link #modified()}, {@link #id()}) is done or quarantined.
 */
@SyncStyle
@Value.Immutable
public interface Cursor extends Comparable<Cursor> {
  /** The order of cursors: by modified instant, then id. */
  Comparator<Cursor> ORDER = Comparator.comparing(Cursor::modified).thenComparingLong(Cursor::id);

  /**
   * The modified instant of the last record done.
   *
   * @return the instant
   */
  @Value.Parameter
  Instant modified();

  /**
   * The id of the last record done.
   *
   * @return the id
   */
  @Value.Parameter
  long id();

  /**
   * A cursor.
   *
   * @param modified the modified instant
   * @param id the record id
   * @return the cursor
   */
  static Cursor of(Instant modified, long id) {
    return ImmutableCursor.of(modified, id);
  }

  @Override
  default int compareTo(Cursor other) {
    return ORDER.compare(this, other);
  }
}
