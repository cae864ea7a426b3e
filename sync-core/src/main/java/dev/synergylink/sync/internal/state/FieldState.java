package dev.synergylink.sync.internal.state;

import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Normaliser;
import java.util.Objects;

/**
 * One field's merge base in a pair. Values are raw, as the sides held them (the engine compares them normalised).
 *
 * <ul>
 *   <li>agreed: both sides agreed on {@link #agreed()} (null: on no value);
 *   <li>apart: the sides were left holding different values (one could not take the other's), each with its own
 *       base, so that neither reads as changed until it is;
 *   <li>held back: tiny+'s change is held back (a project in a locked status): Synergy has its own base, and tiny+'s
 *       base is one no value equals, so whatever tiny+ holds is the change to send once it is released;
 *   <li>unsettled: two records linked as a pair whose first merge has not completed (two records made apart, matched
 *       by key): a side that held a value when they were linked counts whatever it holds as its own change (emptied
 *       since included), and a side that held none has none as its base, so that the other side's value fills it.
 * </ul>
 *
 * Immutable.
 */
public final class FieldState {
  private static final FieldState NONE = new FieldState(Kind.AGREED, null, null, null);

  /** How the two sides stand on the field. */
  public enum Kind {
    /** Both sides hold the agreed value. */
    AGREED,
    /** Each side has its own base. */
    APART,
    /** Synergy has its own base; tiny+'s change is held back. */
    HELD_BACK,
    /** Linked and not merged yet: each side that held a value then has it as a change of its own. */
    UNSETTLED
  }

  private final Kind kind;
  private final String agreed;
  private final String synergyBase;
  private final String tinyPlusBase;

  private FieldState(Kind kind, String agreed, String synergyBase, String tinyPlusBase) {
    this.kind = kind;
    this.agreed = agreed;
    this.synergyBase = synergyBase;
    this.tinyPlusBase = tinyPlusBase;
  }

  /**
   * Both sides agree on a value.
   *
   * @param value the value, or null for none
   * @return the state
   */
  public static FieldState agreed(String value) {
    return value == null ? NONE : new FieldState(Kind.AGREED, value, null, null);
  }

  /**
   * The sides were left apart, each with its own base.
   *
   * @param agreed the value last agreed on (reported as a conflict's base), or null
   * @param synergyBase Synergy's own base, or null
   * @param tinyPlusBase tiny+'s own base, or null
   * @return the state
   */
  public static FieldState apart(String agreed, String synergyBase, String tinyPlusBase) {
    return new FieldState(Kind.APART, agreed, synergyBase, tinyPlusBase);
  }

  /**
   * Apart, or agreed when the two bases are equal (normalised).
   *
   * @param normaliser compares the bases
   * @param agreed the value last agreed on, or null
   * @param synergyBase Synergy's own base
   * @param tinyPlusBase tiny+'s own base
   * @return the state
   */
  public static FieldState apart(Normaliser normaliser, String agreed, String synergyBase, String tinyPlusBase) {
    if (Objects.equals(synergyBase, tinyPlusBase)
        || Objects.equals(normaliser.normalise(synergyBase), normaliser.normalise(tinyPlusBase))) {
      return agreed(synergyBase);
    }
    return apart(agreed, synergyBase, tinyPlusBase);
  }

  /**
   * tiny+'s change is held back.
   *
   * @param agreed the value last agreed on, or null
   * @param synergyBase Synergy's own base (its value as merged), or null
   * @return the state
   */
  public static FieldState heldBack(String agreed, String synergyBase) {
    return new FieldState(Kind.HELD_BACK, agreed, synergyBase, null);
  }

  /**
   * Two records linked and not merged yet, each side's value when they were linked: a side that held one has it as
   * its own change.
   *
   * @param synergyValue Synergy's value then, or null for none
   * @param tinyPlusValue tiny+'s value then, or null for none
   * @return the state
   */
  public static FieldState unsettled(String synergyValue, String tinyPlusValue) {
    return synergyValue == null && tinyPlusValue == null ? NONE
        : new FieldState(Kind.UNSETTLED, null, synergyValue, tinyPlusValue);
  }

  /**
   * Whether every value of a side reads as changed: a held-back tiny+ side, and an unsettled side that held a value.
   *
   * @param side the side
   * @return true when open
   */
  public boolean open(Side side) {
    return kind == Kind.HELD_BACK ? side == Side.TINYPLUS : kind == Kind.UNSETTLED && base(side) != null;
  }

  /**
   * How the sides stand.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The value both sides last agreed on.
   *
   * @return the value, or null
   */
  public String agreed() {
    return agreed;
  }

  /**
   * Whether tiny+'s change is held back.
   *
   * @return true when held back
   */
  public boolean heldBack() {
    return kind == Kind.HELD_BACK;
  }

  /**
   * A side's merge base: its own where the sides are apart, else the agreed value. A held-back tiny+ side has none
   * (null); use {@link #changed} to compare with it.
   *
   * @param side the side
   * @return the base, or null
   */
  public String base(Side side) {
    if (kind == Kind.AGREED) {
      return agreed;
    }
    return side == Side.SYNERGY ? synergyBase : tinyPlusBase;
  }

  /**
   * Whether a side's value differs from its base (normalised). Every value of an {@link #open} side differs.
   *
   * @param side the side
   * @param normaliser compares values
   * @param value the side's value
   * @return true when changed
   */
  public boolean changed(Side side, Normaliser normaliser, String value) {
    if (open(side)) {
      return true;
    }
    String base = base(side);
    // a value as it was is unchanged whatever the normaliser: most values, compared without normalising
    return !Objects.equals(value, base) && !Objects.equals(normaliser.normalise(value), normaliser.normalise(base));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof FieldState)) {
      return false;
    }
    FieldState that = (FieldState) other;
    return kind == that.kind && Objects.equals(agreed, that.agreed) && Objects.equals(synergyBase, that.synergyBase)
        && Objects.equals(tinyPlusBase, that.tinyPlusBase);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, agreed, synergyBase, tinyPlusBase);
  }

  /** Names the kind only: values are people's data. */
  @Override
  public String toString() {
    return "FieldState{" + kind + "}";
  }
}
