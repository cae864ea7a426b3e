package dev.synergylink.sync.internal.state;

import dev.synergylink.sync.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * A value the engine sent to one side of a pair and has not yet seen that side answer: kept in the pair's state from
 * just before the write until the write's answer is saved. When a run stops between a write landing and the save of
 * the new merge base (a crash, a timeout that landed), the next merge finds the value here and settles it (see
 * {@link PairState#settleSent}), so that a person's later edit back to the old base is a change, not "unchanged".
 * Immutable.
 *
 * @param target the side written to
 * @param value the value sent (raw, as its source held it)
 * @param targetSeen the target record's modified instant as last seen before the write, or null when not known
 * @param sentAt when the write was about to be sent, by the engine's clock
 * @param missed whether the write certainly did not land (the target refused it or answered an error): kept until
 *     both records are read again, so that the source's edit back to the old base since is seen as a change
 */
public record SentWrite(Side target, String value, Instant targetSeen, Instant sentAt, boolean missed) {
  /**
   * A value sent, its answer not known yet.
   *
   * @param target the side written to
   * @param value the value sent, or null for none
   * @param targetSeen the target record's modified instant as last seen before the write, or null
   * @param sentAt when the write was about to be sent
   */
  public SentWrite(Side target, String value, Instant targetSeen, Instant sentAt) {
    this(target, value, targetSeen, sentAt, false);
  }

  /**
   * A value sent.
   *
   * @param target the side written to
   * @param value the value sent, or null for none
   * @param targetSeen the target record's modified instant as last seen before the write, or null
   * @param sentAt when the write was about to be sent
   * @param missed whether the write certainly did not land
   */
  public SentWrite {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  /**
   * Whether the target record, modified at {@code modifiedNow}, holds nothing of the write: the write certainly did not
   * land, or the record is the version seen before the write (or an older one, from a lagging list) and nobody, the
   * write included, has changed it since. Not known (false) when either instant is missing, or when the version seen
   * is from the second the write was sent in (tiny+ keeps whole seconds, so a write in that second could leave it).
   *
   * @param modifiedNow the target record's modified instant now, or null when not read
   * @return true when untouched
   */
  public boolean untouched(Instant modifiedNow) {
    return missed || targetSeen != null && modifiedNow != null && !modifiedNow.isAfter(targetSeen)
        && !targetSeen.plusSeconds(1).isAfter(sentAt);
  }

  /**
   * This write, known not to have landed.
   *
   * @return the write, missed
   */
  public SentWrite asMissed() {
    return new SentWrite(target, value, targetSeen, sentAt, true);
  }

  /** Names the side only: values are people's data. */
  @Override
  public String toString() {
    return "SentWrite{" + target + "}";
  }
}
